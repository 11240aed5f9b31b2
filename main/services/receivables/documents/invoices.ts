// Invoices: entry (with the credit check and its approvals), void, and the page list.
import { serverError } from '../../../../shared/messages/server-messages';
import { creditReasonsText } from '../../../../shared/messages/credit-reasons';
import { dueDateFor } from '../../../domain/dates';
import { bumpDaily, insertInvoice } from '../../../db/receivables/writes';
import { liveWriteOffOf, numberTaken, pageInvoiceIds } from '../../../db/receivables/documents';
import type { InvoiceCreated, InvoiceRow } from '../../../../shared/types-receivables';
import type { ParsedInputOf } from '../../../../shared/ipc/contract';
import { writeAudit } from '../../audit';
import type { ServiceContext } from '../../context';
import { assertDateField, assertWritable } from '../common';
import { customerById, invoiceRow } from '../../../db/receivables/rows';
import { read, write } from '../../book-queue';
import { creditCheckSync } from '../credit';
import { voidDocument } from './void-document';
import { loadArSettings } from '../settings';
import { selfApprover, verifyApproval } from '../../credit/roles';
import { assertGrossRoom } from '../gross-limit';

const now = (ctx: ServiceContext) => ctx.clock.now().toISOString();

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
  return write(ctx, (trx, sqlite) =>
    voidDocument(ctx, trx, sqlite, input, {
      kind: 'invoices',
      row: invoiceRow,
      alreadyVoid: (before) =>
        serverError('CONFLICT', 'invoice_already_void', { number: before.number }, { field: 'id', bare: true }),
      refuse: (before) => {
        assertWritable(customerById(sqlite, before.customerId));
        if (liveWriteOffOf(sqlite, input.id))
          throw serverError(
            'CONFLICT',
            'invoice_has_write_off',
            { number: before.number },
            { field: 'id', bare: true },
          );
      },
      day: (before) => before.issueDate,
      daily: (amount) => ({ invoiced: -amount, invoices_n: -1 }),
      audit: { entity: 'invoice', entityId: (before) => before.number },
    }),
  );
}

export async function listInvoices(
  ctx: ServiceContext,
  q: { customerId?: number; openOnly?: boolean; offset?: number; limit?: number },
): Promise<{ total: number; rows: InvoiceRow[] }> {
  return read(ctx, (sqlite) => {
    const { total, ids } = pageInvoiceIds(sqlite, q);
    return { total, rows: ids.map((id) => invoiceRow(sqlite, id)) };
  });
}
