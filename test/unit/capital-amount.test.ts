import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capitalAmount } from '../../shared/capital-amount';

// [fen, expected] — the brief's list, the PBOC examples (first form) and zero placements.
const TABLE: [number, string][] = [
  [0, '零元整'],
  [1, '壹分'],
  [5, '伍分'],
  [10, '壹角整'],
  [50, '伍角整'],
  [55, '伍角伍分'],
  [99, '玖角玖分'],
  [100, '壹元整'],
  [105, '壹元零伍分'],
  [150, '壹元伍角整'],
  [155, '壹元伍角伍分'],
  [1000, '壹拾元整'],
  [1001, '壹拾元零壹分'],
  [1010, '壹拾元零壹角整'],
  [1100, '壹拾壹元整'],
  [2000, '贰拾元整'],
  [10000, '壹佰元整'],
  [10100, '壹佰零壹元整'],
  [11000, '壹佰壹拾元整'],
  [10050, '壹佰元零伍角整'],
  [100000, '壹仟元整'],
  [100100, '壹仟零壹元整'],
  [101000, '壹仟零壹拾元整'],
  [101001, '壹仟零壹拾元零壹分'],
  [110000, '壹仟壹佰元整'],
  [123456, '壹仟贰佰叁拾肆元伍角陆分'],
  [260000, '贰仟陆佰元整'],
  [140950, '壹仟肆佰零玖元伍角整'], // PBOC: ￥1409.50
  [600714, '陆仟零柒元壹角肆分'], // PBOC: ￥6007.14
  [168032, '壹仟陆佰捌拾元零叁角贰分'], // PBOC: ￥1680.32
  [10700053, '壹拾万柒仟元零伍角叁分'], // PBOC: ￥107000.53
  [1640902, '壹万陆仟肆佰零玖元零贰分'], // PBOC: ￥16409.02
  [32504, '叁佰贰拾伍元零肆分'], // PBOC: ￥325.04
  [1000000, '壹万元整'],
  [1000100, '壹万零壹元整'],
  [1001000, '壹万零壹拾元整'],
  [1010000, '壹万零壹佰元整'],
  [1100000, '壹万壹仟元整'],
  [10000000, '壹拾万元整'],
  [10000010, '壹拾万元零壹角整'],
  [10000100, '壹拾万零壹元整'],
  [10100000, '壹拾万壹仟元整'],
  [10010000, '壹拾万零壹佰元整'],
  [11000000, '壹拾壹万元整'],
  [100000000, '壹佰万元整'],
  [100100000, '壹佰万壹仟元整'],
  [101000000, '壹佰零壹万元整'],
  [1000000000, '壹仟万元整'],
  [1000000100, '壹仟万零壹元整'],
  [1001000000, '壹仟零壹万元整'],
  [1010000000, '壹仟零壹拾万元整'],
  [1234567800, '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元整'],
  [10000000000, '壹亿元整'],
  [10000000100, '壹亿零壹元整'],
  [10010000000, '壹亿零壹拾万元整'],
  [10000100000, '壹亿零壹仟元整'],
  [11000000000, '壹亿壹仟万元整'],
  [10100000000, '壹亿零壹佰万元整'],
  [10001000000, '壹亿零壹万元整'],
  [12345678912, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分'],
  [100000000000, '壹拾亿元整'],
  [100000000001, '壹拾亿元零壹分'],
  [1000000000000, '壹佰亿元整'],
  [10000000000000, '壹仟亿元整'],
  [100000000000000, '壹万亿元整'],
  [100010000000000, '壹万零壹亿元整'],
  [100000000000100, '壹万亿零壹元整'],
  [999999999999999, '玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  [-5, '负伍分'],
  [-123456, '负壹仟贰佰叁拾肆元伍角陆分'],
  [-10000000, '负壹拾万元整'],
];

describe('capitalAmount', () => {
  it.each(TABLE)('%i fen → %s', (fen, words) => {
    expect(capitalAmount(fen)).toBe(words);
  });

  it('can leave 整 out after 角', () => {
    expect(capitalAmount(150, { zhengAfterJiao: false })).toBe('壹元伍角');
    expect(capitalAmount(50, { zhengAfterJiao: false })).toBe('伍角');
    expect(capitalAmount(100, { zhengAfterJiao: false })).toBe('壹元整');
  });

  it('refuses non-integers', () => {
    expect(() => capitalAmount(1.5)).toThrow(TypeError);
    expect(() => capitalAmount(Number.NaN)).toThrow(TypeError);
  });

  // An independent reader of capital amounts: every output must read back to its number.
  function readBack(s: string): number {
    const digits = '零壹贰叁肆伍陆柒捌玖';
    let neg = false;
    if (s.startsWith('负')) {
      neg = true;
      s = s.slice(1);
    }
    s = s.replace(/整$/, '');
    let yuanPart = '';
    let rest = s;
    const yi = s.indexOf('元');
    if (yi >= 0) {
      yuanPart = s.slice(0, yi);
      rest = s.slice(yi + 1);
    }
    const small = (t: string): number => {
      let n = 0;
      let d = 0;
      for (const ch of t) {
        const v = digits.indexOf(ch);
        if (v >= 0) d = v;
        else {
          const u = { 拾: 10, 佰: 100, 仟: 1000 }[ch];
          if (!u) throw new Error(`bad char ${ch}`);
          n += d * u;
          d = 0;
        }
      }
      return n + d;
    };
    const section = (t: string): number => {
      const w = t.lastIndexOf('万');
      return w >= 0 ? small(t.slice(0, w)) * 10_000 + small(t.slice(w + 1)) : small(t);
    };
    const big = (t: string): number => {
      const y = t.lastIndexOf('亿');
      return y >= 0 ? section(t.slice(0, y)) * 100_000_000 + section(t.slice(y + 1)) : section(t);
    };
    let fen = big(yuanPart) * 100;
    const jiao = /([壹贰叁肆伍陆柒捌玖])角/.exec(rest);
    const fenM = /([壹贰叁肆伍陆柒捌玖])分/.exec(rest);
    if (jiao) fen += digits.indexOf(jiao[1]) * 10;
    if (fenM) fen += digits.indexOf(fenM[1]);
    return neg ? -fen : fen;
  }

  it('reads back to the same amount, with well-formed 零 and 整 (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -999_999_999_999_999, max: 999_999_999_999_999 }),
          fc.integer({ min: 0, max: 100_000 }),
          // Sparse digits exercise the 零 rules.
          fc.array(fc.constantFrom(0, 0, 0, 1, 5, 9), { minLength: 1, maxLength: 15 }).map((ds) => Number(ds.join(''))),
        ),
        (fen) => {
          const s = capitalAmount(fen);
          expect(readBack(s)).toBe(fen);
          expect(s).not.toMatch(/零零/);
          if (fen !== 0) expect(s).not.toMatch(/零[元万亿整]/); // 零 never stands before a unit or 整
          expect(s).not.toMatch(/^负?零[^元]/); // no leading 零 except 零元整
          expect(s).not.toMatch(/分整/);
          expect(s).toMatch(/[整分]$/);
          if (fen !== 0) expect(s).not.toMatch(/^零/);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
