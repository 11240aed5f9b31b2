// The SQL of the receivables document services (services/receivables/documents.ts): number
// checks, voids, credit notes, write-offs and recoveries, notes receivable, paged lists.
import type Database from 'better-sqlite3';
import type { NoteReceivableRow } from '../../../shared/types-receivables';
import { stmt } from './prepared';
import { noteRow } from './rows';

type Sqlite = Database.Database;
type NumberedTable = 'invoices' | 'credit_notes' | 'notes_receivable';
type VoidableTable = 'invoices' | 'receipts' | 'credit_notes' | 'write_offs';

export function numberTaken(sqlite: Sqlite, table: NumberedTable, number: string): boolean {
  return stmt(sqlite, `SELECT 1 FROM ${table} WHERE number = ?`).get(number) !== undefined;
}

export function markVoided(sqlite: Sqlite, table: VoidableTable, id: number, at: string, reason: string): void {
  stmt(sqlite, `UPDATE ${table} SET voided_at = ?, void_reason = ? WHERE id = ?`).run(at, reason, id);
}

/** The write-off of an invoice that is not void, if any. */
export function liveWriteOffOf(sqlite: Sqlite, invoiceId: number): { id: number } | undefined {
  return stmt(sqlite, 'SELECT id FROM write_offs WHERE invoice_id = ? AND voided_at IS NULL').get(invoiceId) as
    { id: number } | undefined;
}

export function invoiceBrief(
  sqlite: Sqlite,
  id: number,
): { customer_id: number; voided_at: string | null; number: string } | undefined {
  return stmt(sqlite, 'SELECT customer_id, voided_at, number FROM invoices WHERE id = ?').get(id) as
    { customer_id: number; voided_at: string | null; number: string } | undefined;
}

/** Allocation rows between one receipt (or credit note) and one invoice. */
export function allocationsBetween(
  sqlite: Sqlite,
  col: 'receipt_id' | 'credit_note_id',
  sourceId: number,
  invoiceId: number,
): { amount: number; date: string }[] {
  return stmt(sqlite, `SELECT amount, date FROM allocations WHERE ${col} = ? AND invoice_id = ?`).all(
    sourceId,
    invoiceId,
  ) as { amount: number; date: string }[];
}

export function insertCreditNote(
  sqlite: Sqlite,
  v: {
    customerId: number;
    number: string;
    date: string;
    amount: number;
    kind: string;
    invoiceId: number | null;
    reason: string | null;
    createdAt: string;
  },
): number {
  const r = stmt(
    sqlite,
    `INSERT INTO credit_notes (customer_id, number, date, amount, kind, invoice_id, reason, unapplied, applied_on, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
  ).run(v.customerId, v.number, v.date, v.amount, v.kind, v.invoiceId, v.reason, v.amount, v.createdAt);
  return Number(r.lastInsertRowid);
}

export function insertWriteOff(
  sqlite: Sqlite,
  v: {
    customerId: number;
    invoiceId: number;
    date: string;
    amount: number;
    approvedBy: string;
    reason: string;
    createdAt: string;
  },
): number {
  const r = stmt(
    sqlite,
    'INSERT INTO write_offs (customer_id, invoice_id, date, amount, approved_by, reason, recovered, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?)',
  ).run(v.customerId, v.invoiceId, v.date, v.amount, v.approvedBy, v.reason, v.createdAt);
  return Number(r.lastInsertRowid);
}

export function addRecovered(sqlite: Sqlite, writeOffId: number, amount: number): void {
  stmt(sqlite, 'UPDATE write_offs SET recovered = recovered + ? WHERE id = ?').run(amount, writeOffId);
}

export function insertNoteReceivable(
  sqlite: Sqlite,
  v: {
    customerId: number;
    number: string;
    kind: string;
    drawer: string;
    issueDate: string;
    maturityDate: string;
    amount: number;
    createdAt: string;
  },
): number {
  const r = stmt(
    sqlite,
    `INSERT INTO notes_receivable (customer_id, number, kind, drawer, issue_date, maturity_date, amount, state, state_date, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'held', ?, ?)`,
  ).run(v.customerId, v.number, v.kind, v.drawer, v.issueDate, v.maturityDate, v.amount, v.issueDate, v.createdAt);
  return Number(r.lastInsertRowid);
}

export function noteById(sqlite: Sqlite, id: number): NoteReceivableRow | undefined {
  const raw = stmt(sqlite, 'SELECT * FROM notes_receivable WHERE id = ?').get(id);
  return raw === undefined ? undefined : noteRow(raw as never);
}

export function setNoteStateRow(sqlite: Sqlite, id: number, state: string, date: string): void {
  stmt(sqlite, 'UPDATE notes_receivable SET state = ?, state_date = ? WHERE id = ?').run(state, date, id);
}

/** One page of invoice ids, newest first, with the total (optionally one customer's, open only). */
export function pageInvoiceIds(
  sqlite: Sqlite,
  q: { customerId?: number; openOnly?: boolean; offset?: number; limit?: number },
): { total: number; ids: number[] } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (q.customerId !== undefined) {
    where.push('customer_id = @c');
    params.c = q.customerId;
  }
  if (q.openOnly) where.push('settled_on IS NULL');
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM invoices ${w}`).get(params) as { n: number }).n;
  const ids = sqlite
    .prepare(`SELECT id FROM invoices ${w} ORDER BY issue_date DESC, id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit ?? 200, offset: q.offset ?? 0 }) as { id: number }[];
  return { total, ids: ids.map((r) => r.id) };
}

/** One page of receipt ids, newest first, with the total (optionally one customer's). */
export function pageReceiptIds(
  sqlite: Sqlite,
  q: { customerId?: number; offset?: number; limit?: number },
): { total: number; ids: number[] } {
  const w = q.customerId !== undefined ? 'WHERE customer_id = @c' : '';
  const params = q.customerId !== undefined ? { c: q.customerId } : {};
  const total = (sqlite.prepare(`SELECT count(*) AS n FROM receipts ${w}`).get(params) as { n: number }).n;
  const ids = sqlite
    .prepare(`SELECT id FROM receipts ${w} ORDER BY date DESC, id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: q.limit ?? 200, offset: q.offset ?? 0 }) as { id: number }[];
  return { total, ids: ids.map((r) => r.id) };
}

/** Notes receivable by maturity (one customer's, or the first 5,000 of the book). */
export function listNoteRows(sqlite: Sqlite, customerId?: number): NoteReceivableRow[] {
  const rows =
    customerId !== undefined
      ? sqlite
          .prepare('SELECT * FROM notes_receivable WHERE customer_id = ? ORDER BY maturity_date, id')
          .all(customerId)
      : sqlite.prepare('SELECT * FROM notes_receivable ORDER BY maturity_date, id LIMIT 5000').all();
  return (rows as never[]).map(noteRow);
}
