// Property tests of the credit rules (SPEC §4) against plain reference implementations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_GRADE_THRESHOLDS,
  rate6C,
  DEFAULT_6C_WEIGHTS,
  SIX_C,
  salesMethodLimit,
  workingCapitalLimit,
  netAssetLimit,
  currentRatioLimit,
  type SixC,
} from '../../main/domain/credit';
import {
  brokenPromiseRateBp,
  GRADES,
  maxDaysOwedBreached,
  overdueAmountBreached,
  suggestDowngrade,
  validateGradeThresholds,
  validateScores,
  validateWeights,
} from '../../main/domain/credit-rules';
import { firstReviewDayFrom, nextReviewDue, reviewDueAfter } from '../../main/domain/credit-review';
import { computeWorksheet } from '../../main/domain/credit-worksheet';

const sixOf = <T>(arb: fc.Arbitrary<T>) =>
  fc
    .tuple(arb, arb, arb, arb, arb, arb)
    .map((v) => Object.fromEntries(SIX_C.map((k, i) => [k, v[i]])) as Record<SixC, T>);

/** Reference grade: weighted mean as an exact fraction, first threshold from the top it reaches. */
function refGrade(
  scores: Record<SixC, number>,
  weights: Record<SixC, number>,
  thresholds = DEFAULT_GRADE_THRESHOLDS,
): string {
  let num = 0;
  let den = 0;
  for (const k of SIX_C) {
    num += scores[k] * weights[k];
    den += weights[k];
  }
  const mean = num / den; // exact when the mean is a whole number, so boundaries are exact
  for (const t of thresholds) if (mean >= t.min) return t.grade;
  return 'D';
}

