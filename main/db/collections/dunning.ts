// SQL of the dunning list (SPEC §5): per customer, the oldest due date and the sum of the open
// amounts of its invoices past due as of D. Open as of D follows SPEC §2 through the
// allocation rows, as receivables' ageing does: open now + Σ allocations dated after D, for
// invoices issued ≤ D that are open now or were settled after D. One row per customer (not
// per invoice): the largest D − due is D − the oldest due date.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';

export interface OverdueOfCustomer {
  customerId: number;
  /** the oldest due date among its invoices past due and open as of D */
  dueDate: string;
  /** Σ their open amounts as of D (fen) */
  open: number;
}

const OVERDUE_SQL = `WITH d (inv, s) AS (SELECT invoice_id, SUM(amount) FROM allocations WHERE date > @d GROUP BY +invoice_id)
     SELECT cid AS customerId, MIN(due) AS dueDate, SUM(o) AS open FROM (
       SELECT i.customer_id AS cid, i.due_date AS due, i.open_amount + COALESCE(d.s, 0) AS o
         FROM invoices i LEFT JOIN d ON d.inv = i.id
        WHERE i.settled_on IS NULL AND i.issue_date <= @d AND i.due_date < @d
       UNION ALL
       SELECT i.customer_id, i.due_date, d.s
         FROM d JOIN invoices i ON i.id = d.inv
        WHERE i.settled_on > @d AND i.issue_date <= @d AND i.due_date < @d)
     WHERE o > 0 GROUP BY cid`;

export function overdueByCustomerAsOf(sqlite: Database.Database, asOf: string): OverdueOfCustomer[] {
  return stmt(sqlite, OVERDUE_SQL).all({ d: asOf }) as OverdueOfCustomer[];
}

/** The same per customer with its code and name, as arrays [id, code, name, oldest due, Σ open] (the dunning list reads them in one pass). */
export type OverdueRowRaw = [number, string, string, string, number];

export function overdueCustomersAsOf(sqlite: Database.Database, asOf: string): OverdueRowRaw[] {
  return stmt(
    sqlite,
    `SELECT x.customerId, c.code, c.name, x.dueDate, x.open FROM (${OVERDUE_SQL}) x JOIN customers c ON c.id = x.customerId`,
  )
    .raw()
    .all({ d: asOf }) as OverdueRowRaw[];
}
