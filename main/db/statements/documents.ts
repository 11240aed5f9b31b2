// The SQL of one customer's statement (main/services/statements/data.ts): the customer, the key
// contact, every document dated on or before the period end (voided ones too, marked) and the
// allocation rows that rebuild the closing position.
import type Database from 'better-sqlite3';

type Sqlite = Database.Database;

export interface StatementCustomerRow {
  id: number;
  code: string;
  name: string;
  address: string | null;
  phone: string | null;
  confidentiality: string;
  payment_terms_days: number;
  lifecycle: string;
}

const CUSTOMER_SQL =
  'SELECT id, code, name, address, phone, confidentiality, payment_terms_days, lifecycle FROM customers WHERE ';

export function statementCustomer(
  sqlite: Sqlite,
  key: { customerId?: number; customerCode?: string },
): StatementCustomerRow | undefined {
  return (
    key.customerId !== undefined
      ? sqlite.prepare(`${CUSTOMER_SQL}id = ?`).get(key.customerId)
      : sqlite.prepare(`${CUSTOMER_SQL}code = ?`).get(key.customerCode ?? '')
  ) as StatementCustomerRow | undefined;
}

/** The contact a statement is addressed to: the key payer first. */
export function statementContact(
  sqlite: Sqlite,
  customerId: number,
): { name: string; title: string | null; phone: string | null; mobile: string | null } | undefined {
  return sqlite
    .prepare(
      'SELECT name, title, phone, mobile FROM contacts WHERE customer_id = ? ORDER BY is_key_payer DESC, sort, id LIMIT 1',
    )
    .get(customerId) as ReturnType<typeof statementContact>;
}

/** A document as the statement reads it: `inv` is the invoice it concerns (null: none). */
export interface StatementDocRow {
  id: number;
  number: string;
  date: string;
  amount: number;
  inv: number | null;
  /** created_at: the entry order of same-day lines */
  at: string;
  /** voided_at */
  v: string | null;
}

export interface StatementDocuments {
  invoices: (StatementDocRow & { due: string })[];
  receipts: (Omit<StatementDocRow, 'number'> & { number: string | null; reference: string | null })[];
  creditNotes: StatementDocRow[];
  writeOffs: StatementDocRow[];
  /** bad-debt recoveries (坏账收回): reversing write-off allocations, amount positive; `wo` the write-off */
  recoveries: (StatementDocRow & { wo: number })[];
}

/** Every document of the customer dated on or before `to`. */
export function statementDocuments(sqlite: Sqlite, customerId: number, to: string): StatementDocuments {
  const all = <T>(sql: string) => sqlite.prepare(sql).all(customerId, to) as T[];
  return {
    invoices: all(
      `SELECT id, number, issue_date AS date, due_date AS due, amount, id AS inv, created_at AS at, voided_at AS v
       FROM invoices WHERE customer_id = ? AND issue_date <= ?`,
    ),
    receipts: all(
      `SELECT id, number, reference, date, amount, NULL AS inv, created_at AS at, voided_at AS v
       FROM receipts WHERE customer_id = ? AND date <= ?`,
    ),
    creditNotes: all(
      `SELECT id, number, date, amount, invoice_id AS inv, created_at AS at, voided_at AS v
       FROM credit_notes WHERE customer_id = ? AND date <= ?`,
    ),
    writeOffs: all(
      `SELECT w.id, i.number, w.date, w.amount, w.invoice_id AS inv, w.created_at AS at, w.voided_at AS v
       FROM write_offs w JOIN invoices i ON i.id = w.invoice_id WHERE w.customer_id = ? AND w.date <= ?`,
    ),
    recoveries: all(
      `SELECT a.id, i.number, a.date, -a.amount AS amount, a.invoice_id AS inv, a.created_at AS at, NULL AS v, a.write_off_id AS wo
       FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE i.customer_id = ? AND a.kind = 'recovery' AND a.date <= ?`,
    ),
  };
}

export interface StatementAllocationRow {
  inv: number;
  rec: number | null;
  cn: number | null;
  wo: number | null;
  amount: number;
  date: string;
}

/** The customer's allocation rows dated on or before `to`. */
export function statementAllocations(sqlite: Sqlite, customerId: number, to: string): StatementAllocationRow[] {
  return sqlite
    .prepare(
      `SELECT a.invoice_id AS inv, a.receipt_id AS rec, a.credit_note_id AS cn, a.write_off_id AS wo, a.amount, a.date
       FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE i.customer_id = ? AND a.date <= ?`,
    )
    .all(customerId, to) as StatementAllocationRow[];
}
