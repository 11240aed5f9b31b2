// Money is an integer number of minor units (分). These helpers are the only place where
// text becomes money and money becomes text; no float arithmetic happens on amounts.

export type Fen = number;

const MONEY_RE = /^([+-])?\s*(?:¥|￥|CNY|RMB)?\s*([+-])?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/i;

export class MoneyParseError extends Error {
  constructor(
    readonly input: string,
    readonly reason: 'empty' | 'format' | 'decimals' | 'range',
  ) {
    super(
      reason === 'decimals'
        ? `amount "${input}" has more than 2 decimals`
        : reason === 'empty'
          ? 'amount is empty'
          : reason === 'range'
            ? `amount "${input}" is too large`
            : `"${input}" is not an amount`,
    );
    this.name = 'MoneyParseError';
  }
}

/** Full-width digits and signs typed with a Chinese input method (１２３４．５６, －５, ，) as ASCII. */
export function halfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[。]/g, '.');
}

/**
 * Parse "1234.56", "1,234.56", "¥1,234.56", "-12.5", "（12.50）", full-width "１２３４．５６" exactly into fen.
 * Throws MoneyParseError naming the reason.
 */
export function parseMoney(input: string | number): Fen {
  if (typeof input === 'number') {
    // Spreadsheet cells arrive as numbers. A computed cell can carry binary noise
    // (0.1 + 0.2 = 0.30000000000000004) that Excel itself hides by showing 15 significant
    // digits; read the number the same way, so the user gets what the sheet displays.
    if (!Number.isFinite(input)) throw new MoneyParseError(String(input), 'format');
    // Only a difference of a few ulps counts as noise; a number that really has more digits
    // keeps them and is refused below as having too many decimals.
    const p = input.toPrecision(15);
    const noise = !/e/i.test(p) && Math.abs(Number(p) - input) <= 4 * Number.EPSILON * Math.abs(input);
    return parseMoney(noise ? p : String(input));
  }
  let s = halfWidth(input).trim().replace(/\s+/g, '');
  if (s === '') throw new MoneyParseError(input, 'empty');
  let negative = false;
  const paren = /^[(（](.*)[)）]$/.exec(s);
  if (paren) {
    // Accounting negative "(12.50)"; a sign inside as well is ambiguous, so refuse it.
    if (/[+-]/.test(paren[1])) throw new MoneyParseError(input, 'format');
    negative = true;
    s = paren[1];
  }
  const m = MONEY_RE.exec(s);
  if (!m || (m[3] === undefined && (m[4] === undefined || m[4] === ''))) throw new MoneyParseError(input, 'format');
  if ((m[1] === '-') !== (m[2] === '-') && (m[1] === '-' || m[2] === '-')) negative = !negative;
  if (m[1] && m[2]) throw new MoneyParseError(input, 'format');
  const whole = (m[3] ?? '0').replace(/,/g, '');
  const frac = m[4] ?? '';
  if (frac.length > 2) {
    if (/[1-9]/.test(frac.slice(2))) throw new MoneyParseError(input, 'decimals');
  }
  const cents = (frac + '00').slice(0, 2);
  const digits = whole.replace(/^0+(?=\d)/, '') + cents;
  if (digits.length > 15) throw new MoneyParseError(input, 'range');
  const value = Number(digits);
  return negative && value !== 0 ? -value : value;
}

