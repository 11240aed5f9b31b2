// Receipts: entry (applied to the oldest open invoices or a named one), void, and the page list.
import { serverError } from '../../../../shared/messages/server-messages';
import { bumpDaily, insertReceipt } from '../../../db/receivables/writes';
import { invoiceBrief, pageReceiptIds } from '../../../db/receivables/documents';
import type { ReceiptCreated, ReceiptRow } from '../../../../shared/types-receivables';
import type { ParsedInputOf } from '../../../../shared/ipc/contract';
import { writeAudit } from '../../audit';
import type { ServiceContext } from '../../context';
import { assertDateField, assertWritable } from '../common';
import { allocationRows, customerById, receiptRow } from '../../../db/receivables/rows';
import { read, write } from '../../book-queue';
import { applyStoredReceipt } from '../engine';
import { assertGrossRoom } from '../gross-limit';
import { voidDocument } from './void-document';

const now = (ctx: ServiceContext) => ctx.clock.now().toISOString();

/** As validated by the IPC contract (shared/ipc/receivables.ts). */
export type ReceiptInput = ParsedInputOf<'receipts:create'>;

export function checkNamedInvoice(
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
    voidDocument(ctx, trx, sqlite, input, {
      row: receiptRow,
      alreadyVoid: () => serverError('CONFLICT', 'receipt_already_void', { id: input.id }, { field: 'id', bare: true }),
      kind: 'receipts',
      day: (before) => before.date,
      daily: (amount) => ({ received: -amount, receipts_n: -1 }),
      audit: { entity: 'receipt', entityId: () => input.id },
    }),
  );
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
