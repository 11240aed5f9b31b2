// SQL that the complaints services (main/services/complaints/) write and look up with: the record
// itself, the invoices it concerns, status moves and the claim's credit-note link. Callers run
// these inside their write transaction; the rules (what may change, audit rows) stay in services.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';

type Sqlite = Database.Database;

/** The fields of a new complaint, already checked, in database form (booleans as 0/1, '' as null). */
export interface ComplaintInsert {
  number: string;
  customer: number;
  receivedOn: string;
  channel: string;
  type: string;
  description: string;
  severity: string;
  replyBy: string;
  repliedOn: string | null;
  receivedBy: string | null;
  followUpBy: string | null;
  replyPerson: string | null;
  responsibility: string | null;
  resolution: string | null;
  compensation: number;
  supplierClaim: number;
  supplierClaimStatus: string;
  satisfaction: number | null;
  followUpOn: string | null;
  disputes: 0 | 1;
  note: string | null;
  at: string;
}

export function insertComplaint(sqlite: Sqlite, row: ComplaintInsert): number {
  const r = stmt(
    sqlite,
    `INSERT INTO complaints (number, customer_id, received_on, channel, type, description, severity, reply_by, replied_on, received_by, follow_up_by, reply_person,
       status, responsibility, resolution, compensation, supplier_claim, supplier_claim_status, satisfaction, follow_up_on, disputes_invoices, note, created_at, updated_at)
     VALUES (@number, @customer, @receivedOn, @channel, @type, @description, @severity, @replyBy, @repliedOn, @receivedBy, @followUpBy, @replyPerson,
       'received', @responsibility, @resolution, @compensation, @supplierClaim, @supplierClaimStatus, @satisfaction, @followUpOn, @disputes, @note, @at, @at)`,
  ).run(row);
  return Number(r.lastInsertRowid);
}

/** Field name (as in ComplaintDetail) → column, for the edits a user may make. */
export const COMPLAINT_COLUMNS: Record<string, string> = {
  receivedOn: 'received_on',
  channel: 'channel',
  type: 'type',
  description: 'description',
  severity: 'severity',
  replyBy: 'reply_by',
  repliedOn: 'replied_on',
  receivedBy: 'received_by',
  followUpBy: 'follow_up_by',
  replyPerson: 'reply_person',
  responsibility: 'responsibility',
  resolution: 'resolution',
  compensation: 'compensation',
  supplierClaim: 'supplier_claim',
  supplierClaimStatus: 'supplier_claim_status',
  satisfaction: 'satisfaction',
  followUpOn: 'follow_up_on',
  disputesInvoices: 'disputes_invoices',
  note: 'note',
};

/** Writes the given fields (keys of COMPLAINT_COLUMNS; undefined = unchanged) and bumps the version. */
export function updateComplaintFields(sqlite: Sqlite, id: number, values: Record<string, unknown>, at: string): void {
  const sets: string[] = [];
  const params: Record<string, unknown> = { id, at };
  for (const [k, col] of Object.entries(COMPLAINT_COLUMNS)) {
    if (values[k] === undefined) continue;
    let v = values[k];
    if (typeof v === 'boolean') v = v ? 1 : 0;
    if (v === '') v = null;
    sets.push(`${col} = @${k}`);
    params[k] = v;
  }
  stmt(
    sqlite,
    `UPDATE complaints SET ${[...sets, 'version = version + 1', 'updated_at = @at'].join(', ')} WHERE id = @id`,
  ).run(params);
}

export function setComplaintInvoices(sqlite: Sqlite, complaintId: number, ids: number[]): void {
  stmt(sqlite, 'DELETE FROM complaint_invoices WHERE complaint_id = ?').run(complaintId);
  for (const inv of new Set(ids))
    stmt(sqlite, 'INSERT INTO complaint_invoices (complaint_id, invoice_id) VALUES (?, ?)').run(complaintId, inv);
}

export function invoiceForComplaint(
  sqlite: Sqlite,
  id: number,
): { customer_id: number; amount: number; voided_at: string | null } | undefined {
  return stmt(sqlite, 'SELECT customer_id, amount, voided_at FROM invoices WHERE id = ?').get(id) as
    { customer_id: number; amount: number; voided_at: string | null } | undefined;
}

const STATUS_DATE_COLUMN = {
  investigating: 'investigating_on',
  resolved: 'resolved_on',
  closed: 'closed_on',
} as const;

/** Moves the status to `to` on `date`; `alsoResolved` stamps resolved_on too (closed at once). */
export function moveComplaintStatus(
  sqlite: Sqlite,
  p: { id: number; to: keyof typeof STATUS_DATE_COLUMN; date: string; at: string; alsoResolved: boolean },
): void {
  const extra = p.alsoResolved ? ', resolved_on = @date' : '';
  stmt(
    sqlite,
    `UPDATE complaints SET status = @to, ${STATUS_DATE_COLUMN[p.to]} = @date${extra}, version = version + 1, updated_at = @at WHERE id = @id`,
  ).run({ id: p.id, to: p.to, date: p.date, at: p.at });
}

export function complaintIdByCreditNote(sqlite: Sqlite, creditNoteId: number): number | null {
  const r = stmt(sqlite, 'SELECT id FROM complaints WHERE credit_note_id = ?').get(creditNoteId) as
    { id: number } | undefined;
  return r ? r.id : null;
}

export function creditNoteNumberTaken(sqlite: Sqlite, number: string): boolean {
  return !!stmt(sqlite, 'SELECT 1 FROM credit_notes WHERE number = ?').get(number);
}

export function markClaimConfirmed(sqlite: Sqlite, id: number, date: string, creditNoteId: number, at: string): void {
  stmt(
    sqlite,
    'UPDATE complaints SET claim_confirmed_on = ?, claim_voided_at = NULL, credit_note_id = ?, version = version + 1, updated_at = ? WHERE id = ?',
  ).run(date, creditNoteId, at, id);
}

export function markClaimVoided(sqlite: Sqlite, id: number, at: string): void {
  stmt(sqlite, 'UPDATE complaints SET claim_voided_at = ?, version = version + 1, updated_at = ? WHERE id = ?').run(
    at,
    at,
    id,
  );
}
