// Set-based SQL for customer analysis (value tiers). One statement reads the window's sales of
// every ranked customer through the (customer_id, date) indexes.
import type Database from 'better-sqlite3';

export interface WindowSalesRow {
  customerId: number;
  customerCode: string;
  invoiced: number; // fen, invoices issued in the window, voided excluded
  credited: number; // fen, credit notes dated in the window, voided excluded
}

/** Sales in [from, to] of every customer that is neither a prospect nor terminated. */
export function windowSalesOfRankedCustomers(sqlite: Database.Database, from: string, to: string): WindowSalesRow[] {
  return sqlite
    .prepare(
      `SELECT c.id AS customerId, c.code AS customerCode,
         COALESCE((SELECT SUM(i.amount) FROM invoices i
                    WHERE i.customer_id = c.id AND i.issue_date BETWEEN @from AND @to AND i.voided_at IS NULL), 0) AS invoiced,
         COALESCE((SELECT SUM(n.amount) FROM credit_notes n
                    WHERE n.customer_id = c.id AND n.date BETWEEN @from AND @to AND n.voided_at IS NULL), 0) AS credited
       FROM customers c
       WHERE c.lifecycle NOT IN ('prospect', 'terminated')`,
    )
    .all({ from, to }) as WindowSalesRow[];
}
