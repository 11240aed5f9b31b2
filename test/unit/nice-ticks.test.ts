import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceTicks, trendMonthLabel } from '../../renderer/src/reports/nice-ticks';
import { axisMoney } from '../../renderer/src/reports/dashboard-series';

const isNiceStep = (step: number) => {
  let s = step / 100;
  while (s >= 10 && s % 10 === 0) s /= 10;
  return s === 1 || s === 2 || s === 5;
};

describe('niceTicks', () => {
  it('uses 1/2/5 steps: a 14 million yuan maximum gets 0 / 500万 / 1000万 / 1500万', () => {
    const ticks = niceTicks(0, 14_000_000_00);
    expect(ticks.map((v) => axisMoney(v, 'zh-CN'))).toEqual(['0', '500万', '1000万', '1500万']);
    expect(niceTicks(-90_000, 270_000)).toEqual([-100_000, 0, 100_000, 200_000, 300_000]);
  });
  it('covers the range with nice equal steps and includes 0 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 1e12 }), (a, span) => {
        const min = a;
        const max = a + span;
        const t = niceTicks(min, max);
        expect(t[0]).toBeLessThanOrEqual(Math.min(0, min));
        expect(t[t.length - 1]).toBeGreaterThanOrEqual(Math.max(0, max));
        expect(t).toContain(0);
        const step = t[1] - t[0];
        expect(isNiceStep(step)).toBe(true);
        for (let i = 1; i < t.length; i++) expect(t[i] - t[i - 1]).toBe(step);
        expect(t.length).toBeLessThanOrEqual(12);
      }),
    );
  });
});

describe('trend month labels', () => {
  it('every month labelled; the year where it starts or turns', () => {
    const months = ['2025-12', '2026-01', '2026-02', '2026-03'];
    expect(months.map((m, i) => trendMonthLabel(m, i, 'zh-CN'))).toEqual(['2025年12月', '2026年1月', '2月', '3月']);
    expect(months.map((m, i) => trendMonthLabel(m, i, 'en'))).toEqual(['Dec 2025', 'Jan 2026', 'Feb', 'Mar']);
  });
});
