// Receivables documents: invoices, receipts, credit notes, write-offs (and recoveries), notes
// receivable; manual apply / unapply. Every write is one transaction with its audit row.
// Posted documents are never deleted: void (with a reason) reverses their allocations.
import { serverError } from '../../../shared/messages/server-messages';
import { creditReasonsText } from '../../../shared/messages/credit-reasons';
import { AppError } from '../../../shared/result';
import { applyManually, unapplyAllocation, type Allocation } from '../../domain/allocation';
import { dueDateFor, maxDate } from '../../domain/dates';
import {
  bumpDaily,
  insertAllocation,
  insertInvoice,
  insertReceipt,
  refreshCredit,
  refreshInvoice,
} from '../../db/receivables/writes';
import {
  addRecovered,
  allocationsBetween,
  insertCreditNote,
  insertNoteReceivable,
  insertWriteOff,
  invoiceBrief,
  listNoteRows,
  liveWriteOffOf,
  markVoided,
  noteById,
  numberTaken,
  pageInvoiceIds,
  pageReceiptIds,
  setNoteStateRow,
} from '../../db/receivables/documents';
import type {
  AllocationRow,
  CreditNoteRow,
  InvoiceCreated,
  InvoiceRow,
  NoteReceivableRow,
  NoteState,
  ReceiptCreated,
  ReceiptRow,
  WriteOffRow,
} from '../../../shared/types-receivables';
import type { DB } from '../../db/schema';
import type { ParsedInputOf } from '../../../shared/ipc/contract';
import type { Transaction } from 'kysely';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { assertDateField, assertWritable } from './common';
import {
  allocationRows,
  creditNoteRow,
  customerById,
  invoiceRow,
  receiptRow,
  writeOffRow,
} from '../../db/receivables/rows';
import { read, write } from '../book-queue';
import { creditCheckSync } from './credit';
import { applyStoredReceipt, refreshAll, reverseAllocations } from './engine';
import { loadArSettings } from './settings';
import { selfApprover, verifyApproval } from '../credit/roles';
import { assertGrossRoom } from './gross-limit';

const now = (ctx: ServiceContext) => ctx.clock.now().toISOString();

// ---------------------------------------------------------------------------------------------
// Invoices

/** As validated by the IPC contract (shared/ipc/receivables.ts). */
export type InvoiceInput = ParsedInputOf<'invoices:create'>;

export async function createInvoice(ctx: ServiceContext, input: InvoiceInput): Promise<InvoiceCreated> {
  assertDateField(input.issueDate, 'issueDate');
  if (input.dueDate) assertDateField(input.dueDate, 'dueDate');
  // a credit manager's approval (name + password) is checked before the write, so a refused
  // approval is logged on its own (services/credit/roles.ts)
  const approver = input.approval
    ? await verifyApproval(ctx, input.approval, `invoice:${input.number}`, input.customerId)
    : null;
  return write(ctx, async (trx, sqlite) => {
    const c = customerById(sqlite, input.customerId);
    assertWritable(c, { trading: true });
    if (numberTaken(sqlite, 'invoices', input.number)) {
      throw serverError('CONFLICT', 'invoice_exists', { number: input.number }, { field: 'number' });
    }
    const dueDate = input.dueDate || dueDateFor(input.issueDate, c.payment_terms_days);
    if (dueDate < input.issueDate) throw serverError('VALIDATION', 'due_before_issue', {}, { field: 'dueDate' });
    assertGrossRoom(sqlite, c, input.amount);
    const credit = creditCheckSync(sqlite, loadArSettings(ctx), c, input.amount, ctx.clock.today());
    const override = input.overrideReason?.trim() || null;
    if (credit.status === 'block' && !override) {
      const blocking = credit.reasons.filter((r) => r.severity === 'block');
      const reasons = creditReasonsText('en', blocking, credit);
      const reasonsZh = creditReasonsText('zh-CN', blocking, credit);
      throw serverError('FORBIDDEN', 'credit_blocked', { reasons, reasonsZh }, { field: 'overrideReason', bare: true });
    }
    const approvedBy = credit.status === 'block' ? (approver ?? selfApprover(ctx)) : null;
    if (credit.status === 'block' && !approvedBy) {
      throw serverError('FORBIDDEN', 'approval_required_invoice', {}, { field: 'approval.name', bare: true });
    }
    const id = insertInvoice(sqlite, {
      customer_id: c.id,
      number: input.number,
      issue_date: input.issueDate,
      due_date: dueDate,
      amount: input.amount,
      description: input.description ?? null,
      open_amount: input.amount,
      settled_on: null,
      override_reason: credit.status === 'block' ? override : null,
      source: null,
      created_at: now(ctx),
    });
    bumpDaily(sqlite, input.issueDate, { invoiced: input.amount, invoices_n: 1 });
    const invoice = invoiceRow(sqlite, id);
    await writeAudit(ctx, trx, {
      entity: 'invoice',
      entityId: invoice.number,
      customerId: c.id,
      action: 'create',
      after: invoice,
    });
    if (credit.status !== 'ok') {
      await writeAudit(ctx, trx, {
        entity: 'invoice',
        entityId: invoice.number,
        customerId: c.id,
        action: credit.status === 'block' ? 'credit-override' : 'credit-warning',
        after: {
          status: credit.status,
          reasons: credit.reasons,
          exposure: credit.exposure,
          projected: credit.projected,
          limit: credit.limit,
          ...(approvedBy ? { approvedBy } : {}),
        },
        note: credit.status === 'block' ? override : null,
      });
    }
    return { invoice, credit, overridden: credit.status === 'block' ? override : null };
  });
}

