// Set-based SQL for customer analysis (value tiers). One statement reads the window's sales of
// every ranked customer through the (customer_id, date) indexes.
import type Database from 'better-sqlite3';
import type { MatrixCell, TierMovementRow } from '../../shared/types-analysis';
import { packedColumns, packedIntSql, packedNotNullTextSql } from './packed-columns';
import { PARETO_MAX_BARS, type ParetoSeries } from '../../shared/pareto-series';
import { rankedRun, type TierTotalsRow } from './analysis/run-ranking';

/**
 * Sales in [from, to] (whole calendar months) of every customer that is neither a prospect nor
 * terminated, in customer code order (SQLite's binary order; the ranking checks it), as columns.
 * Reads the trigger-kept monthly_sales table (one contiguous month range, at most customers × 6
 * rows) and the customers' (lifecycle, code) index — never the invoices or credit notes themselves.
 */
export interface WindowSalesColumns {
  ids: Int32Array;
  codes: string[];
  /** fen, invoices issued in the window, voided excluded */
  invoiced: Float64Array;
  /** fen, credit notes dated in the window, voided excluded */
  credited: Float64Array;
}

const RANKED =
  "FROM customers INDEXED BY customers_lifecycle WHERE lifecycle NOT IN ('prospect', 'terminated') ORDER BY code";

/** One row each from two statements: no object per customer. */
export function windowSalesColumns(sqlite: Database.Database, from: string, to: string): WindowSalesColumns {
  if (!/-01$/.test(from) || !isMonthEnd(to)) throw new RangeError(`window must be whole months, got ${from}..${to}`);
  return sqlite.transaction(() => {
    // the window's rows as three packed lists (db/packed-columns.ts; their order does not
    // matter: summed per customer below), then the ranked customers' ids and codes
    const [f, t] = [from.slice(0, 7), to.slice(0, 7)];
    const window = packedColumns(
      sqlite,
      `SELECT count(*), ${packedIntSql('customer_id')}, ${packedIntSql('invoiced')}, ${packedIntSql('credited')} FROM monthly_sales WHERE month BETWEEN ? AND ?`,
      `SELECT count(*), json_group_array(customer_id), json_group_array(invoiced), json_group_array(credited) FROM monthly_sales WHERE month BETWEEN ? AND ?`,
      [f, t],
    ) as [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>];
    const ranked = packedColumns(
      sqlite,
      `SELECT count(*), ${packedIntSql('id')}, ${packedNotNullTextSql('code')} FROM (SELECT id, code ${RANKED})`,
      `SELECT count(*), json_group_array(id), json_group_array(code) FROM (SELECT id, code ${RANKED})`,
      [],
      ['int', 'notNullText'],
    ) as [ArrayLike<number>, string[]];
    const [ids, inv, cred] = window;
    const [customerIds, codes] = ranked;
    // ids are dense integers: typed arrays (outside the garbage-collected heap) beat a Map
    let maxId = 0;
    for (let k = 0; k < customerIds.length; k++) if (customerIds[k] > maxId) maxId = customerIds[k];
    for (let k = 0; k < ids.length; k++) if (ids[k] > maxId) maxId = ids[k];
    const invoicedById = new Float64Array(maxId + 1); // fen sums stay exact integers below 2^53
    const creditedById = new Float64Array(maxId + 1);
    for (let k = 0; k < ids.length; k++) {
      invoicedById[ids[k]] += inv[k];
      creditedById[ids[k]] += cred[k];
    }
    const n = codes.length;
    const out: WindowSalesColumns = {
      ids: new Int32Array(n),
      codes,
      invoiced: new Float64Array(n),
      credited: new Float64Array(n),
    };
    for (let k = 0; k < n; k++) {
      const id = customerIds[k];
      out.ids[k] = id;
      out.invoiced[k] = invoicedById[id];
      out.credited[k] = creditedById[id];
    }
    return out;
  })();
}

function isMonthEnd(d: string): boolean {
  const [y, m, day] = d.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate() === day;
}

/**
 * A run's ranking as the Pareto chart's bars (the page never receives 100,000 customers) and the
 * tier totals from the same pass (analysis/run-ranking.ts).
 */
export function rankedPareto(
  sqlite: Database.Database,
  runId: number,
  maxBars = PARETO_MAX_BARS,
): { pareto: ParetoSeries; totals: TierTotalsRow[] } {
  const { pareto, totals } = rankedRun(sqlite, runId, maxBars);
  return { pareto, totals };
}

/**
 * Customers whose tier changed in the run (previous_tier null: ranked for the first time): the
 * plain SQL (rankedRun reads the same from its one pass; tests compare the two).
 */
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
