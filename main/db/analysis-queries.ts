// Set-based SQL for customer analysis (value tiers). One statement reads the window's sales of
// every ranked customer through the (customer_id, date) indexes.
import type Database from 'better-sqlite3';
import type { MatrixCell, TierMovementRow } from '../../shared/types-analysis';
import { PARETO_MAX_BARS, paretoBucketSize, paretoFromBars, type ParetoSeries } from '../../shared/pareto-series';

export interface WindowSalesRow {
  customerId: number;
  customerCode: string;
  invoiced: number; // fen, invoices issued in the window, voided excluded
  credited: number; // fen, credit notes dated in the window, voided excluded
}

/**
 * Sales in [from, to] (whole calendar months) of every customer that is neither a prospect nor
 * terminated, in customer code order. Reads the trigger-kept monthly_sales table (one contiguous
 * month range, at most customers × 6 rows) and the customers' (lifecycle, code) index — never the
 * invoices or credit notes themselves.
 */
export function windowSalesOfRankedCustomers(sqlite: Database.Database, from: string, to: string): WindowSalesRow[] {
  if (!/-01$/.test(from) || !isMonthEnd(to)) throw new RangeError(`window must be whole months, got ${from}..${to}`);
  // One column per statement (pluck): better-sqlite3 builds a row array or object per row
  // otherwise, which costs several times the scan itself at 100,000 customers. The statements
  // list rows in the same explicit order and run in one read transaction, so the columns line up.
  const column = (sql: string, ...args: string[]) =>
    sqlite
      .prepare(sql)
      .pluck()
      .all(...args) as never[];
  return sqlite.transaction(() => {
    // the window's rows as three JSON lists in one row (their order does not matter: summed per
    // customer below): a third of the time of three plucked columns
    const [f, t] = [from.slice(0, 7), to.slice(0, 7)];
    const lists = sqlite
      .prepare(
        'SELECT json_group_array(customer_id), json_group_array(invoiced), json_group_array(credited) FROM monthly_sales WHERE month BETWEEN ? AND ?',
      )
      .raw()
      .get(f, t) as [string, string, string];
    const [ids, inv, cred] = lists.map((l) => JSON.parse(l) as number[]);
    const ranked =
      "FROM customers INDEXED BY customers_lifecycle WHERE lifecycle NOT IN ('prospect', 'terminated') ORDER BY lifecycle, code";
    const customerIds: number[] = column(`SELECT id ${ranked}`);
    const codes: string[] = column(`SELECT code ${ranked}`);
    // ids are dense integers: typed arrays (outside the garbage-collected heap) beat a Map
    let maxId = 0;
    for (const id of customerIds) if (id > maxId) maxId = id;
    for (const id of ids) if (id > maxId) maxId = id;
    const invoiced = new Float64Array(maxId + 1); // fen sums stay exact integers below 2^53
    const credited = new Float64Array(maxId + 1);
    for (let k = 0; k < ids.length; k++) {
      invoiced[ids[k]] += inv[k];
      credited[ids[k]] += cred[k];
    }
    return inCodeOrder(codes).map((k) => ({
      customerId: customerIds[k],
      customerCode: codes[k],
      invoiced: invoiced[customerIds[k]],
      credited: credited[customerIds[k]],
    }));
  })();
}

function isMonthEnd(d: string): boolean {
  const [y, m, day] = d.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === day;
}

/**
 * Positions of codes listed by (lifecycle, code) — a few ascending runs — in code order, by
 * merging the runs (a new run starts where the code goes down; codes are unique).
 */
function inCodeOrder(codes: string[]): number[] {
  let runs: number[][] = [];
  for (let i = 0; i < codes.length; i++) {
    if (i === 0 || codes[i] < codes[i - 1]) runs.push([]);
    runs[runs.length - 1].push(i);
  }
  while (runs.length > 1) {
    const next: number[][] = [];
    for (let k = 0; k < runs.length; k += 2) next.push(k + 1 < runs.length ? merge(runs[k], runs[k + 1]) : runs[k]);
    runs = next;
  }
  return runs[0] ?? [];

  function merge(a: number[], b: number[]): number[] {
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) out.push(codes[a[i]] <= codes[b[j]] ? a[i++] : b[j++]);
    while (i < a.length) out.push(a[i++]);
    while (j < b.length) out.push(b[j++]);
    return out;
  }
}