/** Exact yuan text "1234.56" / "-0.05" from fen, no grouping, no symbol (for files). */
export function fenToDecimal(fen: Fen): string {
  assertFen(fen);
  const neg = fen < 0;
  const a = Math.abs(fen);
  const s = `${(a - (a % 100)) / 100}.${String(a % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

/** Locale display: zh-CN "¥1,234.56", en "¥1,234.56" (CNY), negative "-¥1,234.56". */
export function formatMoney(fen: Fen, opts: { symbol?: boolean; currency?: string } = {}): string {
  assertFen(fen);
  const neg = fen < 0;
  const a = Math.abs(fen);
  const whole = String((a - (a % 100)) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = String(a % 100).padStart(2, '0');
  const symbol = opts.symbol === false ? '' : currencySymbol(opts.currency ?? 'CNY');
  return `${neg ? '-' : ''}${symbol}${whole}.${cents}`;
}

export function currencySymbol(currency: string): string {
  switch (currency) {
    case 'CNY':
      return '¥';
    case 'USD':
      return '$';
    case 'HKD':
      return 'HK$';
    case 'EUR':
      return '€';
    default:
      return `${currency} `;
  }
}

export function assertFen(fen: unknown): asserts fen is Fen {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen)) {
    throw new TypeError(`money must be an integer number of fen, got ${String(fen)}`);
  }
}

// Below this a × b and 2·|a × b| + |c| are exact doubles (< 2^53), and so is floor of their
// quotient (a quotient of integers below 2^53 is never rounded up onto the next integer)
const EXACT_IN_DOUBLES = 2 ** 51;

/**
 * round(a × b ÷ c) in exact integer arithmetic, rounding half away from zero: 2.5 → 3,
 * −2.5 → −3 (for the positive amounts of rates this is the usual 四舍五入 half-up). Used for
 * every rate applied to money: amount × bp ÷ 10000. Small products (any amount below ¥10^9 ×
 * 10,000 bp) in plain doubles, where every step is exact; larger ones in BigInt (a whole-book
 * report calls this per customer: BigInt was ~0.25 µs × 100,000 of a CLI ageing).
 */
export function mulDivRound(a: number, b: number, c: number): number {
  // checked one by one (no arrays per call: whole-book reports call this per customer)
  if (!Number.isSafeInteger(a)) throw new TypeError(`mulDivRound: a must be an integer, got ${a}`);
  if (!Number.isSafeInteger(b)) throw new TypeError(`mulDivRound: b must be an integer, got ${b}`);
  if (!Number.isSafeInteger(c)) throw new TypeError(`mulDivRound: c must be an integer, got ${c}`);
  if (c === 0) throw new RangeError('mulDivRound: division by zero');
  const p = a * b;
  const d = Math.abs(c);
  if (Math.abs(p) > EXACT_IN_DOUBLES || d > EXACT_IN_DOUBLES) return mulDivRoundBig(a, b, c);
  const q = Math.floor((Math.abs(p) * 2 + d) / (2 * d)); // floor((|p| + d/2) / d) without losing the half
  return q === 0 ? 0 : p < 0 !== c < 0 ? -q : q; // never -0
}

/** mulDivRound in BigInt (a × b may exceed 2^53); exported as the reference of its tests. */
export function mulDivRoundBig(a: number, b: number, c: number): number {
  let n = BigInt(a) * BigInt(b);
  let d = BigInt(c);
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const q = (abs * 2n + d) / (2n * d); // floor((abs + d/2) / d) without losing the half
  const r = Number(neg ? -q : q);
  if (!Number.isSafeInteger(r)) throw new RangeError('mulDivRound: result out of range');
  return r === 0 ? 0 : r; // never -0
}

/** amount × rate, the rate in basis points (1 bp = 0.01 %), rounded half away from zero. */
export function applyRateBp(amount: Fen, rateBp: number): Fen {
  return mulDivRound(amount, rateBp, 10_000);
}

/**
 * Exact decimal (at most 2 places) → integer hundredths, with parseMoney's rules: a percentage
 * becomes basis points ("12.5" → 1250), a period in months becomes hundredths of a month.
 */
export function parseHundredths(input: string | number): number {
  return parseMoney(input);
}

/** Basis points as percent text by integer arithmetic: 1234 → "12.34", (1234, 1) → "12.3". */
export function formatBp(bp: number, digits: 0 | 1 | 2 = 2): string {
  if (!Number.isSafeInteger(bp)) throw new TypeError(`basis points must be an integer, got ${bp}`);
  const step = digits === 2 ? 1 : digits === 1 ? 10 : 100;
  const a = Math.abs(bp);
  const q = (a - (a % step)) / step + (a % step >= step / 2 && step > 1 ? 1 : 0); // half away from zero
  const scale = digits === 2 ? 100 : digits === 1 ? 10 : 1;
  const whole = (q - (q % scale)) / scale;
  const text = digits === 0 ? String(whole) : `${whole}.${String(q % scale).padStart(digits, '0')}`;
  return bp < 0 && q !== 0 ? `-${text}` : text;
}
