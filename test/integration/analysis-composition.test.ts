// The composition panel (客户构成) shows current figures: a book filled after the month's tier
// run shows its sales there at once (it used to show ¥0 until the tiers were recomputed), and it
// says which months the sales cover and when the tiers it groups by were computed.
import { afterEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

let t: TestDesk;
afterEach(async () => t.close());

describe('analysis panels: composition with current figures', () => {
  it('sales entered after the tier run show in the composition; the run is named by its date', async () => {
    t = await openTestDesk({ now: '2026-11-23T09:00:00.000Z' });
    const c1 = await activeCustomer(t.ok, 'C1');
    const c2 = await activeCustomer(t.ok, 'C2');
    const run = await t.ok('analysis:recompute', {}); // the monthly run on an empty book
    expect(run.asOf).toBe('2026-11-23');
    await t.ok('invoices:create', { customerId: c1, number: 'N-1', issueDate: '2026-08-03', amount: 1_200_000 });
    await t.ok('invoices:create', { customerId: c2, number: 'N-2', issueDate: '2026-10-31', amount: 300_000 });
    await t.ok('invoices:create', { customerId: c2, number: 'N-3', issueDate: '2026-11-02', amount: 999_999 }); // month not complete
    await t.ok('credit-notes:create', {
      customerId: c2,
      number: 'CN-1',
      date: '2026-09-10',
      amount: 50_000,
      kind: 'return',
    });

    const panels = await t.ok('analysis:panels', {});
    expect(panels.compositionWindow).toEqual({ asOf: '2026-11-23', from: '2026-08-01', to: '2026-10-31', months: 3 });
    expect(panels.composition.tier).toEqual([{ key: 'C', customers: 2, sales: 1_450_000 }]); // tiers of the run: all C
    expect(panels.composition.nature.reduce((s: number, r: { sales: number }) => s + r.sales, 0)).toBe(1_450_000);

    const ranking = await t.ok('analysis:ranking', {});
    expect(ranking.run.asOf).toBe('2026-11-23');
    expect(ranking).not.toHaveProperty('composition'); // the first paint carries no whole-book panels
    expect(ranking.pareto.points.map((p: { value: number }) => p.value)).toEqual([0, 0]);
  });
});
