// Bad input through the channels: a clear message naming the field, and nothing written.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

let t: TestDesk;
let customerId = 0;
beforeEach(async () => {
  t = await openTestDesk();
  customerId = await activeCustomer(t.ok, 'C1');
});
afterEach(async () => {
  await t.close();
});

const count = (table: string) =>
  (t.desk.ctx.book.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('bad input is named and changes nothing', () => {
  it.each([
    [
      'invoices:create',
      () => ({ customerId, number: 'A', issueDate: '2026-02-30', amount: 100 }),
      'issueDate',
      'issueDate: must be a date YYYY-MM-DD',
    ],
    [
      'invoices:create',
      () => ({ customerId, number: 'A', issueDate: '2026-02-03', amount: 0 }),
      'amount',
      'amount: must be greater than zero',
    ],
    [
      'invoices:create',
      () => ({ customerId, number: 'A', issueDate: '2026-02-03', amount: 12.5 }),
      'amount',
      'amount: must be an amount with at most 2 decimals',
    ],
    [
      'invoices:create',
      () => ({ customerId: 999, number: 'A', issueDate: '2026-02-03', amount: 100 }),
      'customerId',
      'customerId: customer 999 not found',
    ],
    [
      'receipts:create',
      () => ({ customerId, date: '2026-02-03', amount: 100, method: 'bitcoin' }),
      'method',
      'method: is not one of the allowed values',
    ],
    [
      'statements:pdf',
      () => ({ customerId, from: '2026-05-01', to: '2026-04-01' }),
      'from',
      'from: the period ends before it starts',
    ],
    ['ageing:report', () => ({ asOf: 'yesterday' }), 'asOf', 'asOf: must be a date YYYY-MM-DD'],
  ])('%s → %s', async (channel, input, field, message) => {
    const before = [count('invoices'), count('receipts'), count('audit_log')];
    const r = await t.call(channel as never, input());
    expect(r.ok).toBe(false);
    if (!r.ok) expect({ field: r.error.field, message: r.error.message }).toEqual({ field, message });
    expect([count('invoices'), count('receipts'), count('audit_log')]).toEqual(before);
  });
});