export async function voidInvoice(ctx: ServiceContext, input: { id: number; reason: string }): Promise<InvoiceRow> {
  return write(ctx, async (trx, sqlite) => {
    const before = invoiceRow(sqlite, input.id);
    if (before.voidedAt)
      throw serverError('CONFLICT', 'invoice_already_void', { number: before.number }, { field: 'id', bare: true });
    assertWritable(customerById(sqlite, before.customerId));
    const wo = liveWriteOffOf(sqlite, input.id);
    if (wo)
      throw serverError('CONFLICT', 'invoice_has_write_off', { number: before.number }, { field: 'id', bare: true });
    const at = now(ctx);
    const touched = reverseAllocations(sqlite, 'invoice_id', input.id, at);
    markVoided(sqlite, 'invoices', input.id, at, input.reason);
    refreshAll(sqlite, { ...touched, invoices: [...new Set([...touched.invoices, input.id])] });
    bumpDaily(sqlite, before.issueDate, { invoiced: -before.amount, invoices_n: -1 });
    const after = invoiceRow(sqlite, input.id);
    await writeAudit(ctx, trx, {
      entity: 'invoice',
      entityId: before.number,
      customerId: before.customerId,
      action: 'void',
      before,
      after,
      note: input.reason,
    });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------
// Receipts

/** As validated by the IPC contract (shared/ipc/receivables.ts). */
export type ReceiptInput = ParsedInputOf<'receipts:create'>;

function checkNamedInvoice(
  sqlite: import('better-sqlite3').Database,
  invoiceId: number | null | undefined,
  customerId: number,
  field = 'invoiceId',
): void {
  if (invoiceId === null || invoiceId === undefined) return;
  const inv = invoiceBrief(sqlite, invoiceId);
  if (!inv) throw serverError('VALIDATION', 'invoice_id_not_found', { id: invoiceId }, { field });
  if (inv.customer_id !== customerId)
    throw serverError('VALIDATION', 'invoice_other_customer', { number: inv.number }, { field });
  if (inv.voided_at) throw serverError('VALIDATION', 'invoice_is_void', { number: inv.number }, { field });
}

export async function createReceipt(ctx: ServiceContext, input: ReceiptInput): Promise<ReceiptCreated> {
  assertDateField(input.date, 'date');
  return write(ctx, async (trx, sqlite) => {
    const c = customerById(sqlite, input.customerId);
    assertWritable(c);
    checkNamedInvoice(sqlite, input.invoiceId, c.id);
    assertGrossRoom(sqlite, c, input.amount);
    const res = receiptSync(sqlite, ctx, c.id, input, null);
    await writeAudit(ctx, trx, {
      entity: 'receipt',
      entityId: res.receipt.id,
      customerId: c.id,
      action: 'create',
      after: res,
    });
    return res;
  });
}

/** A receipt inside an open write (visits enter the money they collected along with their record). */
export function receiptSync(
  sqlite: import('better-sqlite3').Database,
  ctx: ServiceContext,
  customerId: number,
  input: ReceiptInput,
  source: string | null,
): ReceiptCreated {
  const at = now(ctx);
  const id = insertReceipt(sqlite, {
    customer_id: customerId,
    number: input.number ?? null,
    date: input.date,
    amount: input.amount,
    method: input.method,
    reference: input.reference ?? null,
    named_invoice_id: input.invoiceId ?? null,
    unapplied: input.amount,
    applied_on: null,
    source,
    created_at: at,
  });
  bumpDaily(sqlite, input.date, { received: input.amount, receipts_n: 1 });
  const ids = applyStoredReceipt(
    sqlite,
    { id, customerId, date: input.date, amount: input.amount, namedInvoiceId: input.invoiceId ?? null },
    at,
  );
  return { receipt: receiptRow(sqlite, id), allocations: allocationRows(sqlite, 'ids', ids) };
}

export async function voidReceipt(ctx: ServiceContext, input: { id: number; reason: string }): Promise<ReceiptRow> {
  return write(ctx, (trx, sqlite) =>
    voidCreditDocument(ctx, trx, sqlite, input, {
      row: receiptRow,
      alreadyVoid: () => serverError('CONFLICT', 'receipt_already_void', { id: input.id }, { field: 'id', bare: true }),
      kind: 'receipts',
      daily: (amount) => ({ received: -amount, receipts_n: -1 }),
      audit: { entity: 'receipt', entityId: () => input.id },
    }),
  );
}

/** What differs between voiding a receipt and a credit note. */
interface CreditDocumentKind<R extends { voidedAt: string | null; customerId: number; date: string; amount: number }> {
  row: (sqlite: import('better-sqlite3').Database, id: number) => R;
  alreadyVoid: (before: R) => Error;
  kind: 'receipts' | 'credit_notes';
  daily: (amount: number) => Parameters<typeof bumpDaily>[2];
  audit: { entity: string; entityId: (before: R) => number | string };
}

/** Void a receipt or credit note: its allocations are reversed, the invoices reopened, the daily
 *  totals and the audit log updated — in the caller's transaction. */
async function voidCreditDocument<
  R extends { voidedAt: string | null; customerId: number; date: string; amount: number },
>(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  sqlite: import('better-sqlite3').Database,
  input: { id: number; reason: string },
  k: CreditDocumentKind<R>,
): Promise<R> {
  const before = k.row(sqlite, input.id);
  if (before.voidedAt) throw k.alreadyVoid(before);
  assertWritable(customerById(sqlite, before.customerId));
  const at = now(ctx);
  const touched = reverseAllocations(sqlite, k.kind === 'receipts' ? 'receipt_id' : 'credit_note_id', input.id, at);
  markVoided(sqlite, k.kind, input.id, at, input.reason);
  const listKey = k.kind === 'receipts' ? 'receipts' : 'creditNotes';
  refreshAll(sqlite, { ...touched, [listKey]: [...new Set([...touched[listKey], input.id])] });
  bumpDaily(sqlite, before.date, k.daily(before.amount));
  const after = k.row(sqlite, input.id);
  await writeAudit(ctx, trx, {
    entity: k.audit.entity,
    entityId: k.audit.entityId(before),
    customerId: before.customerId,
    action: 'void',
    before,
    after,
    note: input.reason,
  });
  return after;
}

// ---------------------------------------------------------------------------------------------
// Manual apply / unapply of unapplied credit (receipts and credit notes)

/** As validated by the IPC contract (shared/ipc/receivables.ts). */
export type ApplyInput = ParsedInputOf<'allocations:apply'>;

interface CreditSource {
  table: 'receipts' | 'credit_notes';
  col: 'receipt_id' | 'credit_note_id';
  id: number;
  customerId: number;
  date: string;
  unapplied: number;
  label: string;
}

function creditSource(
  sqlite: import('better-sqlite3').Database,
  input: { receiptId?: number; creditNoteId?: number },
): CreditSource {
  if ((input.receiptId === undefined) === (input.creditNoteId === undefined)) {
    throw serverError('VALIDATION', 'receipt_or_credit_note', {}, { field: 'receiptId' });
  }
  if (input.receiptId !== undefined) {
    const r = receiptRow(sqlite, input.receiptId);
    if (r.voidedAt) throw serverError('VALIDATION', 'receipt_is_void', { id: r.id }, { field: 'receiptId' });
    return {
      table: 'receipts',
      col: 'receipt_id',
      id: r.id,
      customerId: r.customerId,
      date: r.date,
      unapplied: r.unapplied,
      label: `receipt ${r.number ?? r.id}`,
    };
  }
  const c = creditNoteRow(sqlite, input.creditNoteId!);
  if (c.voidedAt)
    throw serverError('VALIDATION', 'credit_note_is_void', { number: c.number }, { field: 'creditNoteId' });
  return {
    table: 'credit_notes',
    col: 'credit_note_id',
    id: c.id,
    customerId: c.customerId,
    date: c.date,
    unapplied: c.unapplied,
    label: `credit note ${c.number}`,
  };
}

/** Writes one hand-made allocation row (apply, or a negative unapply) and everything it moves. */
async function recordManualAllocation(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  sqlite: import('better-sqlite3').Database,
  src: CreditSource,
  inv: InvoiceRow,
  a: Allocation,
  action: 'apply' | 'unapply',
): Promise<AllocationRow> {
  const id = insertAllocation(sqlite, {
    invoice_id: inv.id,
    receipt_id: src.col === 'receipt_id' ? src.id : null,
    credit_note_id: src.col === 'credit_note_id' ? src.id : null,
    write_off_id: null,
    amount: a.amount,
    date: a.date,
    kind: action === 'apply' ? 'manual' : 'unapply',
    created_at: now(ctx),
  });
  refreshInvoice(sqlite, inv.id);
  refreshCredit(sqlite, src.table, src.id);
  bumpDaily(sqlite, a.date, {});
  const row = allocationRows(sqlite, 'ids', [id])[0];
  const note = `${src.label} ${action === 'apply' ? '→' : '↛'} ${inv.number}`;
  await writeAudit(ctx, trx, {
    entity: 'allocation',
    entityId: id,
    customerId: inv.customerId,
    action,
    after: row,
    note,
  });
  return row;
}

export async function applyCredit(ctx: ServiceContext, input: ApplyInput): Promise<AllocationRow> {
  return write(ctx, async (trx, sqlite) => {
    const src = creditSource(sqlite, input);
    const inv = invoiceRow(sqlite, input.invoiceId);
    if (inv.customerId !== src.customerId)
      throw serverError('VALIDATION', 'invoice_other_customer', { number: inv.number }, { field: 'invoiceId' });
    if (inv.voidedAt)
      throw new AppError('VALIDATION', `invoiceId: invoice ${inv.number} is void`, { field: 'invoiceId' });
    assertWritable(customerById(sqlite, inv.customerId));
    if (src.unapplied <= 0)
      throw serverError('VALIDATION', 'nothing_unapplied', { label: src.label }, { field: 'amount' });
    if (inv.open <= 0)
      throw serverError('VALIDATION', 'invoice_settled', { number: inv.number }, { field: 'invoiceId' });
    let a: Allocation;
    try {
      a = applyManually(
        { id: src.id, date: src.date, unapplied: src.unapplied },
        { id: inv.id, number: inv.number, issueDate: inv.issueDate, dueDate: inv.dueDate, open: inv.open },
        ctx.clock.today(),
        input.amount,
      );
    } catch (e) {
      throw serverError('VALIDATION', 'apply_amount_invalid', { detail: (e as Error).message }, { field: 'amount' });
    }
    return recordManualAllocation(ctx, trx, sqlite, src, inv, a, 'apply');
  });
}

export async function unapplyCredit(ctx: ServiceContext, input: ApplyInput): Promise<AllocationRow> {
  return write(ctx, async (trx, sqlite) => {
    const src = creditSource(sqlite, input);
    const inv = invoiceRow(sqlite, input.invoiceId);
    assertWritable(customerById(sqlite, inv.customerId));
    const rows = allocationsBetween(sqlite, src.col, src.id, inv.id);
    let a: Allocation;
    try {
      a = unapplyAllocation(
        rows.map((r) => ({ receiptId: src.id, invoiceId: inv.id, amount: r.amount, date: r.date })),
        src.id,
        inv.id,
        ctx.clock.today(),
        input.amount,
      );
    } catch (e) {
      throw serverError('VALIDATION', 'apply_amount_invalid', { detail: (e as Error).message }, { field: 'amount' });
    }
    return recordManualAllocation(ctx, trx, sqlite, src, inv, a, 'unapply');
  });
}

// ---------------------------------------------------------------------------------------------
// Credit notes (退货 / 折让 / 索赔补偿)

/** As validated by the IPC contract (shared/ipc/receivables.ts). */
export type CreditNoteInput = ParsedInputOf<'credit-notes:create'>;

export async function createCreditNote(
  ctx: ServiceContext,
  input: CreditNoteInput,
): Promise<{ creditNote: CreditNoteRow; allocations: AllocationRow[] }> {
  assertDateField(input.date, 'date');
  return write(ctx, (trx, sqlite) => createCreditNoteIn(ctx, trx, sqlite, input));
}

/** createCreditNote inside a transaction the caller holds (a complaint's claim writes its credit note with it). */
export async function createCreditNoteIn(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  sqlite: import('better-sqlite3').Database,
  input: CreditNoteInput,
): Promise<{ creditNote: CreditNoteRow; allocations: AllocationRow[] }> {
  {
    const c = customerById(sqlite, input.customerId);
    assertWritable(c);
    if (numberTaken(sqlite, 'credit_notes', input.number)) {
      throw serverError('CONFLICT', 'credit_note_exists', { number: input.number }, { field: 'number' });
    }
    checkNamedInvoice(sqlite, input.invoiceId, c.id);
    assertGrossRoom(sqlite, c, input.amount);
    const at = now(ctx);
    const id = insertCreditNote(sqlite, {
      customerId: c.id,
      number: input.number,
      date: input.date,
      amount: input.amount,
      kind: input.kind,
      invoiceId: input.invoiceId ?? null,
      reason: input.reason ?? null,
      createdAt: at,
    });
    bumpDaily(sqlite, input.date, { credited: input.amount, credits_n: 1 });
    const ids: number[] = [];
    if (input.invoiceId) {
      const inv = invoiceRow(sqlite, input.invoiceId);
      const amount = Math.min(inv.open, input.amount);
      if (amount > 0) {
        const date = maxDate(input.date, inv.issueDate);
        ids.push(
          insertAllocation(sqlite, {
            invoice_id: inv.id,
            receipt_id: null,
            credit_note_id: id,
            write_off_id: null,
            amount,
            date,
            kind: 'credit_note',
            created_at: at,
          }),
        );
        refreshInvoice(sqlite, inv.id);
        if (date !== input.date) bumpDaily(sqlite, date, {});
      }
    }
    refreshCredit(sqlite, 'credit_notes', id);
    const out = { creditNote: creditNoteRow(sqlite, id), allocations: allocationRows(sqlite, 'ids', ids) };
    await writeAudit(ctx, trx, {
      entity: 'credit_note',
      entityId: input.number,
      customerId: c.id,
      action: 'create',
      after: out,
    });
    return out;
  }
}

export async function voidCreditNote(
  ctx: ServiceContext,
  input: { id: number; reason: string },
): Promise<CreditNoteRow> {
  return write(ctx, (trx, sqlite) => voidCreditNoteIn(ctx, trx, sqlite, input));
}

/** voidCreditNote inside a transaction the caller holds (voiding a complaint's claim voids its credit note with it). */
export async function voidCreditNoteIn(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  sqlite: import('better-sqlite3').Database,
  input: { id: number; reason: string },
): Promise<CreditNoteRow> {
  return voidCreditDocument(ctx, trx, sqlite, input, {
    row: creditNoteRow,
    alreadyVoid: (before) =>
      serverError('CONFLICT', 'credit_note_already_void', { number: before.number }, { field: 'id', bare: true }),
    kind: 'credit_notes',
    daily: (amount) => ({ credited: -amount, credits_n: -1 }),
    audit: { entity: 'credit_note', entityId: (before) => before.number },
  });
}

// ---------------------------------------------------------------------------------------------
// Write-offs (坏账核销) and recoveries (坏账收回)

/** As validated by the IPC contract (shared/ipc/receivables.ts). */
export type WriteOffInput = ParsedInputOf<'write-offs:create'>;

export async function createWriteOff(ctx: ServiceContext, input: WriteOffInput): Promise<WriteOffRow> {
  assertDateField(input.date, 'date');
  return write(ctx, async (trx, sqlite) => {
    const inv = invoiceRow(sqlite, input.invoiceId);
    if (inv.voidedAt)
      throw new AppError('VALIDATION', `invoiceId: invoice ${inv.number} is void`, { field: 'invoiceId' });
    const c = customerById(sqlite, inv.customerId);
    assertWritable(c);
    if (input.date < inv.issueDate) throw serverError('VALIDATION', 'date_before_invoice_issue', {}, { field: 'date' });
    const amount = input.amount ?? inv.open;
    if (amount <= 0 || amount > inv.open)
      throw serverError('VALIDATION', 'write_off_amount_range', { openFen: inv.open }, { field: 'amount' });
    const at = now(ctx);
    const id = insertWriteOff(sqlite, {
      customerId: c.id,
      invoiceId: inv.id,
      date: input.date,
      amount,
      approvedBy: input.approvedBy,
      reason: input.reason,
      createdAt: at,
    });
    insertAllocation(sqlite, {
      invoice_id: inv.id,
      receipt_id: null,
      credit_note_id: null,
      write_off_id: id,
      amount,
      date: input.date,
      kind: 'write_off',
      created_at: at,
    });
    refreshInvoice(sqlite, inv.id);
    bumpDaily(sqlite, input.date, { written_off: amount, credits_n: 1 });
    const row = writeOffRow(sqlite, id);
    await writeAudit(ctx, trx, {
      entity: 'write_off',
      entityId: id,
      customerId: c.id,
      action: 'create',
      after: row,
      note: `${input.reason} (approved by ${input.approvedBy})`,
    });
    return row;
  });
}

/** As validated by the IPC contract (shared/ipc/receivables.ts). */
export type RecoveryInput = ParsedInputOf<'write-offs:recover'>;

/**
 * A written-off debt is paid after all: the write-off is reversed for the amount (the invoice
 * is receivable again), then a receipt naming the invoice pays it.
 */
export async function recoverWriteOff(
  ctx: ServiceContext,
  input: RecoveryInput,
): Promise<{ writeOff: WriteOffRow; receipt: ReceiptCreated }> {
  assertDateField(input.date, 'date');
  return write(ctx, async (trx, sqlite) => {
    const wo = writeOffRow(sqlite, input.writeOffId);
    if (wo.voidedAt) throw serverError('VALIDATION', 'write_off_void', {}, { field: 'writeOffId' });
    const c = customerById(sqlite, wo.customerId);
    assertWritable(c);
    if (input.date < wo.date) throw serverError('VALIDATION', 'before_write_off', {}, { field: 'date' });
    const left = wo.amount - wo.recovered;
    if (left <= 0) throw serverError('VALIDATION', 'fully_recovered', {}, { field: 'writeOffId' });
    if (input.amount > left) throw serverError('VALIDATION', 'recover_at_most', { leftFen: left }, { field: 'amount' });
    assertGrossRoom(sqlite, c, input.amount);
    const at = now(ctx);
    insertAllocation(sqlite, {
      invoice_id: wo.invoiceId,
      receipt_id: null,
      credit_note_id: null,
      write_off_id: wo.id,
      amount: -input.amount,
      date: input.date,
      kind: 'recovery',
      created_at: at,
    });
    addRecovered(sqlite, wo.id, input.amount);
    refreshInvoice(sqlite, wo.invoiceId);
    bumpDaily(sqlite, input.date, { written_off: -input.amount });
    const receipt = receiptSync(
      sqlite,
      ctx,
      c.id,
      {
        customerId: c.id,
        date: input.date,
        amount: input.amount,
        method: input.method,
        reference: input.reference ?? null,
        invoiceId: wo.invoiceId,
      },
      null,
    );
    const after = writeOffRow(sqlite, wo.id);
    const note = input.note?.trim() || null;
    await writeAudit(ctx, trx, {
      entity: 'write_off',
      entityId: wo.id,
      customerId: c.id,
      action: 'recover',
      before: wo,
      after: { writeOff: after, receipt },
      note,
    });
    return { writeOff: after, receipt };
  });
}

export async function voidWriteOff(ctx: ServiceContext, input: { id: number; reason: string }): Promise<WriteOffRow> {
  return write(ctx, async (trx, sqlite) => {
    const before = writeOffRow(sqlite, input.id);
    if (before.voidedAt) throw serverError('CONFLICT', 'write_off_already_void', {}, { field: 'id', bare: true });
    if (before.recovered > 0) throw serverError('CONFLICT', 'write_off_recovered', {}, { field: 'id', bare: true });
    assertWritable(customerById(sqlite, before.customerId));
    const at = now(ctx);
    const touched = reverseAllocations(sqlite, 'write_off_id', input.id, at);
    markVoided(sqlite, 'write_offs', input.id, at, input.reason);
    refreshAll(sqlite, touched);
    bumpDaily(sqlite, before.date, { written_off: -before.amount, credits_n: -1 });
    const after = writeOffRow(sqlite, input.id);
    await writeAudit(ctx, trx, {
      entity: 'write_off',
      entityId: input.id,
      customerId: before.customerId,
      action: 'void',
      before,
      after,
      note: input.reason,
    });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------
// Notes receivable (应收票据)

/** As validated by the IPC contract (shared/ipc/receivables.ts). */
export type NoteInput = ParsedInputOf<'notes:create'>;

const NOTE_MOVES: Record<NoteState, NoteState[]> = {
  held: ['honoured', 'endorsed', 'discounted', 'dishonoured'],
  dishonoured: ['honoured'],
  honoured: [],
  endorsed: ['dishonoured'],
  discounted: ['dishonoured'],
};

export async function createNote(ctx: ServiceContext, input: NoteInput): Promise<NoteReceivableRow> {
  assertDateField(input.issueDate, 'issueDate');
  assertDateField(input.maturityDate, 'maturityDate');
  if (input.maturityDate < input.issueDate)
    throw serverError('VALIDATION', 'maturity_before_issue', {}, { field: 'maturityDate' });
  return write(ctx, async (trx, sqlite) => {
    const c = customerById(sqlite, input.customerId);
    assertWritable(c);
    if (numberTaken(sqlite, 'notes_receivable', input.number)) {
      throw serverError('CONFLICT', 'note_exists', { number: input.number }, { field: 'number' });
    }
    assertGrossRoom(sqlite, c, input.amount);
    const id = insertNoteReceivable(sqlite, {
      customerId: c.id,
      number: input.number,
      kind: input.kind,
      drawer: input.drawer,
      issueDate: input.issueDate,
      maturityDate: input.maturityDate,
      amount: input.amount,
      createdAt: now(ctx),
    });
    const row = noteById(sqlite, id)!;
    await writeAudit(ctx, trx, {
      entity: 'note_receivable',
      entityId: input.number,
      customerId: c.id,
      action: 'create',
      after: row,
    });
    return row;
  });
}

export async function setNoteState(
  ctx: ServiceContext,
  input: { id: number; state: NoteState; date: string; note?: string },
): Promise<NoteReceivableRow> {
  assertDateField(input.date, 'date');
  return write(ctx, async (trx, sqlite) => {
    const before = noteById(sqlite, input.id);
    if (!before) throw serverError('NOT_FOUND', 'note_not_found', { id: input.id }, { field: 'id', bare: true });
    assertWritable(customerById(sqlite, before.customerId));
    if (!NOTE_MOVES[before.state].includes(input.state)) {
      throw serverError('VALIDATION', 'note_state_change', { from: before.state, to: input.state }, { field: 'state' });
    }
    if (input.date < before.stateDate)
      throw serverError('VALIDATION', 'before_note_change', { date: before.stateDate }, { field: 'date' });
    setNoteStateRow(sqlite, input.id, input.state, input.date);
    const after = noteById(sqlite, input.id)!;
    await writeAudit(ctx, trx, {
      entity: 'note_receivable',
      entityId: before.number,
      customerId: before.customerId,
      action: 'state',
      before,
      after,
      note: input.note ?? null,
    });
    return after;
  });
}

// ---------------------------------------------------------------------------------------------
// Lists

export async function listInvoices(
  ctx: ServiceContext,
  q: { customerId?: number; openOnly?: boolean; offset?: number; limit?: number },
): Promise<{ total: number; rows: InvoiceRow[] }> {
  return read(ctx, (sqlite) => {
    const { total, ids } = pageInvoiceIds(sqlite, q);
    return { total, rows: ids.map((id) => invoiceRow(sqlite, id)) };
  });
}

export async function listReceipts(
  ctx: ServiceContext,
  q: { customerId?: number; offset?: number; limit?: number },
): Promise<{ total: number; rows: ReceiptRow[] }> {
  return read(ctx, (sqlite) => {
    const { total, ids } = pageReceiptIds(sqlite, q);
    return { total, rows: ids.map((id) => receiptRow(sqlite, id)) };
  });
}

export async function listNotes(ctx: ServiceContext, q: { customerId?: number }): Promise<NoteReceivableRow[]> {
  return read(ctx, (sqlite) => {
    return listNoteRows(sqlite, q.customerId);
  });
}
