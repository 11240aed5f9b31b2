import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkCredit,
  currentRatioLimit,
  DEFAULT_GRADE_THRESHOLDS,
  gradeFor,
  judgementLimit,
  netAssetLimit,
  rate6C,
  salesMethodLimit,
  workingCapitalLimit,
} from '../../main/domain/credit';

describe('credit limit methods', () => {
  it('sales method: monthly purchases × share × months', () => {
    const r = salesMethodLimit({ monthlyPurchases: 50_000_000, supplyShareBp: 3000, creditPeriodMonths: 2 });
    expect(r).toEqual({
      method: 'sales',
      limit: 30_000_000,
      inputs: { monthlyPurchases: 50_000_000, supplyShareBp: 3000, creditPeriodMonths: 2 },
    });
    expect(salesMethodLimit({ monthlyPurchases: 33_333, supplyShareBp: 3333, creditPeriodMonths: 1.5 }).limit).toBe(
      16_665,
    ); // 16664.83
    expect(() => salesMethodLimit({ monthlyPurchases: 1, supplyShareBp: 10_001, creditPeriodMonths: 1 })).toThrow(
      RangeError,
    );
    expect(() => salesMethodLimit({ monthlyPurchases: 1, supplyShareBp: 100, creditPeriodMonths: 1.234 })).toThrow(
      RangeError,
    );
  });

  it('working-capital and net-asset split', () => {
    expect(workingCapitalLimit({ workingCapital: 1_000_000, suppliers: 3 }).limit).toBe(333_333);
    expect(workingCapitalLimit({ workingCapital: 200, suppliers: 3 }).limit).toBe(67);
    expect(workingCapitalLimit({ workingCapital: -5, suppliers: 3 }).limit).toBe(0);
    expect(() => workingCapitalLimit({ workingCapital: 5, suppliers: 0 })).toThrow(RangeError);
    const n = netAssetLimit({ totalAssets: 9_000_000, totalLiabilities: 4_000_000, suppliers: 4 });
    expect(n.limit).toBe(1_250_000);
    expect(n.inputs.netAssets).toBe(5_000_000);
    expect(netAssetLimit({ totalAssets: 1, totalLiabilities: 4, suppliers: 1 }).limit).toBe(0);
  });

  it('current-ratio method with norm 2.0 and cap 1.5×', () => {
    const base = 10_000_000;
    const at = (ca: number, cl: number) =>
      currentRatioLimit({ currentAssets: ca, currentLiabilities: cl, baseLimit: base });
    expect(at(200, 100).limit).toBe(10_000_000); // ratio 2.0 → 1×
    expect(at(100, 100).limit).toBe(5_000_000); // ratio 1.0 → 0.5×
    expect(at(300, 100).limit).toBe(15_000_000); // 1.5× exactly, not capped
    expect(at(300, 100).inputs.capped).toBe(false);
    expect(at(500, 100).limit).toBe(15_000_000); // 2.5× capped to 1.5×
    expect(at(500, 100).inputs).toMatchObject({ capped: true, currentRatio: 5, normPermille: 2000, capPermille: 1500 });
    expect(at(500, 0).limit).toBe(15_000_000);
    expect(at(500, 0).inputs.currentRatio).toBeNull();
    expect(at(0, 100).limit).toBe(0);
    expect(at(1, 3).limit).toBe(1_666_667); // 1/3 ÷ 2 = 0.1666… × base
    expect(
      currentRatioLimit({
        currentAssets: 150,
        currentLiabilities: 100,
        baseLimit: 1000,
        normPermille: 1500,
        capPermille: 2000,
      }).limit,
    ).toBe(1000);
  });

  it('judgement with step adjustments', () => {
    const r = judgementLimit({
      amount: 5_000_000,
      factors: { safety: '良好' },
      adjustments: [
        { reason: '按时付款', amount: 1_000_000 },
        { reason: '逾期', amount: -500_000 },
      ],
    });
    expect(r.limit).toBe(5_500_000);
    expect(judgementLimit({ amount: 100, adjustments: [{ reason: 'x', amount: -200 }] }).limit).toBe(0);
  });
});

