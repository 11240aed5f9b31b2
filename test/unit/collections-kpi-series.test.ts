// Data shaping of the collections KPIs (renderer/src/reports/collections-kpi-series.ts).
import { describe, expect, it } from 'vitest';
import {
  collectionsKpiCards,
  forecastBars,
  tenthsText,
  weekLabel,
} from '../../renderer/src/reports/collections-kpi-series';
import type { CollectionsKpisOut } from '../../shared/types-collections-kpis';

const weeks = Array.from({ length: 13 }, (_, k) => ({
  week: k + 1,
  from: `2026-06-${String(1 + 7 * k).padStart(2, '0')}`,
  to: '',
  expected: k === 0 ? 70_000 : k === 2 ? 30_000 : 0,
}));
const kpis: CollectionsKpisOut = {
  asOf: '2026-06-01',
  from: '2026-03-04',
  to: '2026-06-01',
  days: 90,
  cei: { bp: 8182, opening: 10_000_000, sales: 5_000_000, closing: 6_000_000, closingCurrent: 4_000_000 },
  bestPossibleDsoTenths: 720,
  promiseKept: { kept: 2, decided: 3, bp: 6667 },
  forecast: { pastDue: 50_000, weeks, later: 0 },
  ms: 1,
};

describe('collections KPI cards', () => {
  it('CEI, best-possible DSO and kept rate with their figures and tones', () => {
    expect(collectionsKpiCards(kpis)).toEqual([
      {
        key: 'cei',
        format: 'percent',
        value: 8182,
        sub: [
          { key: 'closing', format: 'money', value: 6_000_000 },
          { key: 'closingCurrent', format: 'money', value: 4_000_000 },
        ],
        tone: 'good',
      },
      { key: 'bestDso', format: 'days', value: 720, sub: [], tone: 'normal' },
      {
        key: 'promiseKept',
        format: 'percent',
        value: 6667,
        sub: [
          { key: 'kept', format: 'count', value: 2 },
          { key: 'decided', format: 'count', value: 3 },
        ],
        tone: 'warn',
      },
    ]);
    const none = collectionsKpiCards({
      ...kpis,
      cei: { ...kpis.cei, bp: 4999 },
      promiseKept: { kept: 0, decided: 0, bp: null },
    });
    expect(none.map((c) => c.tone)).toEqual(['bad', 'normal', 'normal']);
  });
  it('tenths of a day as text', () => {
    expect(tenthsText(720)).toBe('72.0');
    expect(tenthsText(43)).toBe('4.3');
    expect(tenthsText(5)).toBe('0.5');
    expect(tenthsText(null)).toBe('—');
  });
});

describe('forecast bars', () => {
  it('past due first, then 13 weeks with a running total; a zero "later" is left out', () => {
    const bars = forecastBars(kpis.forecast);
    expect(bars).toHaveLength(14);
    expect(bars[0]).toEqual({
      key: 'pastDue',
      kind: 'pastDue',
      week: null,
      from: null,
      to: null,
      expected: 50_000,
      cumulative: null,
    });
    expect(bars.slice(1, 4).map((b) => [b.key, b.expected, b.cumulative])).toEqual([
      ['w1', 70_000, 70_000],
      ['w2', 0, 70_000],
      ['w3', 30_000, 100_000],
    ]);
    expect(bars[13].cumulative).toBe(100_000);
    expect(weekLabel(bars[1])).toBe('6/1');
    expect(weekLabel(bars[3])).toBe('6/15');
    const withLater = forecastBars({ pastDue: 0, weeks, later: 123 });
    expect(withLater.map((b) => b.key)).toEqual([...weeks.map((w) => `w${w.week}`), 'later']);
  });
});
