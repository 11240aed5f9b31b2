// #15 item 7: a customer's and a book's document totals are capped (main/domain/book-limits.ts)
// so every sum stays exact; the write that would pass a cap is refused naming the field, in the
// user's language, and nothing is written — through the channels and through imports.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderServerMessage } from '../../shared/messages/server-messages';
import { stagedFiles } from '../../main/services/files/staged-files';
import { rowMessageText } from '../../main/cli/row-messages';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

const MAX_DOC = 99_999_999_999_999; // 999,999,999,999.99 yuan, the per-document cap
let t: TestDesk;
const ids: Record<string, number> = {};
const count = (table: string) =>
  (t.desk.ctx.book.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function invoice(code: string, number: string, amount: number) {
  return t.call('invoices:create', {
    customerId: ids[code],
    number,
    issueDate: '2026-01-10',
    amount,
    overrideReason: 'test of the caps',
  });
}

beforeAll(async () => {
  t = await openTestDesk();
  for (const code of ['C1', 'C2', 'C3']) ids[code] = await activeCustomer(t.ok, code, { creditLimit: 0 });
  // C1 and C2 each at 10 × the largest document + 10 fen = exactly 10^15 fen (the customer cap)
  for (const code of ['C1', 'C2']) {
    for (let i = 0; i < 10; i++) {
      const r = await invoice(code, `${code}-BIG-${i}`, MAX_DOC);
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
    }
    expect(await invoice(code, `${code}-TOP`, 10)).toMatchObject({ ok: true });
  }
}, 120_000);
afterAll(() => t.close());

describe('gross caps keep every total exact', () => {
  it('one more fen for a customer at its cap is refused, naming the customer and the field; nothing is written', async () => {
    const before = [count('invoices'), count('receipts'), count('audit_log')];
    const r = await invoice('C1', 'C1-OVER', 1);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'amount', key: 'customer_gross_limit' } });
    const e = (r as { error: { key: 'customer_gross_limit'; values: Record<string, string | number> } }).error;
    expect(renderServerMessage('zh-CN', e.key, e.values)).toBe(
      '会使客户 C1 的单据合计超过 ¥10,000,000,000,000.00（单个客户可精确记账的上限），未保存',
    );
    const rec = await t.call('receipts:create', { customerId: ids.C1, date: '2026-02-01', amount: 1, method: 'cash' });
    expect(rec).toMatchObject({ ok: false, error: { field: 'amount', key: 'customer_gross_limit' } });
    expect([count('invoices'), count('receipts'), count('audit_log')]).toEqual(before);
  });

  it('the book cap: a third customer cannot add a fen once the book holds 2 × 10^15 fen', async () => {
    const r = await invoice('C3', 'C3-1', 1);
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'amount', key: 'book_gross_limit' } });
  });

  it('at the caps, ageing, the tie-out and the ledger still add up to the fen', async () => {
    const ageing = await t.ok('ageing:report', { asOf: '2026-12-31' });
    expect(ageing.totals.total).toBe(2_000_000_000_000_000);
    const c1 = ageing.rows.find((x: { customerCode: string }) => x.customerCode === 'C1');
    expect(c1.total).toBe(1_000_000_000_000_000);
    const tie = await t.ok('ageing:tie-out', { asOf: '2026-12-31' });
    expect(tie).toMatchObject({
      ageingTotal: 2_000_000_000_000_000,
      ledgerBalance: 2_000_000_000_000_000,
      difference: 0,
    });
    const ledger = await t.ok('ledger:customer', { customerId: ids.C1, asOf: '2026-12-31' });
    expect(ledger.lines.at(-1).balance).toBe(1_000_000_000_000_000);
  });

  it('an import row that would pass a cap is named (row and field) and the whole file is refused', async () => {
    const f = path.join(t.dir, 'rec.csv');
    fs.writeFileSync(f, 'customer_code,date,amount\nC3,2026-03-01,5.00\nC3,2026-03-01,0.01\n');
    const before = count('receipts');
    const r = await t.call('receipts:import', { fileToken: stagedFiles.stage(f).token });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        rows: [
          { row: 2, field: 'amount', message: 'book_gross_limit', values: { limit: '¥20,000,000,000,000.00' } },
          { row: 3, field: 'amount', message: 'book_gross_limit' },
        ],
      },
    });
    const row = (r as { error: { rows: { message: string; values: Record<string, string> }[] } }).error.rows[0];
    expect(rowMessageText('en', row.message, row.values)).toBe(
      "Would take the book's documents past ¥20,000,000,000,000.00 in total (the most one book can hold)",
    );
    expect(rowMessageText('zh-CN', row.message, row.values)).toBe(
      '会使本账套的单据合计超过 ¥20,000,000,000,000.00（一个账套的上限）',
    );
    expect(count('receipts')).toBe(before);
  });
});
