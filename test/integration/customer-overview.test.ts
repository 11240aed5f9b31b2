// The customer card overview (概览) on the SPEC §2 worked example plus one later invoice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer, seedWorkedExample } from '../support/worked-example';

let t: TestDesk;
let customerId: number;
beforeAll(async () => {
  t = await openTestDesk({ now: '2026-08-31T09:00:00.000Z' });
  customerId = (await seedWorkedExample(t.ok)).customerId;
  await t.ok('invoices:create', { customerId, number: 'INV-4', issueDate: '2026-06-20', amount: 100_000 }); // due 07-20
});
afterAll(() => t.close());

describe('customer overview', () => {
  it('position, credit use, ageing, DSO, days late, trend and activity as of 2026-08-31', async () => {
    const o = await t.ok('analysis:customer-overview', { customerId });
    expect(o).toMatchObject({
      asOf: '2026-08-31',
      open: 100_000,
      unapplied: 40_000, // R-3's 400.00 left over
      balance: 60_000,
      overdue: 100_000,
      creditLimit: 5_000_000,
      hasLimit: true,
      creditUsed: 60_000,
      available: 4_940_000,
      dsoDays: 54, // 600.00 ÷ 1,000.00 sales in 90 days × 90
      averageDaysLate: 59, // (1,000×11 + 2,500×85 + 800×40) ÷ 4,300 = 59.4
    });
    expect(o.ageing.filter((b: any) => b.amount !== 0)).toEqual([{ key: '31-60', amount: 100_000 }]);
    expect(o.trend.map((m: any) => m.month)).toEqual([
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
    ]);
    expect(o.trend.filter((m: any) => m.sales || m.receipts)).toEqual([
      { month: '2026-01', sales: 100_000, receipts: 0 },
      { month: '2026-02', sales: 250_000, receipts: 120_000 },
      { month: '2026-04', sales: 80_000, receipts: 50_000 },
      { month: '2026-06', sales: 100_000, receipts: 300_000 },
    ]);
    expect(o.activity.map((a: any) => [a.date, a.kind, a.ref, a.amount])).toEqual([
      ['2026-06-20', 'invoice', 'INV-4', 100_000],
      ['2026-06-10', 'receipt', 'R-3', 300_000],
      ['2026-04-05', 'receipt', 'R-2', 50_000],
      ['2026-04-01', 'invoice', 'INV-3', 80_000],
      ['2026-02-20', 'receipt', 'R-1', 120_000],
      ['2026-02-15', 'invoice', 'INV-2', 250_000],
      ['2026-01-10', 'invoice', 'INV-1', 100_000],
    ]);
  });

  it('an unknown customer is not found', async () => {
    expect(await t.call('analysis:customer-overview', { customerId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('a limit of 0 is no limit (nothing over it), unless the setting makes it "no credit"', async () => {
    const c = { id: await activeCustomer(t.ok, 'C0LIM0', { creditLimit: 0 }) };
    await t.ok('invoices:create', { customerId: c.id, number: 'Z-1', issueDate: '2026-08-01', amount: 30_000 });
    const none = await t.ok('analysis:customer-overview', { customerId: c.id });
    expect(none).toMatchObject({ creditLimit: 0, hasLimit: false, creditUsed: 30_000, available: null });
    const settings = await t.ok('receivables:settings', {});
    await t.ok('receivables:update-settings', { ...settings, zeroLimitMeansNone: false });
    const noCredit = await t.ok('analysis:customer-overview', { customerId: c.id });
    expect(noCredit).toMatchObject({ creditLimit: 0, hasLimit: true, creditUsed: 30_000, available: -30_000 });
  });
});
