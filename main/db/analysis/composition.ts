// Customer composition (客户构成) with current figures: ranked customers (neither prospect nor
// terminated) and their net sales in a window of whole months, read from the trigger-kept
// monthly_sales table — so the panel never waits for (or depends on) a stored tier run.
import type Database from 'better-sqlite3';
import type { CompositionRow } from '../../../shared/types-analysis';

export type CompositionDimension = 'nature' | 'region' | 'industry' | 'tier';
const DIMENSIONS: readonly CompositionDimension[] = ['nature', 'region', 'industry', 'tier'];

/** Customers and their sales (net, below zero counts as zero — SPEC §3) per group of each dimension. */
export function currentComposition(
  sqlite: Database.Database,
  fromMonth: string,
  toMonth: string,
): Record<CompositionDimension, CompositionRow[]> {
  const rows = sqlite
    .prepare(
      `SELECT c.nature AS nature, c.region_code AS region, json_extract(c.profile, '$.industry') AS industry,
              c.value_tier AS tier, MAX(0, COALESCE(s.net, 0)) AS sales
         FROM customers c
         LEFT JOIN (SELECT customer_id, SUM(invoiced - credited) AS net FROM monthly_sales
                     WHERE month BETWEEN ? AND ? GROUP BY customer_id) s ON s.customer_id = c.id
        WHERE c.lifecycle NOT IN ('prospect', 'terminated')`,
    )
    .raw()
    .all(fromMonth, toMonth) as [string | null, string | null, string | null, string | null, number][];
  const out = {} as Record<CompositionDimension, CompositionRow[]>;
  DIMENSIONS.forEach((dim, col) => {
    const groups = new Map<string | null, CompositionRow>();
    for (const r of rows) {
      const key = r[col] === '' ? null : (r[col] as string | null);
      const g = groups.get(key) ?? { key, customers: 0, sales: 0 };
      g.customers++;
      g.sales += r[4];
      groups.set(key, g);
    }
    out[dim] = [...groups.values()].sort((a, b) => b.sales - a.sales || b.customers - a.customers);
  });
  return out;
}
