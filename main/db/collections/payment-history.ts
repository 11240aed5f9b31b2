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

const LATE = 'MAX(0, CAST(ROUND(julianday(a.date) - julianday(i.due_date)) AS INTEGER))';

/**
 * Late days of the given customers (all customers when `ids` is null); customers without
 * history are absent. Summed per customer straight from the indexes (invoices_customer_issue,
 * which holds the due date, and allocations_invoice), no sort; the few customers with more than
 * 50 receipt allocations are summed again over their latest 50 only.
 */
export function lateDaysByCustomer(sqlite: Database.Database, ids: readonly number[] | null): Map<number, LateDays> {
  const rows = (
    ids === null
      ? stmt(
          sqlite,
          `SELECT i.customer_id AS cid, SUM(${LATE}) AS lateDays, COUNT(*) AS count
           FROM invoices i JOIN allocations a ON a.invoice_id = i.id
           WHERE a.receipt_id IS NOT NULL AND a.amount > 0 GROUP BY i.customer_id`,
        ).all()
      : stmt(
          sqlite,
          `SELECT i.customer_id AS cid, SUM(${LATE}) AS lateDays, COUNT(*) AS count
           FROM json_each(@ids) j JOIN invoices i ON i.customer_id = j.value JOIN allocations a ON a.invoice_id = i.id
           WHERE a.receipt_id IS NOT NULL AND a.amount > 0 GROUP BY i.customer_id`,
        ).all({ ids: JSON.stringify(ids) })
  ) as { cid: number; lateDays: number; count: number }[];
  const latest = latestLateDays(sqlite);
  const out = new Map<number, LateDays>();
  for (const r of rows)
    out.set(
      r.cid,
      r.count > HISTORY_ALLOCATIONS ? (latest.get(r.cid) as LateDays) : { lateDays: r.lateDays, count: r.count },
    );
  return out;
}

/** One customer's late days over its latest 50 receipt allocations (`.get(customerId)`). */
export function latestLateDays(sqlite: Database.Database): Database.Statement<[number], LateDays> {
  return stmt(
    sqlite,
    `SELECT SUM(late) AS lateDays, COUNT(*) AS count FROM (
       SELECT ${LATE} AS late FROM invoices i JOIN allocations a ON a.invoice_id = i.id
       WHERE i.customer_id = ? AND a.receipt_id IS NOT NULL AND a.amount > 0
       ORDER BY a.date DESC, a.id DESC LIMIT ${HISTORY_ALLOCATIONS})`,
  ) as Database.Statement<[number], LateDays>;
}
