// SQL for the collections KPIs: open amounts as of D summed per customer and due date (SPEC §2
// open amounts through the allocation rows, as the dunning list reads them), and the book's
// per-day totals.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';
import type { DailyTotals, OpenByDue } from '../../domain/collections-kpi';

export function openByCustomerDueAsOf(sqlite: Database.Database, asOf: string): OpenByDue[] {
  return stmt(
    sqlite,
    `WITH d (inv, s) AS (SELECT invoice_id, SUM(amount) FROM allocations WHERE date > @d GROUP BY +invoice_id)
     SELECT cid AS customerId, due AS dueDate, SUM(o) AS open FROM (
       SELECT i.customer_id AS cid, i.due_date AS due, i.open_amount + COALESCE(d.s, 0) AS o
         FROM invoices i LEFT JOIN d ON d.inv = i.id
        WHERE i.settled_on IS NULL AND i.issue_date <= @d
       UNION ALL
       SELECT i.customer_id, i.due_date, d.s
         FROM d JOIN invoices i ON i.id = d.inv
        WHERE i.settled_on > @d AND i.issue_date <= @d)
     WHERE o > 0 GROUP BY cid, due`,
  ).all({ d: asOf }) as OpenByDue[];
}

export function dailyTotals(sqlite: Database.Database): DailyTotals[] {
  return stmt(
    sqlite,
    'SELECT date, invoiced, received, credited, written_off FROM ar_daily ORDER BY date',
  ).all() as DailyTotals[];
}
