// #15 item 7: complaint money summed across complaints and customers (留档分析: compensation by
// month/type, top customers, supplier claims outstanding) was uncapped: eleven complaints at the
// per-document cap already passed 2^53 in the book's sum. Now a customer's and the book's
// compensation and supplier claims are capped (book-limits.ts: 10^15 / 2 × 10^15 fen): at the
// caps every total is exact; one fen more is refused naming the field, in zh-CN and en, and
// nothing is written — on create and on edit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderServerMessage } from '../../shared/messages/server-messages';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

const MAX_DOC = 99_999_999_999_999; // the per-document (per-complaint) cap, fen
const CAP = 1_000_000_000_000_000; // a customer's cap, fen
let t: TestDesk;
const ids: Record<string, number> = {};
const base = {
  receivedOn: '2026-04-25',
  channel: 'phone',
  type: 'product_quality',
  description: '第二批货外包装破损，部分商品受潮',
  severity: 'normal',
  resolution: 'compensation',
  confirmedOverInvoices: true,
} as const;

async function must(channel: string, input: unknown) {
  const r = await t.call(channel as never, input);
  expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
  return (r as { data: any }).data;
}
const count = async () => (await must('complaints:list', {})).total;
const messages = (e: { key: never; values: Record<string, string | number> }) => [
  renderServerMessage('zh-CN', e.key, e.values),
  renderServerMessage('en', e.key, e.values),
];

beforeAll(async () => {
  t = await openTestDesk({ now: '2026-12-31T09:00:00.000Z' });
  for (const code of ['C1', 'C2', 'C3']) ids[code] = await activeCustomer(t.ok, code);
  // C1 and C2: ten complaints at the cap + one of 10 fen each: 10^15 fen compensation and claims
  for (const code of ['C1', 'C2'])
    for (const amount of [...Array<number>(10).fill(MAX_DOC), 10])
      await must('complaints:create', {
        customerId: ids[code],
        ...base,
        compensation: amount,
        supplierClaim: amount,
        supplierClaimStatus: 'claimed',
      });
}, 180_000);
afterAll(() => t.close());

describe('complaint money at the caps', () => {
  it('the analysis adds 2 × 10^15 fen exactly', async () => {
    const a = await must('complaints:analysis', {});
    expect(a.rows.map((r: any) => [r.month, r.count, r.compensation])).toEqual([['2026-04', 22, 2 * CAP]]);
    expect(a.topCustomers.map((r: any) => [r.customerCode, r.count, r.compensation])).toEqual([
      ['C1', 11, CAP],
      ['C2', 11, CAP],
    ]);
    expect(a.supplierClaims).toEqual({ outstandingCount: 22, outstandingAmount: 2 * CAP, recoveredAmount: 0 });
  });

  it('one fen more compensation for a customer at its cap is refused naming the field; nothing is written', async () => {
    const r = await t.call('complaints:create', { customerId: ids.C1, ...base, compensation: 1 });
    expect(r).toMatchObject({ ok: false, error: { field: 'compensation', key: 'customer_compensation_cap' } });
    expect(messages((r as any).error)).toEqual([
      '会使客户 C1 的投诉赔偿合计超过 ¥10,000,000,000,000.00（单个客户可精确合计的上限），未保存',
      "would take customer C1's complaint compensation past ¥10,000,000,000,000.00 in total, the most one customer can add up exactly; nothing was saved",
    ]);
    expect(await count()).toBe(22);
  });

  it('supplier claims: the customer cap, then the book cap for a customer with none', async () => {
    const c1 = await t.call('complaints:create', { customerId: ids.C1, ...base, supplierClaim: 1 });
    expect(c1).toMatchObject({ ok: false, error: { field: 'supplierClaim', key: 'customer_supplier_claims_cap' } });
    const c3 = await t.call('complaints:create', { customerId: ids.C3, ...base, supplierClaim: 1 });
    expect(c3).toMatchObject({ ok: false, error: { field: 'supplierClaim', key: 'book_supplier_claims_cap' } });
    expect(messages((c3 as any).error)).toEqual([
      '会使本账套的供应商索赔合计超过 ¥20,000,000,000,000.00（一个账套可精确合计的上限），未保存',
      "would take this book's supplier claims past ¥20,000,000,000,000.00 in total, the most one book can add up exactly; nothing was saved",
    ]);
    const comp = await t.call('complaints:create', { customerId: ids.C3, ...base, compensation: 1 });
    expect(comp).toMatchObject({ ok: false, error: { field: 'compensation', key: 'book_compensation_cap' } });
    // no money at all still fits
    await must('complaints:create', {
      customerId: ids.C3,
      ...base,
      resolution: 'apology',
      confirmedOverInvoices: false,
    });
    expect(await count()).toBe(23);
  });

  it('an edit: raising a complaint by one fen is refused, lowering it is kept', async () => {
    const list = await must('complaints:list', {});
    const small = list.rows.find((r: any) => r.customerCode === 'C1' && r.compensation === 10);
    const k = await must('complaints:get', { id: small.id });
    expect(k.compensation).toBe(10);
    const up = await t.call('complaints:update', { id: k.id, version: k.version, data: { compensation: 11 } });
    expect(up).toMatchObject({ ok: false, error: { field: 'compensation', key: 'customer_compensation_cap' } });
    expect((await must('complaints:get', { id: k.id })).compensation).toBe(10);
    const down = await must('complaints:update', { id: k.id, version: k.version, data: { compensation: 9 } });
    expect(down.compensation).toBe(9);
    const again = await t.call('complaints:update', {
      id: k.id,
      version: down.version,
      data: { compensation: 10, confirmedOverInvoices: true },
    });
    expect(again).toMatchObject({ ok: true });
  });
});
