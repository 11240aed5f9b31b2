// #15 item 7, second pass: with two customers at the gross cap (10^15 fen each, the book at its
// 2 × 10^15 cap) every figure the user reads is exact to the fen — dashboard, tie-out, statement,
// ageing export, credit check — and the amount-weighted days late, a money × days sum that passes
// 2^53 inside the caps, is computed exactly (it made the evaluation answer INTERNAL before).
// One more fen is refused naming the field, in zh-CN and en. The same for what is summed across
// customers but is not a document: credit limits (C1 and C2 each at 10^15 fen: the book's limits at
// their 2 × 10^15 cap) and promises to pay (C1 and C2 each promised 10^15 fen, the book 2 × 10^15).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderServerMessage } from '../../shared/messages/server-messages';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';
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
  // each at the largest credit limit: the book's limits at their cap (2 × 10^15 fen)
  for (const code of ['C1', 'C2']) ids[code] = await activeCustomer(t.ok, code, { creditLimit: CAP });
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

const PROMISE_MAX = 10_000_000_000_000; // the per-promise cap, fen (¥100,000,000,000.00)
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
const csvFile = (name: string, lines: string[]) => ({
  fileName: name,
  base64: Buffer.from(lines.join('\n'), 'utf8').toString('base64'),
});
const errorOf = (r: unknown) => (r as { error: never }).error;
const messages = (e: { key: never; values: Record<string, string | number> }) => [
  renderServerMessage('zh-CN', e.key, e.values),
  renderServerMessage('en', e.key, e.values),
];

describe('credit limits and promises summed across customers, at their caps', () => {
  it('credit limits: each customer at 10^15 fen, the book at 2 × 10^15 — rows and their total exact', async () => {
    const ageing = await must('ageing:report', { asOf: '2026-12-31' });
    const limits = ageing.rows.map((r: { creditLimit: number }) => r.creditLimit);
    expect(limits).toEqual([CAP, CAP]);
    expect(limits.reduce((a: number, b: number) => a + b, 0)).toBe(2 * CAP); // the ageing page's total
    const f = await must('ageing:export', { asOf: '2026-12-31', format: 'csv', locale: 'en' });
    const [header, ...lines] = Buffer.from(f.base64, 'base64').toString('utf8').split(/\r?\n/);
    const col = header.split(',').indexOf('credit_limit');
    expect(col).toBeGreaterThan(0);
    const limitOf = (code: string) => lines.find((l) => l.startsWith(`${code},`))?.split(',')[col];
    expect([limitOf('C1'), limitOf('C2')]).toEqual(['10000000000000.00', '10000000000000.00']);
  });

  it('one more fen of credit limit is refused naming the field (new customer, import row, a limit past 10^15)', async () => {
    const r = await t.call('customers:create', { ...HUASHENG, code: 'C3', creditLimit: 1 });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'creditLimit', key: 'book_credit_limits_cap' },
    });
    expect(messages(errorOf(r))).toEqual([
      '会使本账套全部客户的信用额度合计超过 ¥20,000,000,000,000.00（一个账套可精确合计的上限），未保存',
      "would take this book's credit limits past ¥20,000,000,000,000.00 in total, the most one book can add up exactly; nothing was saved",
    ]);
    const over = await t.call('customers:create', { ...HUASHENG, code: 'C3', creditLimit: CAP + 1 });
    expect(over).toMatchObject({ ok: false, error: { field: 'creditLimit', key: 'credit_limit_max' } });
    expect(messages(errorOf(over))[0]).toBe('信用额度最多 ¥10,000,000,000,000.00（单个客户可精确记账的上限），未保存');
    const imp = await t.call(
      'customers:import',
      csvFile('customers.csv', ['code,name,kind,credit_limit', 'C3,新客户,company,0.01']),
    );
    expect(imp).toMatchObject({
      ok: false,
      error: { key: 'book_credit_limits_cap', rows: [{ row: 2, field: 'credit_limit' }] },
    });
    expect((await must('customers:list', {})).total).toBe(2);
    // a limit of zero still fits
    expect(await t.call('customers:create', { ...HUASHENG, code: 'C3', creditLimit: 0 })).toMatchObject({ ok: true });
  });

  it('promises: each customer promised 10^15 fen, the book 2 × 10^15 — import total and run figures exact; one more fen refused', async () => {
    const rows = (code: string) =>
      Array.from(
        { length: 100 },
        (_, i) => `${code},2026-12-01,2026-12-${String(10 + (i % 20)).padStart(2, '0')},${yuan(PROMISE_MAX)},,`,
      );
    const header = 'customer_code,made_on,promised_on,amount,promised_by,form';
    for (const code of ['C1', 'C2']) {
      const imported = await must('collections:promises-import', csvFile(`${code}.csv`, [header, ...rows(code)]));
      expect(imported).toMatchObject({ imported: 100, amount: CAP });
    }
    const runs = await must('collections:run-candidates', { asOf: '2026-12-01' });
    const c2 = runs.find((c: { customerId: number }) => c.customerId === ids.C2);
    expect(c2).toMatchObject({ openPromises: 100, openPromiseAmount: CAP });

    const one = { customerId: ids.C2, madeOn: '2026-12-01', promisedOn: '2026-12-20', amount: 1 };
    const r = await t.call('collections:promise-create', one);
    expect(r).toMatchObject({ ok: false, error: { field: 'amount', key: 'customer_promises_cap' } });
    expect(messages(errorOf(r))).toEqual([
      '会使客户 C2 的付款承诺合计超过 ¥10,000,000,000,000.00（单个客户可精确合计的上限），未保存',
      "would take customer C2's promises to pay past ¥10,000,000,000,000.00 in total, the most one customer can add up exactly; nothing was saved",
    ]);
    const rec = await t.call('collections:record-create', {
      customerId: ids.C2,
      date: '2026-12-01',
      channel: 'call',
      promise: { promisedOn: '2026-12-20', amount: 1 },
    });
    expect(rec).toMatchObject({ ok: false, error: { field: 'promise.amount', key: 'customer_promises_cap' } });
    // a third customer: the book is full
    const c4 = await activeCustomer(t.ok, 'C4', { creditLimit: 0 });
    const b = await t.call('collections:promise-create', { ...one, customerId: c4 });
    expect(b).toMatchObject({ ok: false, error: { field: 'amount', key: 'book_promises_cap' } });
    const bi = await t.call(
      'collections:promises-import',
      csvFile('c4.csv', [header, 'C4,2026-12-01,2026-12-20,0.01,,']),
    );
    expect(bi).toMatchObject({ ok: false, error: { key: 'book_promises_cap', rows: [{ row: 2, field: 'amount' }] } });
    expect((await must('collections:promises', { asOf: '2026-12-01' })).rows).toHaveLength(200);
  });
});
