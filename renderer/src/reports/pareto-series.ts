// Pure data shaping for the 客户分析 page: tier shares, the tier × rating matrix, composition
// slices. The Pareto series itself is computed in main (shared/pareto-series.ts) so the page
// never receives the whole ranking; it is re-exported here for the chart.
import type { CompositionRow, MatrixCell } from '@shared/types-analysis';

export { paretoSeries, type ParetoPoint, type ParetoSeries } from '@shared/pareto-series';

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
