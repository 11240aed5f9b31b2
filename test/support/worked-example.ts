// SPEC §2 worked example, entered through the IPC channels (so every suite checks the same book):
// C1, terms 30 days; INV-1 2026-01-10 1,000.00; INV-2 2026-02-15 2,500.00; R-1 2026-02-20
// 1,200.00; INV-3 2026-04-01 800.00; R-2 2026-04-05 500.00 naming INV-3; R-3 2026-06-10 3,000.00.
import { HUASHENG } from './book';

export type Ok = (channel: any, input: any) => Promise<any>;

export async function activeCustomer(ok: Ok, code = 'C1', extra: Record<string, unknown> = {}): Promise<number> {
  const c = await ok('customers:create', { ...HUASHENG, code, name: `客户${code}`, paymentTermsDays: 30, ...extra });
  await ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
  return c.id as number;
}

/** Enters the example for a new customer `code`; document numbers get a `code-` prefix unless code is C1. */
export async function seedWorkedExample(ok: Ok, code = 'C1', extra: Record<string, unknown> = {}) {
  const customerId = await activeCustomer(ok, code, extra);
  const p = code === 'C1' ? '' : `${code}-`;
  const inv = async (number: string, issueDate: string, amount: number) =>
    (await ok('invoices:create', { customerId, number: p + number, issueDate, amount })).invoice;
  const rec = async (number: string, date: string, amount: number, invoiceId?: number) =>
    (
      await ok('receipts:create', {
        customerId,
        number: p + number,
        date,
        amount,
        method: 'bank_transfer',
        invoiceId: invoiceId ?? null,
      })
    ).receipt;
  const i1 = await inv('INV-1', '2026-01-10', 100000);
  const i2 = await inv('INV-2', '2026-02-15', 250000);
  const r1 = await rec('R-1', '2026-02-20', 120000);
  const i3 = await inv('INV-3', '2026-04-01', 80000);
  const r2 = await rec('R-2', '2026-04-05', 50000, i3.id);
  const r3 = await rec('R-3', '2026-06-10', 300000);
  return { customerId, i1, i2, i3, r1, r2, r3 };
}