describe('6C rating', () => {
  it('weighted score → grade matches the reference (AAA ≥ 90 … D)', () => {
    const weights = sixOf(fc.integer({ min: 0, max: 100 })).filter((w) => SIX_C.reduce((s, k) => s + w[k], 0) > 0);
    fc.assert(
      fc.property(sixOf(fc.integer({ min: 0, max: 100 })), weights, (s, w) => rate6C(s, w).grade === refGrade(s, w)),
      { numRuns: 2000 },
    );
  });

  it('the stored score × 100 is exact integer arithmetic, rounded half up (reference: long division)', () => {
    // reference: num / den to two decimals by hand, the third decimal deciding (half up)
    const ref = (s: Record<SixC, number>, w: Record<SixC, number>) => {
      const num = SIX_C.reduce((a, k) => a + s[k] * w[k], 0);
      const den = SIX_C.reduce((a, k) => a + w[k], 0);
      const thousandths = Math.floor((num * 1000) / den); // integers: exact
      return Math.floor(thousandths / 10) + (thousandths % 10 >= 5 ? 1 : 0);
    };
    const weights = sixOf(fc.integer({ min: 0, max: 100 })).filter((w) => SIX_C.reduce((s, k) => s + w[k], 0) > 0);
    fc.assert(
      fc.property(sixOf(fc.integer({ min: 0, max: 100 })), weights, (s, w) => {
        const r = rate6C(s, w);
        return Number.isInteger(r.scoreX100) && r.scoreX100 === ref(s, w) && r.score === r.scoreX100 / 100;
      }),
      { numRuns: 3000 },
    );
    // 1/3 of the way: 3 × 33 + … → 33.33; 2/3 → 66.67 (a float × 100 gives 66.66999…)
    const w = { character: 1, capacity: 1, capital: 1, collateral: 0, conditions: 0, continuity: 0 };
    const s = (a: number, b: number, c: number) => ({
      character: a,
      capacity: b,
      capital: c,
      collateral: 0,
      conditions: 0,
      continuity: 0,
    });
    expect(rate6C(s(100, 100, 0), w).scoreX100).toBe(6667);
    expect(rate6C(s(100, 0, 0), w).scoreX100).toBe(3333);
    expect(rate6C(s(57, 57, 58), w).scoreX100).toBe(5733);
  });

  it('boundaries: exactly 90 is AAA, 89 is AA, 9 is D', () => {
    const w = { character: 100, capacity: 0, capital: 0, collateral: 0, conditions: 0, continuity: 0 };
    const s = (x: number) => ({ character: x, capacity: 0, capital: 0, collateral: 0, conditions: 0, continuity: 0 });
    expect([90, 89, 80, 79, 10, 9, 0].map((x) => rate6C(s(x), w).grade)).toEqual([
      'AAA',
      'AA',
      'AA',
      'A',
      'C',
      'D',
      'D',
    ]);
  });

  it('weights are valid exactly when six whole numbers 0–100 sum to 100', () => {
    fc.assert(
      fc.property(sixOf(fc.integer({ min: -5, max: 105 })), (w) => {
        const ref = SIX_C.every((k) => w[k] >= 0 && w[k] <= 100) && SIX_C.reduce((s, k) => s + w[k], 0) === 100;
        return (validateWeights(w).length === 0) === ref;
      }),
      { numRuns: 2000 },
    );
    expect(
      validateWeights({ character: 30, capacity: 20, capital: 20, collateral: 10, conditions: 10, continuity: 15 }),
    ).toEqual([{ field: 'weights', key: 'weights_sum', values: { sum: 105 } }]);
    expect(
      validateWeights({ character: -1, capacity: 20, capital: 20, collateral: 10, conditions: 10, continuity: 15 }),
    ).toEqual([{ field: 'weights.character', key: 'weight_range' }]);
  });

  it('thresholds are valid exactly when 0–100 and strictly decreasing, with a message on the offending grade', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10, max: 110 }), { minLength: 9, maxLength: 9 }), (mins) => {
        const t = mins.map((min, i) => ({ grade: GRADES[i], min }));
        const ref = mins.every((m) => m >= 0 && m <= 100) && mins.every((m, i) => i === 0 || m < mins[i - 1]);
        return (validateGradeThresholds(t).length === 0) === ref;
      }),
      { numRuns: 2000 },
    );
    const t = DEFAULT_GRADE_THRESHOLDS.map((x) => ({ ...x }));
    t[3].min = 70; // BBB equal to A
    expect(validateGradeThresholds(t)).toEqual([
      { field: 'thresholds.BBB', key: 'threshold_decreasing', values: { above: 'A', aboveMin: 70 } },
    ]);
  });

  it('scores must be whole numbers 0–100', () => {
    expect(
      validateScores({
        character: 101,
        capacity: 50,
        capital: 50,
        collateral: 50,
        conditions: -1,
        continuity: 50.5,
      }).map((i) => i.field),
    ).toEqual(['scores.character', 'scores.conditions', 'scores.continuity']);
  });

  it('downgrade suggestion: a grade better than the payment record supports', () => {
    expect(suggestDowngrade('AA', { avgDaysLate: 45, largestOverdue: 0, ledgerMonths: 12 })).toEqual({
      grade: 'BB',
      key: 'late_payer',
      values: { avgDaysLate: 45, overDays: 30 },
    });
    expect(suggestDowngrade('CC', { avgDaysLate: 120, largestOverdue: 0, ledgerMonths: 12 })).toBeNull();
    expect(suggestDowngrade('AAA', { avgDaysLate: 15, largestOverdue: 0, ledgerMonths: 12 })).toBeNull();
    expect(suggestDowngrade('AAA', { avgDaysLate: 16, largestOverdue: 0, ledgerMonths: 12 })?.grade).toBe('A');
  });

  it('broken promises: rate = not kept in full ÷ decided, in basis points, exact (reference: BigInt)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), (a, b) => {
        const [broken, decided] = a <= b ? [a, b] : [b, a];
        const got = brokenPromiseRateBp(broken, decided);
        if (decided === 0) return got === null;
        const n = BigInt(broken) * 10_000n;
        const d = BigInt(decided);
        const ref = Number((n * 2n + d) / (2n * d)); // half up
        return got === ref;
      }),
      { numRuns: 2000 },
    );
    expect(brokenPromiseRateBp(1, 3)).toBe(3333);
    expect(brokenPromiseRateBp(2, 3)).toBe(6667);
  });

  it('broken promises suggest B at best from 2 decided and 50 %; the lower of the two reasons wins', () => {
    const ev = (decidedPromises: number, brokenPromises: number, avgDaysLate = 0) => ({
      avgDaysLate,
      largestOverdue: 0,
      ledgerMonths: 12,
      decidedPromises,
      brokenPromises,
    });
    expect(suggestDowngrade('AA', ev(4, 2))).toEqual({
      grade: 'B',
      key: 'broken_promises',
      values: { broken: 2, decided: 4, ratePct: '50' },
    });
    expect(suggestDowngrade('AA', ev(5, 2))).toBeNull(); // 40 %
    expect(suggestDowngrade('AA', ev(1, 1))).toBeNull(); // one promise is not a pattern
    expect(suggestDowngrade('B', ev(3, 3))).toBeNull(); // already at the cap
    expect(suggestDowngrade('AA', ev(3, 3, 45))?.key).toBe('broken_promises'); // B below BB
    expect(suggestDowngrade('AA', ev(3, 3, 95))).toMatchObject({ grade: 'CCC', key: 'late_payer' });
  });
});