describe('6C rating', () => {
  const all = (v: number) => ({ character: v, capacity: v, capital: v, collateral: v, conditions: v, continuity: v });

  it('weights the scores and grades them', () => {
    const r = rate6C({ character: 90, capacity: 80, capital: 70, collateral: 60, conditions: 50, continuity: 100 });
    // (90·25 + 80·20 + 70·20 + 60·10 + 50·10 + 100·15) / 100 = 78.5
    expect(r.score).toBe(78.5);
    expect(r.grade).toBe('A');
    const equal = { character: 1, capacity: 1, capital: 1, collateral: 1, conditions: 1, continuity: 1 };
    expect(
      rate6C({ character: 100, capacity: 0, capital: 0, collateral: 0, conditions: 0, continuity: 0 }, equal),
    ).toMatchObject({ score: 16.67, grade: 'C' });
  });

  it('thresholds are inclusive at every grade', () => {
    const expected = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C'];
    DEFAULT_GRADE_THRESHOLDS.forEach((t, i) => {
      expect(rate6C(all(t.min)).grade).toBe(expected[i]);
      expect(gradeFor(t.min)).toBe(expected[i]);
    });
    expect(rate6C(all(89)).grade).toBe('AA');
    expect(rate6C(all(9)).grade).toBe('D');
    expect(rate6C(all(0)).grade).toBe('D');
    expect(rate6C(all(100)).grade).toBe('AAA');
  });

  it('takes configured thresholds and refuses bad input', () => {
    expect(rate6C(all(85), undefined, [{ grade: 'A', min: 85 }]).grade).toBe('A');
    expect(rate6C(all(84), undefined, [{ grade: 'A', min: 85 }]).grade).toBe('D');
    expect(() => rate6C(all(101))).toThrow(RangeError);
    expect(() => rate6C(all(50), all(0))).toThrow(/all be zero/);
    expect(() =>
      rate6C(all(50), undefined, [
        { grade: 'A', min: 50 },
        { grade: 'B', min: 60 },
      ]),
    ).toThrow(/thresholds/);
  });

  it('the grade is monotone in every score (property)', () => {
    const score = fc.integer({ min: 0, max: 100 });
    const rank = (g: string) => [...DEFAULT_GRADE_THRESHOLDS.map((t) => t.grade), 'D'].indexOf(g as never);
    fc.assert(
      fc.property(
        fc.array(score, { minLength: 6, maxLength: 6 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 100 }),
        (s, i, bump) => {
          const keys = ['character', 'capacity', 'capital', 'collateral', 'conditions', 'continuity'] as const;
          const a = Object.fromEntries(keys.map((k, j) => [k, s[j]])) as Record<(typeof keys)[number], number>;
          const b = { ...a, [keys[i]]: Math.min(100, a[keys[i]] + bump) };
          expect(rank(rate6C(b).grade)).toBeLessThanOrEqual(rank(rate6C(a).grade));
        },
      ),
    );
  });
});

describe('checkCredit', () => {
  const base = { openReceivables: 80_000, unsettledNotes: 10_000, limit: 100_000, onHold: false, oldestOverdueDays: 0 };

  it('ok within the limit', () => {
    expect(checkCredit({ ...base, openReceivables: 10_000, newAmount: 5_000 })).toEqual({
      status: 'ok',
      reasons: [],
      exposure: 20_000,
      projected: 25_000,
      available: 75_000,
    });
  });

  it('warns near the limit, blocks over it (notes count in the exposure)', () => {
    const near = checkCredit({ ...base, newAmount: 0 });
    expect(near.status).toBe('warn');
    expect(near.reasons.map((r) => r.code)).toEqual(['near_limit']);
    expect(checkCredit({ ...base, newAmount: 10_000 }).status).toBe('warn'); // exactly at the limit
    const over = checkCredit({ ...base, newAmount: 10_001 });
    expect(over.status).toBe('block');
    expect(over.reasons[0]).toMatchObject({ code: 'over_limit', severity: 'block' });
    expect(over.available).toBe(-1);
    expect(checkCredit({ ...base, newAmount: 10_001, policy: { overLimit: 'warn' } }).status).toBe('warn');
  });

  it('credit hold and overdue beyond policy', () => {
    const r = checkCredit({ ...base, openReceivables: 0, onHold: true, oldestOverdueDays: 61 });
    expect(r.status).toBe('block');
    expect(r.reasons.map((x) => [x.code, x.severity])).toEqual([
      ['on_hold', 'block'],
      ['overdue', 'warn'],
    ]);
    expect(checkCredit({ ...base, openReceivables: 0, oldestOverdueDays: 60 }).status).toBe('ok');
    expect(
      checkCredit({
        ...base,
        openReceivables: 0,
        oldestOverdueDays: 31,
        policy: { maxOverdueDays: 30, overdue: 'block' },
      }).status,
    ).toBe('block');
    expect(
      checkCredit({ ...base, openReceivables: 0, oldestOverdueDays: 999, policy: { maxOverdueDays: null } }).status,
    ).toBe('ok');
  });

  it('no approved limit warns by default', () => {
    const r = checkCredit({ ...base, limit: null });
    expect(r).toMatchObject({ status: 'warn', available: null });
    expect(r.reasons[0].code).toBe('no_limit');
    expect(checkCredit({ ...base, limit: null, policy: { noLimit: 'ok' } }).status).toBe('ok');
    expect(checkCredit({ ...base, openReceivables: 0, unsettledNotes: 0, limit: 0 }).status).toBe('ok');
    expect(checkCredit({ ...base, openReceivables: 0, unsettledNotes: 0, limit: 0, newAmount: 1 }).status).toBe(
      'block',
    );
  });
});
