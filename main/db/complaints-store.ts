// SQL of the complaints area (SQLite-only SQL stays in main/db/): row mapping, the filtered
// list (ordered by received on, then number; every filter has an index that keeps that order),
// and the invoices a complaint concerns.
import type Database from 'better-sqlite3';
import { stmt } from './receivables/prepared';
import type {
  ComplaintChannel,
  ComplaintFilter,
  ComplaintInvoice,
  ComplaintRow,
  ComplaintSeverity,
  ComplaintStatus,
  ComplaintType,
  Resolution,
  Responsibility,
  SupplierClaimStatus,
} from '../../shared/types-complaints';

type Sqlite = Database.Database;

export interface ComplaintDbRow {
  id: number;
  number: string;
  customer_id: number;
  customer_code: string;
  customer_name: string;
  received_on: string;
  channel: string;
  type: string;
  description: string;
  severity: string;
  reply_by: string;
  replied_on: string | null;
  received_by: string | null;
  follow_up_by: string | null;
  reply_person: string | null;
  status: string;
  investigating_on: string | null;
  resolved_on: string | null;
  closed_on: string | null;
  responsibility: string | null;
  resolution: string | null;
  compensation: number;
  claim_confirmed_on: string | null;
  claim_voided_at: string | null;
  credit_note_id: number | null;
  credit_note_number: string | null;
  credit_note_voided_at: string | null;
  supplier_claim: number;
  supplier_claim_status: string;
  satisfaction: number | null;
  follow_up_on: string | null;
  disputes_invoices: number;
  note: string | null;
  version: number;
}

export const COMPLAINT_SELECT = `SELECT k.*, c.code AS customer_code, c.name AS customer_name, n.number AS credit_note_number, n.voided_at AS credit_note_voided_at
  FROM complaints k JOIN customers c ON c.id = k.customer_id LEFT JOIN credit_notes n ON n.id = k.credit_note_id`;

export const OPEN_STATUSES: ComplaintStatus[] = ['received', 'investigating'];

export function complaintOut(r: ComplaintDbRow, today: string): ComplaintRow {
  const status = r.status as ComplaintStatus;
  return {
    id: r.id,
    number: r.number,
    customerId: r.customer_id,
    customerCode: r.customer_code,
    customerName: r.customer_name,
    receivedOn: r.received_on,
    channel: r.channel as ComplaintChannel,
    type: r.type as ComplaintType,
    description: r.description,
    severity: r.severity as ComplaintSeverity,
    replyBy: r.reply_by,
    repliedOn: r.replied_on,
    receivedBy: r.received_by,
    followUpBy: r.follow_up_by,
    replyPerson: r.reply_person,
    status,
    investigatingOn: r.investigating_on,
    resolvedOn: r.resolved_on,
    closedOn: r.closed_on,
    responsibility: r.responsibility as Responsibility | null,
    resolution: r.resolution as Resolution | null,
    compensation: r.compensation,
    claimConfirmedOn: r.claim_confirmed_on,
    claimVoidedAt: r.claim_voided_at,
    creditNoteId: r.credit_note_id,
    creditNoteNumber: r.credit_note_number,
    creditNoteVoid: !!r.credit_note_voided_at,
    supplierClaim: r.supplier_claim,
    supplierClaimStatus: r.supplier_claim_status as SupplierClaimStatus,
    satisfaction: r.satisfaction,
    followUpOn: r.follow_up_on,
    disputesInvoices: r.disputes_invoices === 1,
    note: r.note,
    version: r.version,
    overdueReply: r.replied_on === null && OPEN_STATUSES.includes(status) && r.reply_by < today,
  };
}

export function complaintDbRow(sqlite: Sqlite, id: number): ComplaintDbRow | undefined {
  return stmt(sqlite, `${COMPLAINT_SELECT} WHERE k.id = ?`).get(id) as ComplaintDbRow | undefined;
}

export function complaintInvoices(sqlite: Sqlite, complaintId: number): ComplaintInvoice[] {
  return stmt(
    sqlite,
    `SELECT i.id, i.number, i.issue_date AS issueDate, i.amount, i.open_amount AS open FROM complaint_invoices x JOIN invoices i ON i.id = x.invoice_id
     WHERE x.complaint_id = ? ORDER BY i.due_date, i.issue_date, i.number`,
  ).all(complaintId) as ComplaintInvoice[];
}

