// Book totals for the dashboard: per-day totals and the open invoices now.
import type Database from 'better-sqlite3';
import { bindRanges, type DateRange } from './as-of';
import { stmt } from './prepared';

type Sqlite = Database.Database;

// ---------------------------------------------------------------------------------------------
// Book totals per day

export interface DailyRow {
  date: string;
  invoiced: number;
  received: number;
  credited: number;
  written_off: number;
  invoices_n: number;
  receipts_n: number;
  credits_n: number;
}

export function dailyRows(sqlite: Sqlite): DailyRow[] {
  return stmt(sqlite, 'SELECT * FROM ar_daily ORDER BY date').all() as DailyRow[];
}

/** Book totals of the open invoices now: total, overdue as of `asOf`, sums per issue-date range. */
export function currentTotals(
  sqlite: Sqlite,
  asOf: string,
  issueRanges: readonly DateRange[],
): { total: number; overdue: number; issue: number[] } {
  const cols = issueRanges
    .map(
      (_, k) =>
        `COALESCE(SUM(CASE WHEN issue_date >= @lo${k} AND issue_date <= @hi${k} THEN open_amount END), 0) AS b${k}`,
    )
    .join(', ');
  const r = stmt(
    sqlite,
    `SELECT COALESCE(SUM(open_amount), 0) AS total, COALESCE(SUM(CASE WHEN due_date < @d THEN open_amount END), 0) AS overdue, ${cols}
     FROM invoices WHERE settled_on IS NULL`,
  ).get(bindRanges(issueRanges, { d: asOf })) as Record<string, number>;
  return { total: r.total, overdue: r.overdue, issue: issueRanges.map((_, k) => r[`b${k}`]) };
}

/** Customers with the most overdue now (open invoices due before `asOf`). */
export function topOverdueCurrent(sqlite: Sqlite, asOf: string, limit: number): { cid: number; overdue: number }[] {
  return stmt(
    sqlite,
    `SELECT customer_id AS cid, SUM(open_amount) AS overdue FROM invoices WHERE settled_on IS NULL AND due_date < ?
     GROUP BY customer_id ORDER BY overdue DESC, customer_id LIMIT ?`,
  ).all(asOf, limit) as { cid: number; overdue: number }[];
}
