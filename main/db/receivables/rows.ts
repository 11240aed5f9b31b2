// Receivables rows as the services and screens see them: a customer's trading fields, and one
import { serverError } from '../../../shared/messages/server-messages';
// invoice, receipt, credit note, write-off, note or allocation list mapped to its IPC row.
import type Database from 'better-sqlite3';
import type { DB } from '../schema';
import { stmt } from './prepared';
import type {
  AllocationRow,
  InvoiceRow,
  ReceiptRow,
  CreditNoteRow,
  WriteOffRow,
  NoteReceivableRow,
  ReceiptMethod,
  CreditNoteKind,
  NoteKind,
  NoteState,
} from '../../../shared/types-receivables';

export interface CustomerLite {
  id: number;
  code: string;
  name: string;
  lifecycle: string;
  payment_terms_days: number;
  credit_limit: number;
}

export function customerById(sqlite: Database.Database, id: number, field = 'customerId'): CustomerLite {
  const c = stmt(
    sqlite,
    'SELECT id, code, name, lifecycle, payment_terms_days, credit_limit FROM customers WHERE id = ?',
  ).get(id) as CustomerLite | undefined;
  if (!c) throw serverError('NOT_FOUND', 'customer_not_found', { code: id }, { field });
  return c;
}

export function invoiceRow(sqlite: Database.Database, id: number): InvoiceRow {
  const r = stmt(
    sqlite,
    `SELECT i.*, c.code AS customer_code FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.id = ?`,
  ).get(id) as (DB['invoices'] & { id: number; customer_code: string }) | undefined;
  if (!r) throw serverError('NOT_FOUND', 'invoice_id_not_found', { id }, { field: 'invoiceId', bare: true });
  return {
    id: r.id,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    number: r.number,
    issueDate: r.issue_date,
    dueDate: r.due_date,
    amount: r.amount,
    description: r.description,
    open: r.open_amount,
    settledOn: r.settled_on,
    overrideReason: r.override_reason,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
  };
}

export function receiptRow(sqlite: Database.Database, id: number): ReceiptRow {
  const r = stmt(
    sqlite,
    `SELECT r.*, c.code AS customer_code FROM receipts r JOIN customers c ON c.id = r.customer_id WHERE r.id = ?`,
  ).get(id) as (DB['receipts'] & { id: number; customer_code: string }) | undefined;
  if (!r) throw serverError('NOT_FOUND', 'receipt_not_found', { id }, { field: 'receiptId', bare: true });
  return {
    id: r.id,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    number: r.number,
    date: r.date,
    amount: r.amount,
    method: r.method as ReceiptMethod,
    reference: r.reference,
    namedInvoiceId: r.named_invoice_id,
    unapplied: r.unapplied,
    voidedAt: r.voided_at,
    voidReason: r.void_reason,
  };
}

export function creditNoteRow(sqlite: Database.Database, id: number): CreditNoteRow {
  const r = stmt(sqlite, 'SELECT * FROM credit_notes WHERE id = ?').get(id) as
    (DB['credit_notes'] & { id: number }) | undefined;
  if (!r) throw serverError('NOT_FOUND', 'credit_note_not_found', { id }, { field: 'creditNoteId', bare: true });
  return {
    id: r.id,
    customerId: r.customer_id,
    number: r.number,
    date: r.date,
    amount: r.amount,
    kind: r.kind as CreditNoteKind,
    invoiceId: r.invoice_id,
    reason: r.reason,
    unapplied: r.unapplied,
    voidedAt: r.voided_at,
  };
}

export function writeOffRow(sqlite: Database.Database, id: number): WriteOffRow {
  const r = stmt(
    sqlite,
    'SELECT w.*, i.number AS invoice_number FROM write_offs w JOIN invoices i ON i.id = w.invoice_id WHERE w.id = ?',
  ).get(id) as (DB['write_offs'] & { id: number; recovered: number; invoice_number: string }) | undefined;
  if (!r) throw serverError('NOT_FOUND', 'write_off_not_found', { id }, { field: 'writeOffId', bare: true });
  return {
    id: r.id,
    customerId: r.customer_id,
    invoiceId: r.invoice_id,
    invoiceNumber: r.invoice_number,
    date: r.date,
    amount: r.amount,
    approvedBy: r.approved_by,
    reason: r.reason,
    recovered: r.recovered,
    voidedAt: r.voided_at,
  };
}

export function noteRow(r: DB['notes_receivable'] & { id: number }): NoteReceivableRow {
  return {
    id: r.id,
    customerId: r.customer_id,
    number: r.number,
    kind: r.kind as NoteKind,
    drawer: r.drawer,
    issueDate: r.issue_date,
    maturityDate: r.maturity_date,
    amount: r.amount,
    state: r.state as NoteState,
    stateDate: r.state_date,
  };
}

export function allocationRows(
  sqlite: Database.Database,
  where: 'receipt' | 'invoice' | 'credit_note' | 'write_off' | 'customer' | 'ids',
  id: number | number[],
): AllocationRow[] {
  const cond = {
    receipt: 'a.receipt_id = ?',
    invoice: 'a.invoice_id = ?',
    credit_note: 'a.credit_note_id = ?',
    write_off: 'a.write_off_id = ?',
    customer: 'i.customer_id = ?',
    ids: '',
  }[where];
  const base = `SELECT a.id AS id, a.invoice_id AS invoiceId, i.number AS invoiceNumber, a.receipt_id AS receiptId, a.credit_note_id AS creditNoteId,
      a.write_off_id AS writeOffId, a.amount AS amount, a.date AS date, a.kind AS kind, a.created_at AS createdAt
    FROM allocations a JOIN invoices i ON i.id = a.invoice_id`;
  if (where === 'ids') {
    const ids = id as number[];
    if (ids.length === 0) return [];
    return sqlite
      .prepare(`${base} WHERE a.id IN (${ids.map(() => '?').join(',')}) ORDER BY a.id`)
      .all(...ids) as AllocationRow[];
  }
  return stmt(sqlite, `${base} WHERE ${cond} ORDER BY a.id`).all(id) as AllocationRow[];
}
