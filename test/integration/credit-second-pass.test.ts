// Credit management, second pass, through the IPC handlers as the renderer calls them: rating
// and class columns and filters in the customer list, the broken-promise rate in the rating
// evidence, cash-discount terms on the statement, the printed 资信调查表 (PDF checked with
// pdftotext and rendered to PNG in test-output/credit-sheet), and refusals in both languages.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localizedErrorMessage } from '../../shared/messages/server-messages';
import { PlaywrightPdfRenderer } from '../../main/print/playwright';
import { activeCustomer } from '../support/worked-example';
import { openTestDesk, type TestDesk } from '../support/book';

const OUT = path.resolve('test-output/credit-sheet');
const MANAGER = { name: '王主管', password: 'mgr-secret' };
const six = (x: number) => ({
  character: x,
  capacity: x,
  capital: x,
  collateral: x,
  conditions: x,
  continuity: x,
});
let t: TestDesk;
const id: Record<string, number> = {};

beforeAll(async () => {
  t = await openTestDesk({ now: '2026-06-30T09:00:00.000Z' });
  await t.ok('operators:create', { ...MANAGER, role: 'credit_manager' });
  await t.ok('operators:create', { name: '李会计', password: 'bk-secret', role: 'bookkeeper' });
  id.C1 = await activeCustomer(t.ok, 'C1', { name: '华盛贸易有限公司', profile: { legal_rep: '张华盛' } });
  id.C2 = await activeCustomer(t.ok, 'C2');
  id.C3 = await activeCustomer(t.ok, 'C3');
  await t.ok('credit:rate', { customerId: id.C1, ratedOn: '2026-06-01', scores: six(85), approval: MANAGER });
  await t.ok('credit:rate', { customerId: id.C2, ratedOn: '2026-06-01', scores: six(65), approval: MANAGER });
  await t.ok('credit:set-class', { customerId: id.C1, creditClass: 'B', setOn: '2026-06-01' });
  await t.ok('credit:set-class', { customerId: id.C2, creditClass: 'A', setOn: '2026-06-01' });
});
afterAll(() => t?.close());

describe('customer list: credit rating and credit class', () => {
  const codes = async (input: Record<string, unknown>) =>
    ((await t.ok('customers:list', input)).rows as { code: string }[]).map((r) => r.code);

  it('shows both columns on every row', async () => {
    const rows = (await t.ok('customers:list', {})).rows as Record<string, unknown>[];
    expect(rows.map((r) => [r.code, r.creditRating, r.creditClass])).toEqual([
      ['C1', 'AA', 'B'],
      ['C2', 'BBB', 'A'],
      ['C3', null, null],
    ]);
  });

  it('filters by class and by rating (none = not set), alone and together', async () => {
    expect(await codes({ filter: { creditClass: ['A'] } })).toEqual(['C2']);
    expect(await codes({ filter: { creditClass: ['none'] } })).toEqual(['C3']);
    expect(await codes({ filter: { creditRating: ['AA', 'none'] } })).toEqual(['C1', 'C3']);
    expect(await codes({ filter: { creditRating: ['AA'], creditClass: ['A'] } })).toEqual([]);
    const bad = await t.call('customers:list', { filter: { creditClass: ['D'] } });
    expect(bad.ok).toBe(false);
  });

  it('sorts by grade best first (not alphabetically: AA before BBB before not rated) and by class', async () => {
    expect(await codes({ sort: 'creditRating', order: 'asc' })).toEqual(['C1', 'C2', 'C3']);
    expect(await codes({ sort: 'creditRating', order: 'desc' })).toEqual(['C3', 'C2', 'C1']);
    expect(await codes({ sort: 'creditClass', order: 'asc' })).toEqual(['C2', 'C1', 'C3']);
  });
});

describe('rating evidence: broken-promise rate (promises read from the collections area)', () => {
  it('counts promises not kept in full over promises decided, and suggests B when half or more break', async () => {
    const c = id.C1;
    await t.ok('invoices:create', { customerId: c, number: 'INV-1', issueDate: '2026-05-01', amount: 500_000 });
    await t.ok('invoices:create', { customerId: c, number: 'INV-2', issueDate: '2026-05-02', amount: 500_000 });
    const promise = (madeOn: string, promisedOn: string, amount: number) =>
      t.ok('collections:promise-create', { customerId: c, madeOn, promisedOn, amount });
    await promise('2026-06-01', '2026-06-05', 100_000); // paid in full on 06-04: kept
    await promise('2026-06-08', '2026-06-10', 50_000); // nothing paid: broken
    await promise('2026-06-12', '2026-06-15', 50_000); // 200.00 of 500.00: partly kept
    await promise('2026-06-28', '2026-07-05', 50_000); // not due yet: pending
    await t.ok('receipts:create', { customerId: c, date: '2026-06-04', amount: 100_000, method: 'bank_transfer' });
    await t.ok('receipts:create', { customerId: c, date: '2026-06-14', amount: 20_000, method: 'bank_transfer' });

    const coll = await t.ok('collections:customer', { customerId: c });
    expect(coll.keptRate).toMatchObject({ kept: 1, decided: 3 });
    const p = await t.ok('credit:profile', { customerId: c });
    expect(p.evidence).toMatchObject({ decidedPromises: 3, brokenPromises: 2, brokenPromiseRateBp: 6667 });
    // AA: 30 days late on average only caps at A; 2 of 3 promises broken caps at B, the lower wins
    expect(p.suggestion).toEqual({
      grade: 'B',
      key: 'broken_promises',
      values: { broken: 2, decided: 3, ratePct: '67' },
    });
    const none = await t.ok('credit:profile', { customerId: id.C2 });
    expect(none.evidence).toMatchObject({ decidedPromises: 0, brokenPromises: 0, brokenPromiseRateBp: null });
  });
});

