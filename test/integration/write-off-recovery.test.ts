// Recovering a written-off debt (坏账收回) through the handlers: the receipt, the ledger, the
// write-off's recovered amount, the audit note; refusals name the field and change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

let t: TestDesk;
let customerId = 0;
let writeOffId = 0;
beforeEach(async () => {
  t = await openTestDesk();
  customerId = await activeCustomer(t.ok, 'C1');
  const inv = (await t.ok('invoices:create', { customerId, number: 'BD-1', issueDate: '2025-03-01', amount: 100000 }))
    .invoice;
  writeOffId = (
    await t.ok('write-offs:create', { invoiceId: inv.id, date: '2026-01-15', approvedBy: '张总', reason: '客户失联' })
  ).id;
});
afterEach(async () => {
  await t.close();
});

const count = (table: string) =>
  (t.desk.ctx.book.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('write-off recovery', () => {
  it('recovers 300.00 of a 1,000.00 write-off: receipt, ledger and balance to the fen', async () => {
    const r = await t.ok('write-offs:recover', {
      writeOffId,
      date: '2026-03-10',
      amount: 30000,
      method: 'bank_transfer',
      reference: 'BK-778',
      note: '法院执行款',
    });
    expect(r.writeOff).toMatchObject({ id: writeOffId, amount: 100000, recovered: 30000, invoiceNumber: 'BD-1' });
    expect(r.receipt.receipt).toMatchObject({
      customerId,
      date: '2026-03-10',
      amount: 30000,
      method: 'bank_transfer',
      reference: 'BK-778',
      unapplied: 0,
    });
    expect(r.receipt.allocations.map((a: any) => [a.invoiceNumber, a.amount, a.date])).toEqual([
      ['BD-1', 30000, '2026-03-10'],
    ]);

    const ledger = await t.ok('ledger:customer', { customerId });
    expect(ledger.lines.map((l: any) => [l.kind, l.number, l.debit, l.credit, l.balance])).toEqual([
      ['invoice', 'BD-1', 100000, 0, 100000],
      ['write_off', 'BD-1', 0, 100000, 0],
      ['receipt', 'BK-778', 0, 30000, -30000],
      ['recovery', 'BD-1', 30000, 0, 0],
    ]);
    expect(ledger.balance).toBe(0);
    expect(ledger.writeOffs).toEqual([expect.objectContaining({ id: writeOffId, amount: 100000, recovered: 30000 })]);
    // before the recovery's date the write-off still shows nothing recovered
    expect((await t.ok('ledger:customer', { customerId, asOf: '2026-03-09' })).writeOffs[0].recovered).toBe(0);
    // the invoice stays settled: 700.00 written off, 300.00 paid
    const inv = (await t.ok('invoices:list', { customerId })).rows[0];
    expect(inv).toMatchObject({ open: 0 });
    expect((await t.ok('ageing:tie-out', { asOf: '2026-11-23' })).difference).toBe(0);

    const audit = (await t.ok('audit:list', { entity: 'write_off' })).rows.find((a: any) => a.action === 'recover');
    expect(audit).toMatchObject({ entityId: String(writeOffId), customerId, note: '法院执行款' });

    // the rest can be recovered later, but not more than is still written off
    const more = await t.call('write-offs:recover', { writeOffId, date: '2026-04-01', amount: 70001, method: 'cash' });
    expect(more).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'amount', message: 'amount: at most ¥700.00 is still written off' },
    });
    const rest = await t.ok('write-offs:recover', { writeOffId, date: '2026-04-01', amount: 70000, method: 'cash' });
    expect(rest.writeOff.recovered).toBe(100000);
    const done = await t.call('write-offs:recover', { writeOffId, date: '2026-04-02', amount: 1, method: 'cash' });
    expect(done).toMatchObject({
      ok: false,
      error: { field: 'writeOffId', message: 'writeOffId: the write-off is fully recovered' },
    });
  });

  it.each([
    [{ date: '2026-01-14', amount: 30000, method: 'cash' }, 'date', 'date: is before the write-off'],
    [{ date: '2026-03-10', amount: 0, method: 'cash' }, 'amount', 'amount: must be greater than zero'],
    [
      { date: '2026-03-10', amount: 300.5, method: 'cash' },
      'amount',
      'amount: must be an amount with at most 2 decimals',
    ],
    [{ date: '2026-03-10', amount: 30000, method: 'cash', note: 'x'.repeat(501) }, 'note', 'note: is too long'],
    [{ date: '2026-03-10', amount: 30000, method: 'gold' }, 'method', 'method: is not one of the allowed values'],
  ])('refuses %o naming %s, nothing written', async (input, field, message) => {
    const before = [count('receipts'), count('allocations'), count('audit_log')];
    const r = await t.call('write-offs:recover', { writeOffId, ...input });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field, message } });
    expect([count('receipts'), count('allocations'), count('audit_log')]).toEqual(before);
    expect((await t.ok('ledger:customer', { customerId })).writeOffs[0].recovered).toBe(0);
  });
});
