import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  applyRateBp,
  fenToDecimal,
  formatMoney,
  mulDivRound,
  mulDivRoundBig,
  MoneyParseError,
  parseMoney,
} from '../../shared/money';

const MAX_FEN = 999_999_999_999_999; // 15 digits: the parser's range

describe('parseMoney', () => {
  it.each([
    ['1234.56', 123456],
    ['1,234.56', 123456],
    ['¥1,234.56', 123456],
    ['￥1,234.56', 123456],
    ['CNY 12', 1200],
    ['rmb12.3', 1230],
    ['-12.5', -1250],
    ['¥-12.50', -1250],
    ['-¥12.50', -1250],
    ['(12.50)', -1250],
    ['（12.50）', -1250],
    ['0.05', 5],
    ['.5', 50],
    ['1.', 100],
    ['1.500', 150],
    ['  1 234.56 ', 123456],
    ['-0', 0],
    ['0', 0],
    ['1,234,567,890.12', 123456789012],
  ])('%s → %i', (text, fen) => {
    expect(parseMoney(text)).toBe(fen);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'format'],
    ['1,23', 'format'],
    ['12,34.5', 'format'],
    ['.', 'format'],
    ['¥', 'format'],
    ['--1', 'format'],
    ['-¥-1', 'format'],
    ['(-12.50)', 'format'],
    ['1.234', 'decimals'],
    ['12345678901234.00', 'range'],
  ] as const)('%s is refused (%s)', (text, reason) => {
    try {
      parseMoney(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MoneyParseError);
      expect((e as MoneyParseError).reason).toBe(reason);
    }
  });

  it('reads spreadsheet numbers the way the sheet shows them', () => {
    expect(parseMoney(1234.56)).toBe(123456);
    expect(parseMoney(0.1 + 0.2)).toBe(30);
    expect(parseMoney(1.1 * 3)).toBe(330);
    expect(parseMoney(-19.99)).toBe(-1999);
    expect(parseMoney(0)).toBe(0);
    expect(() => parseMoney(1.005)).toThrow(MoneyParseError);
    expect(() => parseMoney(1234567890123.456)).toThrow(MoneyParseError);
    expect(() => parseMoney(Number.NaN)).toThrow(MoneyParseError);
    expect(() => parseMoney(Number.POSITIVE_INFINITY)).toThrow(MoneyParseError);
  });

  it('round-trips fenToDecimal (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_FEN, max: MAX_FEN }), (fen) => {
        expect(parseMoney(fenToDecimal(fen))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips formatMoney (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_FEN, max: MAX_FEN }), (fen) => {
        expect(parseMoney(formatMoney(fen))).toBe(fen);
        expect(parseMoney(formatMoney(fen, { symbol: false }))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a number cell with two decimals exactly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_999, max: 99_999_999_999 }), (fen) => {
        expect(parseMoney(Number(fenToDecimal(fen)))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('fenToDecimal / formatMoney', () => {
  it('writes exact decimals', () => {
    expect(fenToDecimal(0)).toBe('0.00');
    expect(fenToDecimal(5)).toBe('0.05');
    expect(fenToDecimal(-5)).toBe('-0.05');
    expect(fenToDecimal(123456)).toBe('1234.56');
    expect(fenToDecimal(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
    expect(() => fenToDecimal(1.5)).toThrow(TypeError);
  });

  it('groups thousands', () => {
    expect(formatMoney(0)).toBe('¥0.00');
    expect(formatMoney(99)).toBe('¥0.99');
    expect(formatMoney(100000)).toBe('¥1,000.00');
    expect(formatMoney(123456789)).toBe('¥1,234,567.89');
    expect(formatMoney(-123456)).toBe('-¥1,234.56');
    expect(formatMoney(123456, { symbol: false })).toBe('1,234.56');
    expect(formatMoney(123456, { currency: 'USD' })).toBe('$1,234.56');
  });

  it('groups every three digits (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX_FEN, max: MAX_FEN }), (fen) => {
        const s = formatMoney(fen, { symbol: false });
        expect(s).toMatch(/^-?\d{1,3}(,\d{3})*\.\d{2}$/);
        expect(s.replace(/,/g, '')).toBe(fenToDecimal(fen));
      }),
    );
  });
});

describe('mulDivRound / applyRateBp', () => {
  it('rounds half away from zero', () => {
    expect(applyRateBp(10, 500)).toBe(1); // 0.5 → 1
    expect(applyRateBp(9, 500)).toBe(0); // 0.45 → 0
    expect(applyRateBp(-10, 500)).toBe(-1);
    expect(applyRateBp(123457, 500)).toBe(6173); // 6172.85
    expect(mulDivRound(5, 1, 2)).toBe(3);
    expect(mulDivRound(-5, 1, 2)).toBe(-3);
    expect(mulDivRound(5, 1, -2)).toBe(-3);
    expect(mulDivRound(0, 7, -3)).toBe(0);
    expect(Object.is(mulDivRound(-1, 1, 3), 0)).toBe(true);
    expect(() => mulDivRound(1, 1, 0)).toThrow(RangeError);
    expect(() => mulDivRound(1.5, 1, 1)).toThrow(TypeError);
  });

  it('is exact beyond 2^53 intermediate products', () => {
    expect(mulDivRound(900_000_000_000_000, 10_000, 10_000)).toBe(900_000_000_000_000);
    expect(applyRateBp(900_000_000_000_001, 5000)).toBe(450_000_000_000_001); // .5 rounds up
  });

  it('matches exact rational rounding (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 1e6 }),
        (a, b, c) => {
          // a result beyond 2^53 cannot be an exact number of fen: refused, never rounded silently
          const truncated = (BigInt(a) * BigInt(b)) / BigInt(c);
          if (truncated > BigInt(Number.MAX_SAFE_INTEGER) - 1n || truncated < -BigInt(Number.MAX_SAFE_INTEGER) + 1n) {
            expect(() => mulDivRound(a, b, c)).toThrow(RangeError);
            return;
          }
          const r = mulDivRound(a, b, c);
          // |a·b/c − r| ≤ 1/2, with ties away from zero: check with BigInt.
          const diff2 = 2n * BigInt(a) * BigInt(b) - 2n * BigInt(r) * BigInt(c);
          expect(diff2 <= BigInt(c) && diff2 >= -BigInt(c)).toBe(true);
          if (diff2 === BigInt(c)) expect(a * b).toBeLessThan(0);
          if (diff2 === -BigInt(c)) expect(a * b).toBeGreaterThan(0);
        },
      ),
      { examples: [[-901_892_385_576, 9987, 1]] },
    );
  });

  it('gives the BigInt result with plain doubles too, on both sides of where it switches (property)', () => {
    const edge = 2 ** 51;
    const near = fc.integer({ min: -64, max: 64 });
    const sign = fc.constantFrom(1, -1);
    // a × b close to 2^51 (above and below), c small or close to 2^51; and plain amounts
    const pair = fc.oneof(
      fc.tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: -20_000, max: 20_000 })),
      fc
        .tuple(fc.integer({ min: 1, max: 2 ** 20 }), near, sign)
        .map(([b, k, s]) => [s * (Math.floor(edge / b) + k), b]),
      fc.tuple(near, sign).map(([k, s]) => [s * (edge + k), 1]),
    );
    const divisor = fc.oneof(
      fc.integer({ min: -1e6, max: 1e6 }).filter((c) => c !== 0),
      fc.tuple(near, sign).map(([k, s]) => s * (edge + k)),
    );
    fc.assert(
      fc.property(pair, divisor, ([a, b], c) => {
        let big: number | Error;
        try {
          big = mulDivRoundBig(a, b, c);
        } catch (e) {
          big = e as Error;
        }
        if (big instanceof Error) expect(() => mulDivRound(a, b, c)).toThrow(big.constructor as typeof Error);
        else expect(Object.is(mulDivRound(a, b, c), big)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('hundredths and basis points without floats', () => {
  it('reads percentages and months exactly', async () => {
    const { parseHundredths } = await import('../../shared/money');
    expect(parseHundredths('12.5')).toBe(1250);
    expect(parseHundredths(1.5)).toBe(150);
    expect(parseHundredths('0.07')).toBe(7);
    expect(() => parseHundredths('1.234')).toThrow(/more than 2 decimals/);
  });
  it('formats basis points as percent text', async () => {
    const { formatBp } = await import('../../shared/money');
    expect(formatBp(1234)).toBe('12.34');
    expect(formatBp(1234, 1)).toBe('12.3');
    expect(formatBp(1235, 1)).toBe('12.4');
    expect(formatBp(-1235, 1)).toBe('-12.4');
    expect(formatBp(5, 1)).toBe('0.1');
    expect(formatBp(4, 1)).toBe('0.0');
    expect(formatBp(-4, 1)).toBe('0.0');
    expect(formatBp(10_000, 0)).toBe('100');
    expect(formatBp(7)).toBe('0.07');
  });
});