describe('cash-discount terms on the statement', () => {
  it('prints 2/10 n/30 spelled out under the payment terms (zh-CN and en); none when not set', async () => {
    await t.ok('credit:set-terms', { customerId: id.C1, terms: { discountBp: 200, discountDays: 10, netDays: 30 } });
    const q = { customerId: id.C1, from: '2026-05-01', to: '2026-06-30' };
    const zh = (await t.ok('statements:html', { ...q, lang: 'zh-CN' })).html as string;
    expect(zh).toContain('<th>现金折扣</th><td>2/10 n/30（10天内付款享2%折扣，30天内付清）</td>');
    const en = (await t.ok('statements:html', { ...q, lang: 'en' })).html as string;
    expect(en).toContain('<th>Cash discount</th><td>2/10 n/30 (2% off if paid within 10 days, net 30 days)</td>');
    expect((await t.ok('statements:data', q)).customer.cashDiscount).toEqual({
      discountBp: 200,
      discountDays: 10,
      netDays: 30,
    });
    const other = (await t.ok('statements:html', { ...q, customerId: id.C2 })).html as string;
    expect(other).not.toContain('现金折扣');
  });
});

describe('printed credit investigation sheet (资信调查表)', () => {
  it('prints the customer, position, findings and the four checklists with the ticked signs (A4 PDF)', async () => {
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    await t.ok('credit:set-terms', { customerId: id.C1, terms: { discountBp: 200, discountDays: 10, netDays: 30 } });
    await t.ok('credit:investigate', {
      customerId: id.C1,
      date: '2026-05-10',
      channel: 'internal',
      findings: '业务员走访：仓库正常',
    });
    const inv = await t.ok('credit:investigate', {
      customerId: id.C1,
      date: '2026-06-20',
      channel: 'bank',
      source: '工商银行城东支行',
      findings: '开户行反映近期资金紧张，两张承兑汇票到期未兑付',
      attachments: ['银行询证函'],
      warningSigns: ['funds.cash_shortage', 'funds.bills_dishonoured', 'payment.postponed_dates'],
    });
    const renderer = new PlaywrightPdfRenderer();
    try {
      for (const lang of ['zh-CN', 'en'] as const) {
        const out = await t.ok('credit:investigation-sheet', { investigationId: inv.id, lang });
        const file = path.join(OUT, `sheet-${lang}.pdf`);
        fs.writeFileSync(file, await renderer.htmlToPdf(out.html, { footerLabel: 'C1', title: out.title }));
        execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(OUT, `sheet-${lang}`)]);
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        const size = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
        expect(size).toMatch(/Page size:.*\(A4\)/);
        expect(size).toMatch(/Pages:\s+1\n/);
        const want =
          lang === 'zh-CN'
            ? ['资信调查表', '华盛贸易有限公司', '张华盛', 'AA', '金融机构', '工商银行城东支行', '银行询证函']
            : ['Credit investigation sheet', '华盛贸易有限公司', 'Bank', 'Cash shortage', 'Postponed payment dates'];
        for (const s of want) expect(text, `${lang}: ${s}`).toContain(s);
        if (lang === 'zh-CN') {
          expect(text.replace(/\s+/g, '')).toContain('开户行反映近期资金紧张，两张承兑汇票到期未兑付');
          // every sign is printed; the three ticked ones carry ☑ (a fourth explains it in the heading), the other sixteen ☐
          expect(text.match(/☑/g)?.length).toBe(4);
          expect(text.match(/☐/g)?.length).toBe(16);
          expect(text).toMatch(/☑\s*现金短缺/);
          expect(text).toMatch(/☐\s*有不良嗜好/);
          expect(text).toContain('资金（2/6）');
          expect(text).toContain('2/10 n/30');
          expect(text).toContain('2026-05-10'); // the earlier investigation
          expect(text).toContain('信用主管审核');
        }
      }
    } finally {
      await renderer.close();
    }
    const missing = await t.call('credit:investigation-sheet', { investigationId: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', key: 'investigation_not_found' } });
  });
});

describe('refusals speak both languages', () => {
  it('role_required and approval_required carry a key with English and Chinese text', async () => {
    const ops = await t.ok('operators:list', {});
    await t.ok('operators:login', { id: ops.find((o: any) => o.name === '李会计').id, password: 'bk-secret' });
    const r = await t.call('credit:set-class', { customerId: id.C3, creditClass: 'C', setOn: '2026-06-30' });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', key: 'role_required', field: 'operator' } });
    const e = (r as { error: { message: string; key?: string; values?: Record<string, string> } }).error;
    expect(localizedErrorMessage('en', e)).toBe(
      "the current operator's role does not allow this (needs administrator or credit manager)",
    );
    expect(localizedErrorMessage('zh-CN', e)).toBe('当前操作员的角色无权进行此操作（需要管理员或信用主管）');
    expect(e.message).not.toMatch(/[\u4e00-\u9fff]/);

    const a = await t.call('credit:rate', {
      customerId: id.C3,
      ratedOn: '2026-06-30',
      scores: six(50),
      approval: { name: '', password: '' },
    });
    expect(a).toMatchObject({ ok: false, error: { key: 'approval_required', field: 'approval.name' } });
    const ae = (a as { error: { message: string; key?: string } }).error;
    expect(localizedErrorMessage('en', ae)).toBe("a credit manager's approval is needed (name and password)");
    expect(localizedErrorMessage('zh-CN', ae)).toBe('需要信用主管审批（姓名和密码）');
    expect((await t.ok('customers:get', { id: id.C3 })).creditClass).toBeNull();
  });
});
