// Pure data shaping for the Pareto chart (客户分析): one bar per customer while that stays
// readable, otherwise bars of consecutive ranks (never mixing tiers, so colours stay exact),
// with the cumulative share at each bar's end. Money stays integer fen; shares are display-only.
import type { CompositionRow, MatrixCell } from '@shared/types-analysis';

export interface ParetoPoint {
  /** first and last rank in the bar (1-based) */
  from: number;
  to: number;
  /** customer code when the bar is one customer */
  code: string | null;
  /** sum of the bar's average monthly sales, fen */
  value: number;
  tier: string;
  /** cumulative share of the total through this bar, percent (display only) */
  cumPercent: number;
}

export interface ParetoSeries {
  points: ParetoPoint[];
  /** customers per bar when aggregated (1: one bar per customer) */
  bucketSize: number;
  total: number;
}

/**
 * averages: average monthly sales in rank order (fen); tiers: one letter per rank;
 * codes: customer codes by rank (may be shorter); maxBars: readable bar count.
 */
export function paretoSeries(
  averages: readonly number[],
  tiers: string,
  codes: readonly string[] = [],
  maxBars = 60,
): ParetoSeries {
  const n = averages.length;
  let total = 0;
  for (const a of averages) total += a;
  const bucketSize = n <= maxBars ? 1 : Math.ceil(n / maxBars);
  const points: ParetoPoint[] = [];
  let cum = 0;
  let start = 0;
  while (start < n) {
    const tier = tiers[start] ?? 'C';
    let end = start;
    let value = 0;
    while (end < n && end - start < bucketSize && (tiers[end] ?? 'C') === tier) {
      value += averages[end];
      end++;
    }
    cum += value;
    points.push({
      from: start + 1,
      to: end,
      code: end - start === 1 ? (codes[start] ?? null) : null,
      value,
      tier,
      cumPercent: total > 0 ? Math.round((cum * 10000) / total) / 100 : 0,
    });
    start = end;
  }
  return { points, bucketSize, total };
}

export interface TierShareRow {
  tier: string;
  customers: number;
  sales: number;
  /** percent, one decimal (display only) */
  customerShare: number;
  salesShare: number;
}

/** Tier counts and shares (customers and sales), always A, B, C in order. */
export function tierShares(totals: readonly { tier: string; customers: number; sales: number }[]): TierShareRow[] {
  const byTier = new Map(totals.map((t) => [t.tier, t]));
  const allCustomers = totals.reduce((s, t) => s + t.customers, 0);
  const allSales = totals.reduce((s, t) => s + t.sales, 0);
  const pct = (x: number, of: number) => (of > 0 ? Math.round((x * 1000) / of) / 10 : 0);
  return ['A', 'B', 'C'].map((tier) => {
    const t = byTier.get(tier) ?? { customers: 0, sales: 0 };
    return {
      tier,
      customers: t.customers,
      sales: t.sales,
      customerShare: pct(t.customers, allCustomers),
      salesShare: pct(t.sales, allSales),
    };
  });
}

export const RATING_ORDER = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D'];

export interface MatrixTable {
  /** rating columns present in the data, in rating order, 'none' last */
  ratings: string[];
  rows: { tier: string; cells: Record<string, { customers: number; open: number }> }[];
}

/** The tier × rating matrix as rows A, B, C, none and the rating columns that occur. */
export function matrixTable(cells: readonly MatrixCell[]): MatrixTable {
  const present = new Set(cells.map((c) => c.rating ?? 'none'));
  const ratings = [
    ...RATING_ORDER.filter((r) => present.has(r)),
    ...[...present].filter((r) => r !== 'none' && !RATING_ORDER.includes(r)).sort(),
  ];
  if (present.has('none')) ratings.push('none');
  const rows = ['A', 'B', 'C', 'none'].map((tier) => ({
    tier,
    cells: {} as Record<string, { customers: number; open: number }>,
  }));
  for (const c of cells) {
    const row = rows.find((r) => r.tier === (c.tier ?? 'none'))!;
    row.cells[c.rating ?? 'none'] = { customers: c.customers, open: c.open };
  }
  return { ratings, rows: rows.filter((r) => Object.keys(r.cells).length > 0) };
}

export interface CompositionSlice {
  key: string | null;
  customers: number;
  sales: number;
  salesShare: number;
}

/** Composition rows with their sales share; beyond `top` groups the rest is folded into one "other" row (key '…'). */
export function compositionSlices(rows: readonly CompositionRow[], top = 12): CompositionSlice[] {
  const all = rows.reduce((s, r) => s + r.sales, 0);
  const pct = (x: number) => (all > 0 ? Math.round((x * 1000) / all) / 10 : 0);
  const head = rows
    .slice(0, top)
    .map((r) => ({ key: r.key, customers: r.customers, sales: r.sales, salesShare: pct(r.sales) }));
  if (rows.length > top) {
    const rest = rows.slice(top);
    const sales = rest.reduce((s, r) => s + r.sales, 0);
    head.push({ key: '…', customers: rest.reduce((s, r) => s + r.customers, 0), sales, salesShare: pct(sales) });
  }
  return head;
}
