// The complaint record (投诉记录卡): create, edit, move the status forward, list, read. Every write
// is one transaction with its audit row (operator, before, after); bad input is refused per field
// with nothing written.
import type Database from 'better-sqlite3';
import type { Transaction } from 'kysely';
import { AppError } from '../../../shared/result';
import { issuesToAppError } from '../../../shared/validation';
import type { ParsedInputOf } from '../../../shared/ipc/contract';
import type { ComplaintDetail, ComplaintFilter, ComplaintRow, ComplaintStatus } from '../../../shared/types-complaints';
import { checkComplaint, checkMove, replyByFor, type Issue } from '../../domain/complaints';
import { maxDate } from '../../domain/dates';
import { assertComplaintMoneyRoom } from '../limits/complaint-caps';
import {
  complaintIdByCreditNote,
  insertComplaint,
  invoiceForComplaint,
  moveComplaintStatus,
  setComplaintInvoices,
  updateComplaintFields,
} from '../../db/complaints/writes';
import {
  complaintDbRow,
  complaintInvoices,
  complaintOut,
  listComplaintRows,
  nextComplaintNumber,
} from '../../db/complaints-store';
import type { DB } from '../../db/schema';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { assertWritable } from '../receivables/common';
import { customerById } from '../../db/receivables/rows';
import { read, write } from '../book-queue';
import { loadReplyDays } from './settings';

type Sqlite = Database.Database;
export type ComplaintCreateInput = ParsedInputOf<'complaints:create'>;
export type ComplaintUpdateInput = ParsedInputOf<'complaints:update'>;

export function fail(issues: Issue[]): never {
  throw issuesToAppError(issues);
}

export function detail(sqlite: Sqlite, id: number, today: string): ComplaintDetail {
  const r = complaintDbRow(sqlite, id);
  if (!r) throw new AppError('NOT_FOUND', `complaint ${id} not found`, { field: 'id' });
  return { ...complaintOut(r, today), invoices: complaintInvoices(sqlite, id) };
}

/** The invoices a complaint concerns must be the customer's own, live invoices. */
function checkInvoices(sqlite: Sqlite, customerId: number, ids: number[]): { issues: Issue[]; total: number } {
  let total = 0;
  for (const id of ids) {
    const inv = invoiceForComplaint(sqlite, id);
    if (!inv || inv.customer_id !== customerId || inv.voided_at)
      return { issues: [{ field: 'invoiceIds', key: 'invalid_option' }], total: 0 };
    total += inv.amount;
  }
  return { issues: [], total };
}

export async function createComplaint(ctx: ServiceContext, input: ComplaintCreateInput): Promise<ComplaintDetail> {
  const today = ctx.clock.today();
  const days = await loadReplyDays(ctx);
  return write(ctx, async (trx, sqlite) => {
    const c = customerById(sqlite, input.customerId);
    assertWritable(c);
    const invoiceIds = input.invoiceIds ?? [];
    const inv = checkInvoices(sqlite, c.id, invoiceIds);
    const replyBy = input.replyBy ?? replyByFor(input.receivedOn, input.severity, days);
    const issues = [
      ...inv.issues,
      ...checkComplaint(
        {
          receivedOn: input.receivedOn,
          replyBy,
          repliedOn: input.repliedOn ?? null,
          followUpOn: input.followUpOn ?? null,
          responsibility: input.responsibility ?? null,
          resolution: input.resolution ?? null,
          compensation: input.compensation ?? 0,
          disputesInvoices: !!input.disputesInvoices,
          invoiceCount: new Set(invoiceIds).size,
          invoiceTotal: inv.total,
        },
        { today, replyByGiven: !!input.replyBy, confirmedOverInvoices: !!input.confirmedOverInvoices },
      ),
    ];
    if (issues.length) fail(issues);
    assertComplaintMoneyRoom(sqlite, c, null, {
      compensation: input.compensation ?? 0,
      supplierClaim: input.supplierClaim ?? 0,
    });
    const at = ctx.clock.now().toISOString();
    const number = nextComplaintNumber(sqlite);
    const id = insertComplaint(sqlite, {
      number,
      customer: c.id,
      receivedOn: input.receivedOn,
      channel: input.channel,
      type: input.type,
      description: input.description,
      severity: input.severity,
      replyBy,
      repliedOn: input.repliedOn ?? null,
      receivedBy: input.receivedBy || null,
      followUpBy: input.followUpBy || null,
      replyPerson: input.replyPerson || null,
      responsibility: input.responsibility ?? null,
      resolution: input.resolution ?? null,
      compensation: input.compensation ?? 0,
      supplierClaim: input.supplierClaim ?? 0,
      supplierClaimStatus: input.supplierClaimStatus ?? 'none',
      satisfaction: input.satisfaction ?? null,
      followUpOn: input.followUpOn ?? null,
      disputes: input.disputesInvoices ? 1 : 0,
      note: input.note || null,
      at,
    });
    setComplaintInvoices(sqlite, id, invoiceIds);
    const after = detail(sqlite, id, today);
    await audit(ctx, trx, after, 'create', undefined, after);
    return after;
  });
}

export function audit(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  c: ComplaintRow,
  action: string,
  before: unknown,
  after: unknown,
  note?: string | null,
): Promise<void> {
  return writeAudit(ctx, trx, {
    entity: 'complaint',
    entityId: c.number,
    customerId: c.customerId,
    action,
    before,
    after,
    note: note ?? null,
  });
}

/** Only the fields that changed, for the audit row. */
function changed(
  before: ComplaintDetail,
  after: ComplaintDetail,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof ComplaintDetail)[]) {
    if (k === 'version' || k === 'overdueReply') continue;
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}