describe('credit class reviews (A 6, B 3, C 1 months; due by the 10th)', () => {
  const date = fc
    .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  it('due on the 10th of the month N months after the base month (reference: Date.UTC month overflow)', () => {
    fc.assert(
      fc.property(date, fc.constantFrom('A', 'B', 'C' as const), (d, cls) => {
        const months = { A: 6, B: 3, C: 1 }[cls];
        const ref = new Date(Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1 + months, 10))
          .toISOString()
          .slice(0, 10);
        return reviewDueAfter(d, cls) === ref;
      }),
      { numRuns: 2000 },
    );
    expect(reviewDueAfter('2026-03-25', 'B')).toBe('2026-06-10');
    expect(reviewDueAfter('2026-01-31', 'C')).toBe('2026-02-10');
    expect(reviewDueAfter('2026-08-01', 'A')).toBe('2027-02-10');
    expect(reviewDueAfter('2026-12-10', 'C')).toBe('2027-01-10');
  });
  it('never reported: due on the first 10th on or after the as-of date; no class: nothing due', () => {
    expect(firstReviewDayFrom('2026-05-10')).toBe('2026-05-10');
    expect(firstReviewDayFrom('2026-05-11')).toBe('2026-06-10');
    expect(firstReviewDayFrom('2026-12-31')).toBe('2027-01-10');
    expect(nextReviewDue({ creditClass: 'B', lastReportOn: null, classSetOn: null, asOf: '2026-05-11' })).toBe(
      '2026-06-10',
    );
    expect(
      nextReviewDue({ creditClass: 'B', lastReportOn: '2026-05-20', classSetOn: '2026-01-01', asOf: '2026-06-11' }),
    ).toBe('2026-08-10');
    expect(
      nextReviewDue({ creditClass: null, lastReportOn: '2026-05-20', classSetOn: null, asOf: '2026-06-11' }),
    ).toBeNull();
  });
});

