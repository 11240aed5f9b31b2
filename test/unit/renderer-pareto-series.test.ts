import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compositionSlices, matrixTable, paretoSeries, tierShares } from '../../renderer/src/reports/pareto-series';

describe('Pareto series', () => {
  it('one bar per customer with the cumulative share at each bar', () => {
    const s = paretoSeries([400_000, 83_333, 33_334, 33_333], 'ABBC', ['C1', 'C2', 'C3', 'C7']);
    expect(s.bucketSize).toBe(1);
    expect(s.total).toBe(550_000);
    expect(s.points).toEqual([
      { from: 1, to: 1, code: 'C1', value: 400_000, tier: 'A', cumulative: 400_000, cumPercent: 72.73 },
      { from: 2, to: 2, code: 'C2', value: 83_333, tier: 'B', cumulative: 483_333, cumPercent: 87.88 },
      { from: 3, to: 3, code: 'C3', value: 33_334, tier: 'B', cumulative: 516_667, cumPercent: 93.94 },
      { from: 4, to: 4, code: 'C7', value: 33_333, tier: 'C', cumulative: 550_000, cumPercent: 100 },
    ]);
  });

  it('100,000 customers aggregate into about 60 bars that never mix tiers', () => {
    const n = 100_000;
    const averages = Array.from({ length: n }, (_, i) => n - i);
    const tiers = 'A'.repeat(20_001) + 'B'.repeat(30_000) + 'C'.repeat(49_999);
    const s = paretoSeries(averages, tiers, [], 60);
    expect(s.bucketSize).toBe(1667);
    expect(s.customers).toBe(n);
    expect(s.points.length).toBeLessThanOrEqual(62);
    expect(s.points[0]).toMatchObject({ from: 1, to: 1667, code: null, tier: 'A' });
    // the cell 18,338–20,004 holds the last A ranks and the first B ranks: two bars
    expect(s.points.filter((p) => p.from >= 18_338 && p.to <= 20_004)).toMatchObject([
      { from: 18_338, to: 20_001, tier: 'A' },
      { from: 20_002, to: 20_004, tier: 'B' },
    ]);
    expect(s.points.at(-1)).toMatchObject({ to: n, tier: 'C', cumulative: s.total, cumPercent: 100 });
    expect(s.points.reduce((a, p) => a + p.value, 0)).toBe(s.total);
  });

  it('bars cover every rank exactly once, in order, one tier each (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 1_000_000 }), { maxLength: 500 }),
        fc.integer({ min: 1, max: 80 }),
        (raw, maxBars) => {
          const averages = [...raw].sort((a, b) => b - a);
          const tiers = averages
            .map((_, i) => (i < averages.length / 5 ? 'A' : i < averages.length / 2 ? 'B' : 'C'))
            .join('');
          const s = paretoSeries(averages, tiers, [], maxBars);
          let next = 1;
          let cum = 0;
          for (const p of s.points) {
            expect(p.from).toBe(next);
            expect(p.to - p.from + 1).toBeLessThanOrEqual(s.bucketSize);
            // one cell of bucketSize ranks, one tier; the value and the running sum exact in fen
            expect(Math.floor((p.from - 1) / s.bucketSize)).toBe(Math.floor((p.to - 1) / s.bucketSize));
            expect(new Set(tiers.slice(p.from - 1, p.to))).toEqual(new Set([p.tier]));
            expect(p.value).toBe(averages.slice(p.from - 1, p.to).reduce((a, b) => a + b, 0));
            cum += p.value;
            expect(p.cumulative).toBe(cum);
            next = p.to + 1;
          }
          expect(next).toBe(averages.length + 1);
          expect(s.points.length).toBeLessThanOrEqual(maxBars + 2);
        },
      ),
    );
  });

  it('cumulative percent from exact integer fen (no float product of money)', () => {
    // 122,424,554,671,302 of 385,164,557,720,000 fen is exactly 31.785 %: half-up gives 31.79; the
    // float product cumulative × 10,000 (past 2^53) lost the half and gave 31.78
    const s = paretoSeries([122_424_554_671_302, 385_164_557_720_000 - 122_424_554_671_302], 'AB');
    expect(s.points.map((p) => p.cumPercent)).toEqual([31.79, 100]);
    expect(s.points[0].cumulative).toBe(122_424_554_671_302);
  });

  it('empty ranking and zero totals', () => {
    expect(paretoSeries([], '')).toEqual({ points: [], bucketSize: 1, customers: 0, total: 0 });
    expect(paretoSeries([0, 0], 'CC').points.map((p) => p.cumPercent)).toEqual([0, 0]);
  });
});

