// Voiding a write-off and an invoice that has one, through the handlers: the refusals in their
// order, the invoice reopened to the fen, the daily totals taken back and the audit row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

let t: TestDesk;
let customerId = 0;
let invoiceId = 0;
let writeOffId = 0;
beforeEach(async () => {
  t = await openTestDesk();
  customerId = await activeCustomer(t.ok, 'C1');
  invoiceId = (await t.ok('invoices:create', { customerId, number: 'BD-1', issueDate: '2025-03-01', amount: 100000 }))
    .invoice.id;
  await t.ok('receipts:create', { customerId, date: '2025-04-01', amount: 25000, method: 'cash' });
  writeOffId = (
    await t.ok('write-offs:create', { invoiceId, date: '2026-01-15', approvedBy: '张总', reason: '客户失联' })
  ).id;
});
afterEach(async () => {
  await t.close();
});

const sql = (q: string, ...p: unknown[]) => t.desk.ctx.book.sqlite.prepare(q).get(...p) as Record<string, number>;

describe('voiding a write-off', () => {
  it('refuses to void the invoice while its write-off stands, and changes nothing', async () => {
    const audit = sql('SELECT count(*) AS n FROM audit_log').n;
    const r = await t.call('invoices:void', { id: invoiceId, reason: '开错' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'id', message: 'invoice BD-1 has a write-off; void the write-off first' },
    });
    expect(sql('SELECT voided_at AS v FROM invoices WHERE id = ?', invoiceId).v).toBeNull();
    expect(sql('SELECT count(*) AS n FROM audit_log').n).toBe(audit);
  });

  it('voids the write-off: the invoice is open again for 750.00, the day’s total goes, one audit row', async () => {
    const day = () => sql(`SELECT written_off AS w, credits_n AS n FROM ar_daily WHERE date = '2026-01-15'`);
    expect(day()).toEqual({ w: 75000, n: 1 });
    const after = await t.ok('write-offs:void', { id: writeOffId, reason: '已联系上客户' });
    expect(after).toMatchObject({ id: writeOffId, amount: 75000 });
    expect(after.voidedAt).not.toBeNull();
    expect(day()).toEqual({ w: 0, n: 0 });
    const inv = (await t.ok('invoices:list', { customerId })).rows[0];
    expect(inv).toMatchObject({ number: 'BD-1', open: 75000 });
    const audit = (await t.ok('audit:list', { entity: 'write_off' })).rows.filter((a: any) => a.action === 'void');
    expect(audit).toEqual([
      expect.objectContaining({ entityId: String(writeOffId), customerId, note: '已联系上客户' }),
    ]);

    // once is enough; then the invoice itself can be voided
    const again = await t.call('write-offs:void', { id: writeOffId, reason: 'x' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'the write-off is already void' } });
    const voided = await t.ok('invoices:void', { id: invoiceId, reason: '开错' });
    expect(voided.voidedAt).not.toBeNull();
    expect(sql(`SELECT invoiced AS i, invoices_n AS n FROM ar_daily WHERE date = '2025-03-01'`)).toEqual({
      i: 0,
      n: 0,
    });
  });

  it('refuses to void a write-off that has been partly recovered', async () => {
    await t.ok('write-offs:recover', { writeOffId, date: '2026-03-10', amount: 100, method: 'cash' });
    const r = await t.call('write-offs:void', { id: writeOffId, reason: 'x' });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'a recovered write-off cannot be voided; void the recovery receipt first' },
    });
  });
});
