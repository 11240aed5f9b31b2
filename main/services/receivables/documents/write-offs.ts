// Write-offs (坏账核销) and recoveries (坏账收回).
import { serverError } from '../../../../shared/messages/server-messages';
import { AppError } from '../../../../shared/result';
import { bumpDaily, insertAllocation, refreshInvoice } from '../../../db/receivables/writes';
import { addRecovered, insertWriteOff } from '../../../db/receivables/documents';
import type { ReceiptCreated, WriteOffRow } from '../../../../shared/types-receivables';
import type { ParsedInputOf } from '../../../../shared/ipc/contract';
import { writeAudit } from '../../audit';
import type { ServiceContext } from '../../context';
import { assertDateField, assertWritable } from '../common';
import { customerById, invoiceRow, writeOffRow } from '../../../db/receivables/rows';
import { write } from '../../book-queue';
import { assertGrossRoom } from '../gross-limit';
import { receiptSync } from './receipts';
import { voidDocument } from './void-document';

const now = (ctx: ServiceContext) => ctx.clock.now().toISOString();

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
  return write(ctx, (trx, sqlite) =>
    voidDocument(ctx, trx, sqlite, input, {
      kind: 'write_offs',
      row: writeOffRow,
      alreadyVoid: () => serverError('CONFLICT', 'write_off_already_void', {}, { field: 'id', bare: true }),
      refuse: (before) => {
        if (before.recovered > 0) throw serverError('CONFLICT', 'write_off_recovered', {}, { field: 'id', bare: true });
        assertWritable(customerById(sqlite, before.customerId));
      },
      day: (before) => before.date,
      daily: (amount) => ({ written_off: -amount, credits_n: -1 }),
      audit: { entity: 'write_off', entityId: () => input.id },
    }),
  );
}