/**
 * A run's ranking as the Pareto chart's bars, grouped by SQLite (the page never receives 100,000
 * customers), and the tier totals from the same pass; codes are looked up only for bars of one
 * customer.
 */
export function rankedPareto(
  sqlite: Database.Database,
  runId: number,
  maxBars = PARETO_MAX_BARS,
): { pareto: ParetoSeries; totals: TierTotalsRow[] } {
  const { n } = sqlite.prepare('SELECT count(*) AS n FROM tier_history WHERE run_id = ?').get(runId) as { n: number };
  const size = paretoBucketSize(n, maxBars);
  // min(customer_id) is the customer itself in a bar of one rank
  const bars = sqlite
    .prepare(
      `SELECT min(rank) AS "from", max(rank) AS "to", sum(average_monthly) AS value, tier, min(customer_id) AS customerId,
              count(*) AS customers, sum(sales) AS sales
         FROM tier_history WHERE run_id = ? GROUP BY (rank - 1) / CAST(? AS INTEGER), tier ORDER BY 1`,
    )
    .all(runId, size) as {
    from: number;
    to: number;
    value: number;
    tier: string;
    customerId: number;
    customers: number;
    sales: number;
  }[];
  const codeById = sqlite.prepare('SELECT code FROM customers WHERE id = ?').pluck();
  const codes = new Map(bars.filter((b) => b.from === b.to).map((b) => [b.from, codeById.get(b.customerId) as string]));
  const totals = new Map<string, TierTotalsRow>();
  for (const b of bars) {
    const t = totals.get(b.tier) ?? { tier: b.tier, customers: 0, sales: 0 };
    t.customers += b.customers;
    t.sales += b.sales;
    totals.set(b.tier, t);
  }
  return {
    pareto: paretoFromBars(bars, size, (rank) => codes.get(rank) ?? null),
    totals: [...totals.values()].sort((a, b) => (a.tier < b.tier ? -1 : 1)),
  };
}

export interface TierTotalsRow {
  tier: string;
  customers: number;
  sales: number;
}

/** Customers whose tier changed in the run (previous_tier null: ranked for the first time). */
export function tierMovement(sqlite: Database.Database, runId: number, limit = 500): TierMovementRow[] {
  return sqlite
    .prepare(
      `SELECT c.id AS customerId, c.code AS customerCode, c.name AS customerName, h.previous_tier AS "from", h.tier AS "to", h.average_monthly AS averageMonthly
         FROM tier_history h JOIN customers c ON c.id = h.customer_id
        WHERE h.run_id = ? AND h.previous_tier IS NOT NULL AND h.previous_tier <> h.tier
        ORDER BY h.rank LIMIT ?`,
    )
    .all(runId, limit) as TierMovementRow[];
}

/**
 * Tier × credit rating: customers and their open receivables (active lists: no prospects, no
 * terminated). Only unsettled invoices have an open amount (a voided invoice is settled with 0
 * open), so the covering partial index invoices_open answers it without reading invoice rows
 * (6.4 s → well under a second of CPU at 100,000 customers / 1M invoices).
 */
export function tierRatingMatrix(sqlite: Database.Database): MatrixCell[] {
  return sqlite
    .prepare(
      `SELECT c.value_tier AS tier, c.credit_rating AS rating, count(*) AS customers,
              COALESCE(SUM((SELECT SUM(i.open_amount) FROM invoices i WHERE i.customer_id = c.id AND i.settled_on IS NULL)), 0) AS open
         FROM customers c
        WHERE c.lifecycle NOT IN ('prospect', 'terminated')
        GROUP BY c.value_tier, c.credit_rating`,
    )
    .all() as MatrixCell[];
}
