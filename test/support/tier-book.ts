// A small book for value tier tests (SPEC §3), entered through the IPC channels.
// As of 2026-09-30 with 3 months (window 2026-07-01..2026-09-30) the tiers are:
// C1 A (avg 400,000) · C2 B (83,333) · C3 B (33,334) · C7 B (33,333) · C8 C (33,333, tie → code) · C4 C (0);
// C5 is a prospect and C6 terminated: not ranked.
import { HUASHENG, type TestDesk } from './book';
import { activeCustomer } from './worked-example';

export async function seedTierBook(ok: TestDesk['ok']) {
  const ids: Record<string, number> = {};
  for (const code of ['C1', 'C2', 'C3', 'C4', 'C6', 'C7', 'C8']) ids[code] = await activeCustomer(ok, code);
  await ok('customers:create', { ...HUASHENG, code: 'C5', name: '潜在客户C5' }); // prospect: not ranked
  const inv = (code: string, number: string, issueDate: string, amount: number) =>
    ok('invoices:create', { customerId: ids[code], number, issueDate, amount });
  await inv('C1', 'A-1', '2026-07-10', 1_200_000); // the SPEC example: 12,000.00 → 4,000.00 a month
  await inv('C2', 'B-1', '2026-08-05', 300_000);
  await ok('credit-notes:create', {
    customerId: ids.C2,
    number: 'CN-B',
    date: '2026-09-01',
    amount: 50_000,
    kind: 'return',
  });
  await inv('C3', 'C-0', '2026-06-30', 999_900); // before the window
  await inv('C3', 'C-1', '2026-09-30', 100_001); // last day of the window
  await inv('C3', 'C-2', '2026-10-01', 500_000); // after the as-of date
  const v = await inv('C4', 'D-1', '2026-07-01', 200_000);
  await ok('invoices:void', { id: v.invoice.id, reason: '开错' });
  await ok('credit-notes:create', {
    customerId: ids.C4,
    number: 'CN-D',
    date: '2026-08-01',
    amount: 10_000,
    kind: 'allowance',
  }); // below zero → 0
  await inv('C6', 'F-1', '2026-08-01', 5_000_000);
  await ok('customers:set-lifecycle', { id: ids.C6, to: 'terminated', reason: '停止合作' }); // not ranked
  await inv('C7', 'G-1', '2026-09-15', 100_000);
  await inv('C8', 'H-1', '2026-09-20', 100_000); // ties with C7: code order
  return ids;
}