describe('tier shares, matrix, composition', () => {
  it('counts and shares for A, B, C even when a tier is empty', () => {
    expect(
      tierShares([
        { tier: 'A', customers: 1, sales: 3_000 },
        { tier: 'C', customers: 3, sales: 1_000 },
      ]),
    ).toEqual([
      { tier: 'A', customers: 1, sales: 3_000, customerShare: 25, salesShare: 75 },
      { tier: 'B', customers: 0, sales: 0, customerShare: 0, salesShare: 0 },
      { tier: 'C', customers: 3, sales: 1_000, customerShare: 75, salesShare: 25 },
    ]);
  });
  it('matrix: rating columns in rating order, not rated last; rows A, B, C, none', () => {
    const m = matrixTable([
      { tier: 'B', rating: 'BBB', customers: 2, open: 500 },
      { tier: 'A', rating: null, customers: 1, open: 100 },
      { tier: 'A', rating: 'AAA', customers: 3, open: 900 },
      { tier: null, rating: 'AAA', customers: 1, open: 0 },
    ]);
    expect(m.ratings).toEqual(['AAA', 'BBB', 'none']);
    expect(m.rows.map((r) => r.tier)).toEqual(['A', 'B', 'none']);
    expect(m.rows[0].cells).toEqual({ none: { customers: 1, open: 100 }, AAA: { customers: 3, open: 900 } });
  });
  it('composition folds the tail into one row', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ key: `K${i}`, customers: 1, sales: 100 }));
    expect(compositionSlices(rows, 3).map((r) => [r.key, r.customers, r.sales, r.salesShare])).toEqual([
      ['K0', 1, 100, 20],
      ['K1', 1, 100, 20],
      ['K2', 1, 100, 20],
      ['…', 2, 200, 40],
    ]);
  });
});

import { creditUse, monthLabel } from '../../renderer/src/reports/overview-series';

describe('overview series', () => {
  it('credit use bar: percent of the limit, capped, over-limit flagged, no limit', () => {
    expect(creditUse(60_000, 5_000_000, true)).toEqual({ percent: 1, over: false, hasLimit: true });
    expect(creditUse(5_000_000, 5_000_000, true)).toEqual({ percent: 100, over: false, hasLimit: true });
    expect(creditUse(6_000_000, 5_000_000, true)).toEqual({ percent: 100, over: true, hasLimit: true });
    // no limit (0 meaning "no limit", the default): nothing is over it
    expect(creditUse(0, 0, false)).toEqual({ percent: 0, over: false, hasLimit: false });
    expect(creditUse(10, 0, false)).toEqual({ percent: 0, over: false, hasLimit: false });
    // a limit of 0 meaning "no credit": any use is over it
    expect(creditUse(10, 0, true)).toEqual({ percent: 100, over: true, hasLimit: true });
  });
  it('month labels show the year in January', () => {
    expect(['2025-12', '2026-01', '2026-02'].map((m) => monthLabel(m, 'zh-CN'))).toEqual(['12月', '2026年1月', '2月']);
    expect(['2025-12', '2026-01'].map((m) => monthLabel(m, 'en'))).toEqual(['Dec', 'Jan 2026']);
  });
});