/** WHERE clause + parameters of a list filter (`today` decides "overdue reply"). */
function whereOf(f: ComplaintFilter, today: string): { sql: string; params: Record<string, unknown>; from: string } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const inList = (col: string, name: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    where.push(`${col} IN (${values.map((_, i) => `@${name}${i}`).join(', ')})`);
    values.forEach((v, i) => (params[`${name}${i}`] = v));
  };
  if (f.customerId !== undefined) {
    where.push('k.customer_id = @customerId');
    params.customerId = f.customerId;
  }
  inList('k.status', 's', f.status);
  inList('k.type', 't', f.type);
  inList('k.responsibility', 'r', f.responsibility);
  if (f.overdueReply) {
    where.push(`k.replied_on IS NULL AND k.status IN ('received', 'investigating') AND k.reply_by < @today`);
    params.today = today;
  }
  if (f.from) {
    where.push('k.received_on >= @from');
    params.from = f.from;
  }
  if (f.to) {
    where.push('k.received_on <= @to');
    params.to = f.to;
  }
  // Overdue replies: walk the partial index of unanswered open complaints (kept in list order)
  // instead of letting the planner pick the status index and sort a quarter of the book.
  const from = f.overdueReply ? 'complaints k INDEXED BY complaints_open_reply' : 'complaints k';
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params, from };
}

export function listComplaintRows(
  sqlite: Sqlite,
  f: ComplaintFilter,
  today: string,
  page: { offset?: number; limit?: number } = {},
): { total: number; rows: ComplaintDbRow[] } {
  const w = whereOf(f, today);
  const total = (stmt(sqlite, `SELECT count(*) AS n FROM ${w.from} ${w.sql}`).get(w.params) as { n: number }).n;
  // The page's ids first (index-only: the filter indexes end in received_on, number), then the
  // 50 rows themselves: sorting bare ids is cheap where sorting joined rows is not.
  const ids = stmt(
    sqlite,
    `SELECT k.id FROM ${w.from} ${w.sql} ORDER BY k.received_on, k.number LIMIT @limit OFFSET @offset`,
  ).all({
    ...w.params,
    limit: page.limit ?? 200,
    offset: page.offset ?? 0,
  }) as { id: number }[];
  const one = stmt(sqlite, `${COMPLAINT_SELECT} WHERE k.id = ?`);
  const rows = ids.map((r) => one.get(r.id) as ComplaintDbRow);
  return { total, rows };
}

/** Next complaint number TS-000001, TS-000002, … (numbers of this form only). */
export function nextComplaintNumber(sqlite: Sqlite): string {
  const r = stmt(
    sqlite,
    `SELECT max(CAST(substr(number, 4) AS INTEGER)) AS n FROM complaints WHERE number GLOB 'TS-[0-9]*'`,
  ).get() as { n: number | null };
  return `TS-${String((r.n ?? 0) + 1).padStart(6, '0')}`;
}

/**
 * Disputed invoices of one customer as of `asOf`: invoice id → the complaint numbers that
 * dispute it (open complaints received on or before asOf that dispute invoices).
 */
export function disputedInvoicesOf(sqlite: Sqlite, customerId: number, asOf: string): Map<number, string[]> {
  const rows = stmt(
    sqlite,
    `SELECT x.invoice_id AS inv, k.number FROM complaints k JOIN complaint_invoices x ON x.complaint_id = k.id
     WHERE k.customer_id = ? AND k.disputes_invoices = 1 AND k.received_on <= ?
       AND (k.resolved_on IS NULL OR k.resolved_on > ?) AND (k.closed_on IS NULL OR k.closed_on > ?)
     ORDER BY k.received_on, k.number`,
  ).all(customerId, asOf, asOf, asOf) as { inv: number; number: string }[];
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.inv, [...(out.get(r.inv) ?? []), r.number]);
  return out;
}

/** Open disputing complaints of a customer as of asOf (for the statement's dispute notes). */
export function openDisputesOf(
  sqlite: Sqlite,
  customerId: number,
  asOf: string,
): { number: string; receivedOn: string; invoices: string[] }[] {
  const rows = stmt(
    sqlite,
    `SELECT k.number, k.received_on AS receivedOn,
       COALESCE((SELECT group_concat(i.number, char(31)) FROM complaint_invoices x JOIN invoices i ON i.id = x.invoice_id WHERE x.complaint_id = k.id), '') AS invoices
     FROM complaints k WHERE k.customer_id = ? AND k.disputes_invoices = 1 AND k.received_on <= ?
       AND (k.resolved_on IS NULL OR k.resolved_on > ?) AND (k.closed_on IS NULL OR k.closed_on > ?)
     ORDER BY k.received_on, k.number`,
  ).all(customerId, asOf, asOf, asOf) as { number: string; receivedOn: string; invoices: string }[];
  return rows.map((r) => ({ ...r, invoices: r.invoices ? r.invoices.split('\x1f') : [] }));
}
