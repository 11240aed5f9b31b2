// `collections:kpis` on a small book, exact figures: CEI, best-possible DSO, promise-kept rate
// and the 13-week forecast (due date + the customer's average days late).
import { describe, expect, it } from 'vitest';
import { createPromise } from '../../main/services/collections';
import { HUASHENG, openTestDesk } from '../support/book';
import type { CollectionsKpisOut } from '../../shared/types-collections-kpis';

describe('collections KPIs', () => {
  it('CEI, best-possible DSO, kept rate and forecast of a month', async () => {
    const t = await openTestDesk();
    try {
      const c = await t.ok('customers:create', {
        ...HUASHENG,
        code: 'K1',
        name: '客户一',
        paymentTermsDays: 30,
        creditLimit: 0,
        contacts: [],
      } as never);
      await t.ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
      // ¥1,000.00 issued 03-01 (due 03-31), ¥500.00 issued 04-20 (due 05-20)
      for (const [number, issueDate, amount] of [
        ['I-1', '2026-03-01', 100_000],
        ['I-2', '2026-04-20', 50_000],
      ] as const)
        await t.ok('invoices:create', { customerId: c.id, number, issueDate, amount, overrideReason: 'test' });
      // ¥600.00 on 04-10 settles the oldest invoice in part, 10 days after its due date
      await t.ok('receipts:create', {
        customerId: c.id,
        date: '2026-04-10',
        amount: 60_000,
        method: 'bank_transfer',
        reference: 'R1',
      });
      // broken (nothing in [04-01, 04-05]) and kept (the receipt of 04-10 falls in [04-08, 04-12])
      for (const [madeOn, promisedOn, amount] of [
        ['2026-04-01', '2026-04-05', 60_000],
        ['2026-04-08', '2026-04-12', 30_000],
      ] as const)
        await createPromise(t.desk.ctx, { customerId: c.id, madeOn, promisedOn, amount, form: 'verbal' });

      const k: CollectionsKpisOut = await t.ok('collections:kpis', {
        asOf: '2026-04-30',
        from: '2026-04-01',
        to: '2026-04-30',
      });
      // opening ¥1,000 + sales ¥500 − closing ¥900 = ¥600 collected, over ¥1,500 − ¥500 not yet due
      expect(k.cei).toEqual({ bp: 6000, opening: 100_000, sales: 50_000, closing: 90_000, closingCurrent: 50_000 });
      // ¥500 current ÷ ¥500 sales × 30 days
      expect(k.bestPossibleDsoTenths).toBe(300);
      expect(k.promiseKept).toEqual({ kept: 1, decided: 2, bp: 5000 });
      // I-1's ¥400 open: due 03-31 + 10 days late = 04-10, before asOf; I-2: 05-20 + 10 = 05-30, week 5
      expect(k.forecast.pastDue).toBe(40_000);
      expect(k.forecast.later).toBe(0);
      expect(k.forecast.weeks.filter((w) => w.expected).map((w) => [w.week, w.from, w.to, w.expected])).toEqual([
        [5, '2026-05-28', '2026-06-03', 50_000],
      ]);
      // bad input changes nothing and names the field
      const bad = await t.call('collections:kpis', { from: '2026-05-01', to: '2026-04-01' });
      expect(bad.ok).toBe(false);
    } finally {
      await t.close();
    }
  }, 60_000);
});
