// Statements through the IPC handlers and the CLI on a migrated temporary book: the SPEC §2
// worked example to the fen, open-item style, voided documents, capital amount in the HTML,
// confidentiality gate, confirmation loop, CLI exit codes.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/io';
import { activeCustomer, seedWorkedExample } from '../support/worked-example';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
});
afterEach(async () => {
  await t.close();
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const x: CliIo = { out: (s) => void out.push(s), err: (s) => void err.push(s) };
  return { x, out: () => out.join(''), err: () => err.join('') };
}

const PERIOD = { from: '2026-02-01', to: '2026-04-30' };
const WORKED_LINES = [
  { date: '2026-02-15', kind: 'invoice', number: 'INV-2', debit: 250000, credit: 0, balance: 350000 },
  { date: '2026-02-20', kind: 'receipt', number: 'R-1', debit: 0, credit: 120000, balance: 230000 },
  { date: '2026-04-01', kind: 'invoice', number: 'INV-3', debit: 80000, credit: 0, balance: 310000 },
  { date: '2026-04-05', kind: 'receipt', number: 'R-2', debit: 0, credit: 50000, balance: 260000 },
];

describe('statement data: SPEC worked example', () => {
  it('balance-forward: opening, lines, closing and 大写 to the fen', async () => {
    const { customerId } = await seedWorkedExample(t.ok);
    const d = await t.ok('statements:data', { customerId, ...PERIOD });
    expect(d.opening).toBe(100000);
    expect(d.lines).toEqual(WORKED_LINES);
    expect(d.closing).toBe(260000);
    expect(d.closingInWords).toBe('贰仟陆佰元整');
    // ageing of the closing position as of 2026-04-30: INV-2 2,300.00 (44 days past due), INV-3 300.00 not due
    expect(d.ageing.total).toBe(260000);
    expect(d.ageing.unapplied).toBe(0);
    expect(d.ageing.buckets).toMatchObject({ not_due: 30000, '1-30': 0, '31-60': 230000 });
    expect(d.openItems.map((i: any) => [i.number, i.open, i.daysPastDue])).toEqual([
      ['INV-2', 230000, 44],
      ['INV-3', 30000, -1],
    ]);
    expect(d.customer).toMatchObject({
      code: 'C1',
      name: '客户C1',
      address: HUASHENG.address,
      keyContact: { name: '李娜', title: '财务经理', phone: '13800138000' },
    });
    expect(d.company.name).toBe('测试商贸有限公司');
    // by code as well
    const byCode = await t.ok('statements:data', { customerCode: 'C1', ...PERIOD });
    expect(byCode.lines).toEqual(WORKED_LINES);
  });

  it('agrees with the ageing report at later dates (unapplied credit after R-3)', async () => {
    const { customerId } = await seedWorkedExample(t.ok);
    const may = await t.ok('statements:data', { customerId, from: '2026-05-01', to: '2026-05-31' });
    expect(may.opening).toBe(260000);
    expect(may.lines).toEqual([]);
    expect(may.ageing.buckets).toMatchObject({ '1-30': 30000, '61-90': 230000 });
    const jun = await t.ok('statements:data', { customerId, from: '2026-06-01', to: '2026-06-30' });
    expect(jun.closing).toBe(-40000);
    expect(jun.closingInWords).toBe('负肆佰元整');
    expect(jun.ageing).toMatchObject({ unapplied: -40000, total: -40000 });
    expect(jun.credits).toEqual([
      { kind: 'receipt', number: 'R-3', date: '2026-06-10', amount: 300000, unapplied: 40000 },
    ]);
    const rep = await t.ok('ageing:report', { asOf: '2026-06-30' });
    expect(rep.rows.find((r: any) => r.customerCode === 'C1').total).toBe(jun.closing);
  });

  it('open-item style: only unpaid invoices with their ages as of `to`', async () => {
    const { customerId } = await seedWorkedExample(t.ok);
    const d = await t.ok('statements:data', { customerId, ...PERIOD, style: 'open_item' });
    expect(d.style).toBe('open_item');
    expect(
      d.openItems.map((i: any) => ({ number: i.number, open: i.open, daysPastDue: i.daysPastDue, bucket: i.bucket })),
    ).toEqual([
      { number: 'INV-2', open: 230000, daysPastDue: 44, bucket: '31-60' },
      { number: 'INV-3', open: 30000, daysPastDue: -1, bucket: 'not_due' },
    ]);
    expect(d.openItems.reduce((s: number, i: any) => s + i.open, 0) + d.ageing.unapplied).toBe(d.closing);
    const { html } = await t.ok('statements:html', { customerId, ...PERIOD, style: 'open_item' });
    expect(html).toContain('未清项目');
    expect(html).not.toContain('期初余额'); // no balance-forward lines table
    expect(html).toContain('2,300.00');
  });

  it('voided documents are left out by default, and shown with zero effect when asked', async () => {
    const { customerId } = await seedWorkedExample(t.ok);
    const x = (await t.ok('invoices:create', { customerId, number: 'INV-X', issueDate: '2026-03-10', amount: 999900 }))
      .invoice;
    await t.ok('invoices:void', { id: x.id, reason: '开错' });
    const r = (
      await t.ok('receipts:create', { customerId, number: 'R-X', date: '2026-03-12', amount: 1000, method: 'cash' })
    ).receipt;
    await t.ok('receipts:void', { id: r.id, reason: '重复录入' });
    const d = await t.ok('statements:data', { customerId, ...PERIOD });
    expect(d.lines).toEqual(WORKED_LINES);
    expect(d.closing).toBe(260000);
    const v = await t.ok('statements:data', { customerId, ...PERIOD, includeVoided: true });
    expect(v.lines.map((l: any) => [l.number, l.balance, !!l.void])).toEqual([
      ['INV-2', 350000, false],
      ['R-1', 230000, false],
      ['INV-X', 230000, true],
      ['R-X', 230000, true],
      ['INV-3', 310000, false],
      ['R-2', 260000, false],
    ]);
    expect(v.closing).toBe(260000);
    expect(v.ageing.total).toBe(260000);
  });

  it('credit notes, write-offs and recoveries keep the running balance and the position in step', async () => {
    const customerId = await activeCustomer(t.ok, 'C2');
    const i1 = (await t.ok('invoices:create', { customerId, number: 'C2-1', issueDate: '2026-01-05', amount: 500000 }))
      .invoice;
    const i2 = (await t.ok('invoices:create', { customerId, number: 'C2-2', issueDate: '2026-02-05', amount: 200000 }))
      .invoice;
    await t.ok('credit-notes:create', {
      customerId,
      number: 'CN-1',
      date: '2026-02-10',
      amount: 50000,
      kind: 'return',
      invoiceId: i1.id,
    });
    await t.ok('credit-notes:create', {
      customerId,
      number: 'CN-2',
      date: '2026-02-11',
      amount: 7000,
      kind: 'allowance',
    });
    const wo = await t.ok('write-offs:create', {
      invoiceId: i2.id,
      date: '2026-03-01',
      approvedBy: '张总',
      reason: '破产',
    });
    await t.ok('write-offs:recover', { writeOffId: wo.id, date: '2026-03-20', amount: 60000, method: 'cash' });
    const d = await t.ok('statements:data', { customerId, from: '2026-02-01', to: '2026-03-31' });
    expect(d.opening).toBe(500000);
    expect(d.lines.map((l: any) => [l.kind, l.number, l.debit, l.credit, l.balance])).toEqual([
      ['invoice', 'C2-2', 200000, 0, 700000],
      ['credit_note', 'CN-1', 0, 50000, 650000],
      ['credit_note', 'CN-2', 0, 7000, 643000],
      ['write_off', 'C2-2', 0, 200000, 443000],
      ['recovery', 'C2-2', 60000, 0, 503000],
      ['receipt', expect.any(String), 0, 60000, 443000],
    ]);
    expect(d.closing).toBe(443000);
    expect(d.ageing.total).toBe(d.closing);
    expect(d.ageing.unapplied).toBe(-7000);
    expect(d.openItems.map((i: any) => [i.number, i.open])).toEqual([['C2-1', 450000]]);
    const rep = await t.ok('ageing:report', { asOf: '2026-03-31', rebuild: true });
    expect(rep.rows.find((r: any) => r.customerCode === 'C2')).toMatchObject({ total: 443000, unapplied: -7000 });
  });

  it('refuses a reversed period and an unknown customer', async () => {
    const r = await t.call('statements:data', { customerCode: 'C1', from: '2026-05-01', to: '2026-04-30' });
    expect(r.ok).toBe(false);
    const u = await t.call('statements:data', { customerCode: 'NOPE', ...PERIOD });
    expect(u).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('statement HTML and cards', () => {
  it('carries the capital amount, the slip, repeated headers and escapes user text', async () => {
    const { customerId } = await seedWorkedExample(t.ok, 'C1', { name: '<script>alert(1)</script>华盛&Co' });
    await t.ok('settings:update-company', {
      name: '杭州测试商贸 <b>有限</b>公司',
      address: '文三路 1 号',
      taxId: '91330100XXXX',
      phone: '0571-1',
      bankAccount: '工行 123',
    });
    const { html, fileName } = await t.ok('statements:html', { customerId, ...PERIOD });
    expect(html).toContain('贰仟陆佰元整');
    expect(html).toContain('2,600.00');
    expect(html).toContain('对账单');
    expect(html).toContain('回执');
    expect(html).toContain('✂');
    expect(html).toContain('display: table-header-group');
    expect(html).toContain('break-inside: avoid');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;华盛&amp;Co');
    expect(html).not.toContain('<b>有限</b>');
    expect(fileName).toBe('C1-_script_alert(1)__script_华盛&Co-对账单-2026-04-30.html');
    const en = await t.ok('statements:html', { customerId, ...PERIOD, lang: 'en' });
    expect(en.html).toContain('Statement of account');
    expect(en.html).toContain('贰仟陆佰元整');
  });

  it('prints the five cards; complaints is an empty ruled table', async () => {
    const customerId = await activeCustomer(t.ok, 'C7');
    const { html } = await t.ok('cards:html', { customerId });
    for (const title of ['客户基础资料卡', '客户经营管理卡', '客户地址卡', '客户等级卡', '客户投诉记录卡'])
      expect(html).toContain(title);
    expect(html).toContain('李娜');
    expect(html).toContain('王建国');
    const one = await t.ok('cards:html', { customerId, kinds: ['grade'], lang: 'en' });
    expect(one.html).toContain('Customer grade card');
    expect(one.html).not.toContain('客户基础资料卡');
  });

  it('confidential and top-secret customers need confirmed: true, and the print is audit-logged', async () => {
    const { customerId } = await seedWorkedExample(t.ok, 'S1', { confidentiality: 'top_secret' });
    const refused = await t.call('statements:html', { customerId, ...PERIOD });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    expect((await t.call('cards:html', { customerId })).ok).toBe(false);
    expect((await t.call('statements:pdf', { customerId, ...PERIOD })).ok).toBe(false);
    const ok = await t.ok('statements:html', { customerId, ...PERIOD, confirmed: true });
    expect(ok.html).toContain('S1');
    await t.ok('cards:html', { customerId, confirmed: true });
    // data for the screen is not a print
    expect((await t.call('statements:data', { customerId, ...PERIOD })).ok).toBe(true);
    const audit = await t.ok('audit:list', { customerId, entity: 'print' });
    expect(audit.rows.map((r: any) => [r.action, r.after.what])).toEqual([
      ['print-sensitive', 'cards'],
      ['print-sensitive', 'statement'],
    ]);
  });
});

describe('confirmation loop', () => {
  it('sent → outstanding → slip recorded → history; disagreements stay open until resolved', async () => {
    const { customerId } = await seedWorkedExample(t.ok);
    const c2 = await activeCustomer(t.ok, 'C2');
    await t.ok('invoices:create', { customerId: c2, number: 'Z-1', issueDate: '2026-04-01', amount: 12345 });
    await t.ok('statements:mark-sent', { customerId, ...PERIOD });
    await t.ok('statements:mark-sent', { customerId: c2, ...PERIOD });
    let out = await t.ok('statements:outstanding', {});
    expect(out.map((s: any) => [s.customerCode, s.closing, s.to])).toEqual([
      ['C1', 260000, '2026-04-30'],
      ['C2', 12345, '2026-04-30'],
    ]);
    const agree = await t.ok('statements:confirm', { customerId, result: 'agrees', receivedOn: '2026-05-12' });
    expect(agree).toMatchObject({
      customerCode: 'C1',
      result: 'agrees',
      closing: 260000,
      periodTo: '2026-04-30',
      statementId: out[0].id,
    });
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
    const dis = await t.ok('statements:confirm', {
      statementId: out[1].id,
      result: 'disagrees',
      statedDifference: -2345,
      note: '我方记录 100.00，差额为 23.45 的运费',
      receivedOn: '2026-05-15',
      scan: { fileName: '回执.png', mime: 'image/png', base64: png },
    });
    expect(dis).toMatchObject({
      result: 'disagrees',
      statedDifference: -2345,
      scan: { name: '回执.png', stored: 'blob' },
    });
    out = await t.ok('statements:outstanding', {});
    expect(out).toEqual([]);
    const open = await t.ok('statements:confirmations', { openDisagreements: true });
    expect(open.map((r: any) => r.customerCode)).toEqual(['C2']);
    const scan = await t.ok('statements:scan', { id: dis.id });
    expect(scan.base64).toBe(png);
    await t.ok('statements:resolve', { id: dis.id, resolution: '运费单已补开' });
    expect(await t.ok('statements:confirmations', { openDisagreements: true })).toEqual([]);
    const hist = await t.ok('statements:confirmations', { customerId });
    expect(hist.map((r: any) => r.result)).toEqual(['agrees']);
    const audit = await t.ok('audit:list', { entity: 'statement_confirmation' });
    expect(audit.rows.map((r: any) => r.action).sort()).toEqual(['confirm-agrees', 'confirm-disagrees', 'resolve']);
    // a disagreement needs the difference or a note; a slip without any sent statement needs the period end
    expect((await t.call('statements:confirm', { customerId, result: 'disagrees', receivedOn: '2026-05-20' })).ok).toBe(
      false,
    );
    expect((await t.call('statements:confirm', { customerId, result: 'agrees', receivedOn: '2026-05-20' })).ok).toBe(
      false,
    );
    const manual = await t.ok('statements:confirm', {
      customerId,
      periodTo: '2026-03-31',
      result: 'agrees',
      receivedOn: '2026-05-20',
    });
    expect(manual).toMatchObject({ statementId: null, closing: null, periodTo: '2026-03-31' });
  });
});

describe('creditdesk statement (CLI)', () => {
  it('json to --out: the fixed shape with the worked example numbers', async () => {
    await seedWorkedExample(t.ok);
    const book = t.desk.ctx.book.path;
    const out = path.join(t.dir, 'out', 'c1.json');
    const o = io();
    expect(
      await runCli(
        [
          'statement',
          '--db',
          book,
          '--customer',
          'C1',
          '--from',
          PERIOD.from,
          '--to',
          PERIOD.to,
          '--format',
          'json',
          '--out',
          out,
        ],
        o.x,
      ),
    ).toBe(0);
    const j = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(j).toMatchObject({
      customerCode: 'C1',
      from: PERIOD.from,
      to: PERIOD.to,
      opening: 100000,
      closing: 260000,
      closingInWords: '贰仟陆佰元整',
    });
    expect(j.lines).toEqual(WORKED_LINES);
    expect(j.ageing.total).toBe(260000);
    expect(j.ageing.buckets['31-60']).toBe(230000);
  });

  it('html to --out; exit codes 2 (usage), 3 (unknown customer), 1 (missing book)', async () => {
    await seedWorkedExample(t.ok);
    const book = t.desk.ctx.book.path;
    const out = path.join(t.dir, 'c1.html');
    const base = ['statement', '--db', book, '--customer', 'C1'];
    expect(
      await runCli([...base, '--from', PERIOD.from, '--to', PERIOD.to, '--format', 'html', '--out', out], io().x),
    ).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toContain('贰仟陆佰元整');
    expect(html).toMatch(/@font-face[\s\S]*url\(file:\/\/[^)]*noto-sans-sc-[^)]*\.woff2\)/);
    expect(await runCli([...base, '--from', '2026-02-30', '--to', PERIOD.to, '--out', out], io().x)).toBe(2);
    expect(await runCli([...base, '--from', PERIOD.to, '--to', PERIOD.from, '--out', out], io().x)).toBe(2);
    expect(
      await runCli([...base, '--from', PERIOD.from, '--to', PERIOD.to, '--format', 'pdf', '--out', out], io().x),
    ).toBe(2);
    expect(await runCli(['statement', '--db', book, '--from', PERIOD.from, '--to', PERIOD.to], io().x)).toBe(2);
    const e = io();
    expect(
      await runCli(
        ['statement', '--db', book, '--customer', 'NOPE', '--from', PERIOD.from, '--to', PERIOD.to, '--out', out],
        e.x,
      ),
    ).toBe(3);
    expect(e.err()).toContain('NOPE');
    expect(
      await runCli(
        [
          'statement',
          '--db',
          path.join(t.dir, 'missing.creditdesk'),
          '--customer',
          'C1',
          '--from',
          PERIOD.from,
          '--to',
          PERIOD.to,
          '--out',
          out,
        ],
        io().x,
      ),
    ).toBe(1);
  });
});