describe('limit worksheet: five methods with input validation', () => {
  const fen = fc.integer({ min: 0, max: 1e12 });
  it('non-negative figures give the same limits as each method alone', () => {
    fc.assert(
      fc.property(
        fen,
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 1200 }),
        fen,
        fc.integer({ min: 1, max: 50 }),
        fen,
        fen,
        fen,
        (mp, share, months, wc, n, a, l, base) => {
          const r = computeWorksheet({
            sales: { monthlyPurchases: mp, supplyShareBp: share, creditPeriodMonths: months / 100 },
            workingCapital: { workingCapital: wc, suppliers: n },
            netAsset: { totalAssets: a, totalLiabilities: l, suppliers: n },
            currentRatio: { currentAssets: a, currentLiabilities: l, baseLimit: base },
            judgement: { amount: base },
          });
          expect(r.issues).toEqual([]);
          expect(r.limits).toEqual({
            sales: salesMethodLimit({ monthlyPurchases: mp, supplyShareBp: share, creditPeriodMonths: months / 100 })
              .limit,
            working_capital: workingCapitalLimit({ workingCapital: wc, suppliers: n }).limit,
            net_asset: netAssetLimit({ totalAssets: a, totalLiabilities: l, suppliers: n }).limit,
            current_ratio: currentRatioLimit({ currentAssets: a, currentLiabilities: l, baseLimit: base }).limit,
            judgement: base,
          });
        },
      ),
      { numRuns: 300 },
    );
  });
  it('sales method reference: purchases × share × months, rounded half up to the fen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 2400 }),
        (mp, share, h) => {
          const exact = BigInt(mp) * BigInt(share) * BigInt(h); // fen × 1e6
          const ref = Number((exact * 2n + 1_000_000n) / 2_000_000n);
          return (
            computeWorksheet({
              sales: { monthlyPurchases: mp, supplyShareBp: share, creditPeriodMonths: (h / 100).toFixed(2) },
            }).limits.sales === ref
          );
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('negative figures, zero suppliers, shares over 100 %: per-field issues and no result for that method', () => {
    const r = computeWorksheet({
      sales: { monthlyPurchases: -1, supplyShareBp: 12_000, creditPeriodMonths: '-1' },
      workingCapital: { workingCapital: 100, suppliers: 0 },
      netAsset: { totalAssets: 100, totalLiabilities: -5, suppliers: 2 },
      judgement: { amount: 500_000, adjustments: [{ reason: '逾期两次', amount: -100_000 }] },
    });
    expect(r.issues).toEqual([
      { field: 'sales.monthlyPurchases', key: 'must_not_be_negative' },
      { field: 'sales.supplyShareBp', key: 'out_of_range' },
      { field: 'sales.creditPeriodMonths', key: 'must_not_be_negative' },
      { field: 'workingCapital.suppliers', key: 'must_be_positive' },
      { field: 'netAsset.totalLiabilities', key: 'must_not_be_negative' },
    ]);
    expect(r.limits).toEqual({
      sales: null,
      working_capital: null,
      current_ratio: null,
      net_asset: null,
      judgement: 400_000,
    });
  });
});

describe('control rules', () => {
  it('max days owed: blocks only beyond N days; off when null', () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.option(fc.nat(1000)),
        (days, n) => maxDaysOwedBreached(days, n) === (n !== null && days > n),
      ),
    );
    expect(maxDaysOwedBreached(90, 90)).toBe(false);
    expect(maxDaysOwedBreached(91, 90)).toBe(true);
  });
  it('overdue-amount threshold: strictly above', () => {
    expect(overdueAmountBreached(100_000, 100_000)).toBe(false);
    expect(overdueAmountBreached(100_001, 100_000)).toBe(true);
    expect(overdueAmountBreached(1e9, null)).toBe(false);
  });
});

describe('rate6C refuses fractional scores and weights (no float arithmetic)', () => {
  it('throws on a fractional score or weight', () => {
    const s = { character: 50.5, capacity: 50, capital: 50, collateral: 50, conditions: 50, continuity: 50 };
    expect(() => rate6C(s)).toThrow(/whole number/);
    const ok = { ...s, character: 50 };
    expect(() => rate6C(ok, { ...DEFAULT_6C_WEIGHTS, character: 0.5 })).toThrow(/whole number/);
  });
});
