// Manual apply / unapply of unapplied credit (receipts and credit notes).
import { serverError } from '../../../../shared/messages/server-messages';
import { AppError } from '../../../../shared/result';
import { applyManually, unapplyAllocation, type Allocation } from '../../../domain/allocation';
import { bumpDaily, insertAllocation, refreshCredit, refreshInvoice } from '../../../db/receivables/writes';
import { allocationsBetween } from '../../../db/receivables/documents';
import type { AllocationRow, InvoiceRow } from '../../../../shared/types-receivables';
import type { DB } from '../../../db/schema';
import type { ParsedInputOf } from '../../../../shared/ipc/contract';
import type { Transaction } from 'kysely';
import { writeAudit } from '../../audit';
import type { ServiceContext } from '../../context';
import { assertWritable } from '../common';
import { allocationRows, creditNoteRow, customerById, invoiceRow, receiptRow } from '../../../db/receivables/rows';
import { write } from '../../book-queue';

const now = (ctx: ServiceContext) => ctx.clock.now().toISOString();

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