export async function updateComplaint(ctx: ServiceContext, input: ComplaintUpdateInput): Promise<ComplaintDetail> {
  const today = ctx.clock.today();
  const days = await loadReplyDays(ctx);
  return write(ctx, async (trx, sqlite) => {
    const before = detail(sqlite, input.id, today);
    if (before.version !== input.version) throw new AppError('CONFLICT', 'complaint_changed', { field: 'version' });
    assertWritable(customerById(sqlite, before.customerId));
    const d = input.data;
    const claimLive = before.claimConfirmedOn !== null && before.claimVoidedAt === null;
    if (claimLive && d.compensation !== undefined && d.compensation !== before.compensation)
      fail([{ field: 'compensation', key: 'claim_confirmed_locked' }]);
    const invoiceIds = d.invoiceIds ?? before.invoices.map((i) => i.id);
    const inv = checkInvoices(sqlite, before.customerId, invoiceIds);
    const receivedOn = d.receivedOn ?? before.receivedOn;
    const severity = d.severity ?? before.severity;
    // A new received date or severity re-derives the reply-by date unless one is typed.
    const rederive =
      d.replyBy === undefined &&
      (d.receivedOn !== undefined || d.severity !== undefined) &&
      (receivedOn !== before.receivedOn || severity !== before.severity);
    const replyBy = d.replyBy ?? (rederive ? replyByFor(receivedOn, severity, days) : before.replyBy);
    const pick = <K extends keyof typeof d & keyof ComplaintDetail>(k: K) => (d[k] === undefined ? before[k] : d[k]);
    const issues = [
      ...inv.issues,
      ...checkComplaint(
        {
          receivedOn,
          replyBy,
          repliedOn: (pick('repliedOn') as string | null) ?? null,
          followUpOn: (pick('followUpOn') as string | null) ?? null,
          responsibility: pick('responsibility') ?? null,
          resolution: pick('resolution') ?? null,
          compensation: pick('compensation') as number,
          disputesInvoices: pick('disputesInvoices') as boolean,
          invoiceCount: new Set(invoiceIds).size,
          invoiceTotal: inv.total,
        },
        {
          today,
          replyByGiven: d.replyBy != null && d.replyBy !== before.replyBy,
          confirmedOverInvoices: !!d.confirmedOverInvoices,
        },
      ),
    ];
    if (issues.length) fail(issues);
    if (d.compensation !== undefined || d.supplierClaim !== undefined)
      assertComplaintMoneyRoom(sqlite, { id: before.customerId, code: before.customerCode }, input.id, {
        compensation: d.compensation ?? before.compensation,
        supplierClaim: d.supplierClaim ?? before.supplierClaim,
      });
    updateComplaintFields(sqlite, input.id, { ...d, replyBy }, ctx.clock.now().toISOString());
    if (d.invoiceIds) setComplaintInvoices(sqlite, input.id, d.invoiceIds);
    const after = detail(sqlite, input.id, today);
    const diff = changed(before, after);
    await audit(ctx, trx, after, 'update', diff.before, diff.after);
    return after;
  });
}

/** Moves the status forward on `date` (default today); resolving lifts the complaint's dispute from that day. */
export async function moveComplaint(
  ctx: ServiceContext,
  input: { id: number; to: ComplaintStatus; date?: string },
): Promise<ComplaintDetail> {
  const today = ctx.clock.today();
  const date = input.date ?? today;
  return write(ctx, async (trx, sqlite) => {
    const before = detail(sqlite, input.id, today);
    assertWritable(customerById(sqlite, before.customerId));
    const lastDate = maxDate(
      before.receivedOn,
      before.investigatingOn ?? before.receivedOn,
      before.resolvedOn ?? before.receivedOn,
    );
    const issues = checkMove(
      before.status,
      input.to,
      date,
      { receivedOn: before.receivedOn, lastDate, responsibility: before.responsibility, resolution: before.resolution },
      today,
    );
    if (issues.length) fail(issues);
    if (input.to === 'received') fail([{ field: 'to', key: 'invalid_option' }]);
    // Skipped steps take the same date (a complaint closed at once was resolved that day too).
    moveComplaintStatus(sqlite, {
      id: input.id,
      to: input.to,
      date,
      at: ctx.clock.now().toISOString(),
      alsoResolved: input.to === 'closed' && !before.resolvedOn,
    });
    const after = detail(sqlite, input.id, today);
    await audit(ctx, trx, after, 'status', { status: before.status }, { status: after.status, date });
    return after;
  });
}

export async function getComplaint(ctx: ServiceContext, id: number): Promise<ComplaintDetail> {
  return read(ctx, (sqlite) => detail(sqlite, id, ctx.clock.today()));
}

export async function listComplaints(
  ctx: ServiceContext,
  q: { filter?: ComplaintFilter; offset?: number; limit?: number },
): Promise<{ total: number; rows: ComplaintRow[] }> {
  const today = ctx.clock.today();
  return read(ctx, (sqlite) => {
    const r = listComplaintRows(sqlite, q.filter ?? {}, today, q);
    return { total: r.total, rows: r.rows.map((x) => complaintOut(x, today)) };
  });
}

export async function complaintByCreditNote(ctx: ServiceContext, creditNoteId: number): Promise<ComplaintRow | null> {
  const today = ctx.clock.today();
  return read(ctx, (sqlite) => {
    const id = complaintIdByCreditNote(sqlite, creditNoteId);
    return id === null ? null : detail(sqlite, id, today);
  });
}
