// The SQL of batch statements and of the customer cards: ledger balances (Σ invoices − receipts
// − credit notes − write-offs + bad-debt recoveries, voided documents left out) and the
// customers a batch chooses from.
import type Database from 'better-sqlite3';

type Sqlite = Database.Database;

/** Ledger balance of every customer as of `to` (non-zero only), set-based. */
export function balancesAsOf(sqlite: Sqlite, to: string): Map<number, number> {
  const rows = sqlite
    .prepare(
      `SELECT cid, SUM(x) AS bal FROM (
         SELECT customer_id AS cid, amount AS x FROM invoices WHERE issue_date <= @to AND voided_at IS NULL
         UNION ALL SELECT customer_id, -amount FROM receipts WHERE date <= @to AND voided_at IS NULL
         UNION ALL SELECT customer_id, -amount FROM credit_notes WHERE date <= @to AND voided_at IS NULL
         UNION ALL SELECT customer_id, -amount FROM write_offs WHERE date <= @to AND voided_at IS NULL
         UNION ALL SELECT i.customer_id, -a.amount FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.kind = 'recovery' AND a.date <= @to
       ) GROUP BY cid HAVING SUM(x) <> 0`,
    )
    .all({ to }) as { cid: number; bal: number }[];
  return new Map(rows.map((r) => [r.cid, r.bal]));
}

/** One customer's ledger balance over all dates. */
export function customerBalance(sqlite: Sqlite, customerId: number): number {
  const r = sqlite
    .prepare(
      `SELECT (SELECT COALESCE(SUM(amount),0) FROM invoices WHERE customer_id = @id AND voided_at IS NULL)
            - (SELECT COALESCE(SUM(amount),0) FROM receipts WHERE customer_id = @id AND voided_at IS NULL)
            - (SELECT COALESCE(SUM(amount),0) FROM credit_notes WHERE customer_id = @id AND voided_at IS NULL)
            - (SELECT COALESCE(SUM(amount),0) FROM write_offs WHERE customer_id = @id AND voided_at IS NULL)
            - (SELECT COALESCE(SUM(a.amount),0) FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE i.customer_id = @id AND a.kind = 'recovery') AS b`,
    )
    .get({ id: customerId }) as { b: number };
  return r.b;
}

export interface BatchCustomerRow {
  id: number;
  code: string;
  name: string;
  confidentiality: string;
  region_code: string | null;
  value_tier: string | null;
  lifecycle: string;
}

/** Every customer, by code. */
export function batchCustomers(sqlite: Sqlite): BatchCustomerRow[] {
  return sqlite
    .prepare('SELECT id, code, name, confidentiality, region_code, value_tier, lifecycle FROM customers ORDER BY code')
    .all() as BatchCustomerRow[];
}

/** A region for the cards' address block. */
export function regionByCode(
  sqlite: Sqlite,
  code: string,
): { code: string; name: string; area: string | null } | undefined {
  return sqlite.prepare('SELECT code, name, area FROM regions WHERE code = ?').get(code) as ReturnType<
    typeof regionByCode
  >;
}
