// The SPEC §2 worked example (customer C1, payment terms 30 days), shared by several tests.
import { allocateReceipts } from '../../main/domain/allocation';
import type { ArInvoice, ArReceipt, Ledger } from '../../main/domain/ageing';

export const C1 = { id: 1, code: 'C1', name: '客户一', creditLimit: 500_000 };

export const INV_1: ArInvoice = {
  id: 101,
  customerId: 1,
  number: 'INV-1',
  issueDate: '2026-01-10',
  dueDate: '2026-02-09',
  amount: 100_000,
  seq: 1,
};
export const INV_2: ArInvoice = {
  id: 102,
  customerId: 1,
  number: 'INV-2',
  issueDate: '2026-02-15',
  dueDate: '2026-03-17',
  amount: 250_000,
  seq: 2,
};
export const INV_3: ArInvoice = {
  id: 103,
  customerId: 1,
  number: 'INV-3',
  issueDate: '2026-04-01',
  dueDate: '2026-05-01',
  amount: 80_000,
  seq: 4,
};
export const R_1: ArReceipt = { id: 201, customerId: 1, number: 'R-1', date: '2026-02-20', amount: 120_000, seq: 3 };
export const R_2: ArReceipt = { id: 202, customerId: 1, number: 'R-2', date: '2026-04-05', amount: 50_000, seq: 5 };
export const R_3: ArReceipt = { id: 203, customerId: 1, number: 'R-3', date: '2026-06-10', amount: 300_000, seq: 6 };

export function workedExample(): Ledger & { unapplied: { receiptId: string | number; amount: number }[] } {
  const invoices = [INV_1, INV_2, INV_3];
  const receipts = [R_1, R_2, R_3];
  const res = allocateReceipts(invoices, [
    { id: R_1.id, date: R_1.date, amount: R_1.amount },
    { id: R_2.id, date: R_2.date, amount: R_2.amount, namedInvoiceId: INV_3.id },
    { id: R_3.id, date: R_3.date, amount: R_3.amount },
  ]);
  return { invoices, receipts, allocations: res.allocations, creditNotes: [], writeOffs: [], unapplied: res.unapplied };
}
