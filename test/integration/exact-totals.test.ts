// #15 item 7, second pass: with two customers at the gross cap (10^15 fen each, the book at its
// 2 × 10^15 cap) every figure the user reads is exact to the fen — dashboard, tie-out, statement,
// ageing export, credit check — and the amount-weighted days late, a money × days sum that passes
// 2^53 inside the caps, is computed exactly (it made the evaluation answer INTERNAL before).
// One more fen is refused naming the field, in zh-CN and en.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderServerMessage } from '../../shared/messages/server-messages';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

const MAX_DOC = 99_999_999_999_999; // the per-document cap, fen
const CAP = 1_000_000_000_000_000; // a customer's gross cap, fen
let t: TestDesk;
const ids: Record<string, number> = {};

async function must(channel: string, input: unknown) {
  const r = await t.call(channel as never, input);
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return (r as { data: any }).data;
}

beforeAll(async () => {
  t = await openTestDesk({ now: '2026-12-31T09:00:00.000Z' });
  for (const code of ['C1', 'C2']) ids[code] = await activeCustomer(t.ok, code, { creditLimit: 0 });
  // C1: five largest invoices due 2026-01-31, paid 2026-03-02 (30 days late), + 10 fen open
  for (let i = 0; i < 5; i++) {
    const inv = await must('invoices:create', {
      customerId: ids.C1,
      number: `C1-${i}`,
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
      amount: MAX_DOC,
      overrideReason: 'caps',
    });
    expect(inv).toBeTruthy();
    await must('receipts:create', { customerId: ids.C1, date: '2026-03-02', amount: MAX_DOC, method: 'bank_transfer' });
  }
  await must('invoices:create', {
    customerId: ids.C1,
    number: 'C1-TOP',
    issueDate: '2026-06-01',
    dueDate: '2026-06-30',
    amount: 10,
    overrideReason: 'caps',
  });
  // C2: ten largest invoices + 10 fen, all open: 10^15 fen receivable
  for (let i = 0; i < 10; i++) {
    await must('invoices:create', {
      customerId: ids.C2,
      number: `C2-${i}`,
      issueDate: '2026-10-01',
      dueDate: '2026-10-31',
      amount: MAX_DOC,
      overrideReason: 'caps',
    });
  }
  await must('invoices:create', {
    customerId: ids.C2,
    number: 'C2-TOP',
    issueDate: '2026-10-01',
    dueDate: '2026-10-31',
    amount: 10,
    overrideReason: 'caps',
  });
}, 180_000);
afterAll(() => t.close());

describe('figures at the caps are exact to the fen', () => {
  it('dashboard and tie-out', async () => {
    const d = await must('receivables:dashboard', { asOf: '2026-12-31' });
    expect(d).toMatchObject({ totalReceivable: CAP + 10, overdue: CAP + 10, notDue: 0, unapplied: 0 });
    const tie = await must('ageing:tie-out', { asOf: '2026-12-31' });
    expect(tie).toMatchObject({ ageingTotal: CAP + 10, ledgerBalance: CAP + 10, difference: 0 });
  });

  it('the statement of the customer at its cap', async () => {
    const s = await must('statements:data', { customerId: ids.C2, from: '2026-10-01', to: '2026-12-31' });
    expect(s.closing).toBe(CAP);
    expect(s.closingInWords).toBe('壹拾万亿元整');
  });

  it('the ageing export', async () => {
    const f = await must('ageing:export', { asOf: '2026-12-31', format: 'csv', locale: 'en' });
    const csv = Buffer.from(f.base64, 'base64').toString('utf8');
    const c2 = csv.split(/\r?\n/).find((l) => l.includes('C2'));
    expect(c2).toContain('10000000000000.00');
  });

  it('the credit check at entry', async () => {
    const c = await must('credit:check', { customerId: ids.C2, amount: 1 });
    expect(c).toMatchObject({ openReceivables: CAP, exposure: CAP, projected: CAP + 1 });
  });

  it('average days late weighted by amount: 5 × 999,999,999,999.99 yuan paid 30 days late (Σ fen·days > 2^53)', async () => {
    expect(5 * MAX_DOC * 30).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    const ev = await must('evaluation:draft', { customerId: ids.C1, from: '2026-01-01', to: '2026-12-31' });
    expect(ev.averageDaysLate).toBe(30);
    const ov = await must('analysis:customer-overview', { customerId: ids.C1, asOf: '2026-12-31' });
    expect(ov.averageDaysLate).toBe(30);
  });

  it('one more fen is refused naming the field, in zh-CN and en; nothing is written', async () => {
    const r = await t.call('receipts:create', { customerId: ids.C2, date: '2026-12-01', amount: 1, method: 'cash' });
    expect(r).toMatchObject({ ok: false, error: { field: 'amount', key: 'customer_gross_limit' } });
    const e = (r as { error: { key: 'customer_gross_limit'; values: Record<string, string | number> } }).error;
    expect(renderServerMessage('zh-CN', e.key, e.values)).toBe(
      '会使客户 C2 的单据合计超过 ¥10,000,000,000,000.00（单个客户可精确记账的上限），未保存',
    );
    expect(renderServerMessage('en', e.key, e.values)).toBe(
      "would take customer C2's documents past ¥10,000,000,000,000.00 in total, the most one customer's book can hold exactly; nothing was saved",
    );
    expect((await must('receivables:dashboard', { asOf: '2026-12-31' })).totalReceivable).toBe(CAP + 10);
  });
});
