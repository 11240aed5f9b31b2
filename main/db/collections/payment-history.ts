// A customer's payment history for the worklist's risk and the cash-in forecast: how many days
// late its receipts settled its invoices, over its 50 latest receipt allocations (latest by
// date, then entry). One set-based query for many customers; the day arithmetic is SQLite's
// julianday (exact whole days for YYYY-MM-DD dates).
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';

export const HISTORY_ALLOCATIONS = 50;

export interface LateDays {
  /** Σ max(0, allocation date − due date) in days, over the allocations counted */
  lateDays: number;
  /** allocations counted (≤ 50) */
  count: number;
}

/** Late days of the given customers (all customers when `ids` is null); customers without history are absent. */
export function lateDaysByCustomer(sqlite: Database.Database, ids: readonly number[] | null): Map<number, LateDays> {
  const rows = stmt(
    sqlite,
    `WITH l AS (
       SELECT i.customer_id AS cid,
              MAX(0, CAST(ROUND(julianday(a.date) - julianday(i.due_date)) AS INTEGER)) AS late,
              ROW_NUMBER() OVER (PARTITION BY i.customer_id ORDER BY a.date DESC, a.id DESC) AS rn
       FROM invoices i JOIN allocations a ON a.invoice_id = i.id
       WHERE (@all = 1 OR i.customer_id IN (SELECT value FROM json_each(@ids)))
         AND a.receipt_id IS NOT NULL AND a.amount > 0)
     SELECT cid, SUM(late) AS lateDays, COUNT(*) AS count FROM l WHERE rn <= ${HISTORY_ALLOCATIONS} GROUP BY cid`,
  ).all({ all: ids === null ? 1 : 0, ids: JSON.stringify(ids ?? []) }) as {
    cid: number;
    lateDays: number;
    count: number;
  }[];
  return new Map(rows.map((r) => [r.cid, { lateDays: r.lateDays, count: r.count }]));
}
