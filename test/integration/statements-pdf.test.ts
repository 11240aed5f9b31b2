// Statements printed to PDF with the Node PdfRenderer (playwright-core + /usr/bin/chromium):
// the PDF's text is read back with pdftotext (a missing CJK font prints empty boxes without
// any error), pages are rendered to PNG under test-output/statements/ for a human look; a long
// statement paginates with the table header repeated on every page and "n / N" in the footer;
// a batch run writes one PDF per customer (or one combined PDF) with a run log.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaywrightPdfRenderer } from '../../main/print/playwright';
import { countPdfPages } from '../../main/print/pdf';
import { statementHtml } from '../../main/print/statement-html';
import { cardsHtml } from '../../main/print/cards-html';
import { statementFixture } from '../support/statement-fixture';
import { activeCustomer, seedWorkedExample } from '../support/worked-example';
import { openTestDesk, type TestDesk } from '../support/book';

const OUT = path.resolve('test-output/statements');
let t: TestDesk;
let renderer: PlaywrightPdfRenderer;

beforeAll(async () => {
  fs.mkdirSync(OUT, { recursive: true });
  t = await openTestDesk();
  renderer = new PlaywrightPdfRenderer();
});
afterAll(async () => {
  await renderer?.close();
  await t.desk.statements.close();
  await t?.close();
});

function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pngs(file: string, prefix: string, opts: { first?: number; last?: number } = {}): string[] {
  for (const f of fs.readdirSync(OUT))
    if (f.startsWith(`${prefix}-`) && f.endsWith('.png')) fs.rmSync(path.join(OUT, f));
  const args = ['-png', '-r', '80'];
  if (opts.first) args.push('-f', String(opts.first));
  if (opts.last) args.push('-l', String(opts.last));
  execFileSync('pdftoppm', [...args, file, path.join(OUT, prefix)]);
  return fs.readdirSync(OUT).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'));
}

const LOGO =
  'data:image/svg+xml;base64,' +
  Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" rx="8" fill="#1677ff"/><text x="60" y="40" font-size="28" text-anchor="middle" fill="#fff" font-family="Arial">HS</text></svg>',
  ).toString('base64');

describe('statement PDF (Chromium for Node)', () => {
  it('the worked example: 对账单, 贰仟陆佰元整, 2,600.00 and "1 / 1" in the PDF text; PNG kept', async () => {
    await t.ok('settings:update-company', {
      name: '杭州华盛商贸有限公司',
      address: '浙江省杭州市西湖区文三路 90 号',
      phone: '0571-8888 1234',
      taxId: '91330106MA2XXXXXX',
      bankAccount: '工商银行文三路支行 1202 0000 0000 0000',
      logoDataUrl: LOGO,
    });
    const { customerId } = await seedWorkedExample(t.ok, 'C1', { name: '华盛贸易C1' });
    const r = await t.ok('statements:pdf', { customerId, from: '2026-02-01', to: '2026-04-30' });
    expect(r.fileName).toBe('C1-华盛贸易C1-对账单-2026-04-30.pdf');
    expect(r.sentId).toBeGreaterThan(0);
    const file = path.join(OUT, 'worked-example.pdf');
    fs.writeFileSync(file, Buffer.from(r.base64, 'base64'));
    expect(r.pages).toBe(1);
    const text = pdfText(file);
    expect(text).toContain('对账单');
    expect(text).toContain('贰仟陆佰元整');
    expect(text).toContain('2,600.00');
    expect(text).toContain('1 / 1');
    expect(text).toContain('华盛贸易C1');
    expect(text).toContain('回执');
    expect(text).toMatch(/INV-2\s+250,000?\.00|INV-2\s+2,500\.00/);
    expect(pngs(file, 'worked-example')).toEqual(['worked-example-1.png']);
    // English
    const en = await t.ok('statements:pdf', {
      customerId,
      from: '2026-02-01',
      to: '2026-04-30',
      lang: 'en',
      markSent: false,
    });
    const enFile = path.join(OUT, 'worked-example-en.pdf');
    fs.writeFileSync(enFile, Buffer.from(en.base64, 'base64'));
    expect(pdfText(enFile)).toContain('Statement of account');
    pngs(enFile, 'worked-example-en');
    // open-item style
    const oi = await t.ok('statements:pdf', {
      customerId,
      from: '2026-02-01',
      to: '2026-04-30',
      style: 'open_item',
      markSent: false,
    });
    const oiFile = path.join(OUT, 'worked-example-open-item.pdf');
    fs.writeFileSync(oiFile, Buffer.from(oi.base64, 'base64'));
    expect(pdfText(oiFile)).toContain('未清项目');
    expect(pdfText(oiFile)).toContain('（未清项目）'); // the note's brackets are not spaced out like the title
    pngs(oiFile, 'worked-example-open-item');
  });

  it('a long statement (2,400 lines) paginates: the header on every page, "n / N" footers, the slip whole', async () => {
    const d = statementFixture({ code: 'C9', name: '长单客户', lines: 2400 });
    const pdf = await renderer.htmlToPdf(statementHtml(d), { footerLabel: 'C9' });
    const file = path.join(OUT, 'long-statement.pdf');
    fs.writeFileSync(file, pdf);
    const pages = countPdfPages(pdf)!;
    expect(pages).toBeGreaterThan(30);
    const text = pdfText(file)
      .split('\f')
      .filter((p) => p.trim());
    expect(text).toHaveLength(pages);
    text.forEach((page, i) => {
      expect(page, `page ${i + 1}`).toContain(`${i + 1} / ${pages}`);
      if (i < pages - 1 || page.includes('FP2025') || page.includes('SK'))
        expect(page, `header on page ${i + 1}`).toMatch(
          /日期\s+单据类型\s+单号\s+借方（应收）\s+贷方（收款\/冲减）\s+余额/,
        );
    });
    // the slip (cut line → seal) is on one page
    const slipPages = text.filter((p) => p.includes('对账回执'));
    expect(slipPages).toHaveLength(1);
    expect(slipPages[0]).toContain('客户签字');
    expect(slipPages[0]).toContain('请沿虚线剪下');
    pngs(file, 'long-statement', { first: 1, last: 2 });
    pngs(file, 'long-statement-last', { first: pages, last: pages });
  });

  it('the five cards print with the bundled font', async () => {
    const id = await activeCustomer(t.ok, 'K1', {
      name: '华盛贸易K1',
      profile: {
        legal_rep: '王建国',
        industry: '批发零售',
        registered_capital: 500_000_00,
        owner_address: '杭州市上城区',
      },
    });
    const customer = await t.ok('customers:get', { id });
    const company = await t.ok('settings:company', {});
    const html = cardsHtml(['basic', 'management', 'address', 'grade', 'complaint'], {
      customer,
      company,
      region: null,
      balance: 123456,
      printedOn: '2026-11-23',
    });
    const pdf = await renderer.htmlToPdf(html, { footerLabel: 'K1' });
    const file = path.join(OUT, 'cards.pdf');
    fs.writeFileSync(file, pdf);
    const text = pdfText(file);
    for (const s of [
      '客户基础资料卡',
      '客户经营管理卡',
      '客户地址卡',
      '客户等级卡',
      '客户投诉记录卡',
      '王建国',
      '1,234.56',
    ])
      expect(text).toContain(s);
    pngs(file, 'cards');
  });

  it('batch: one PDF per customer with a run log, then one combined PDF; statements recorded as sent', async () => {
    const ids = [
      (await seedWorkedExample(t.ok, 'B1', { name: '华盛贸易B1' })).customerId,
      (await seedWorkedExample(t.ok, 'B2', { name: '上海/浦东:*?"<>|客户' })).customerId,
      (await seedWorkedExample(t.ok, 'B3', { name: '华盛贸易B3', confidentiality: 'confidential' })).customerId,
    ];
    expect(ids).toHaveLength(3);
    const svc = t.desk.statements;
    const dir = path.join(t.dir, 'batch');
    const started = await t.ok('statements:batch-start', {
      from: '2026-02-01',
      to: '2026-04-30',
      output: 'per_customer',
      dir,
      filter: { codes: ['B1', 'B2', 'B3', 'NOPE'] },
    });
    expect(started.state).toBe('running');
    const job = (await svc.waitBatch())!;
    expect(job).toMatchObject({ state: 'done', produced: 2, skipped: 1, failed: 1, percent: 100 });
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(['B1-华盛贸易B1-对账单-2026-04-30.pdf', 'B2-上海_浦东_______客户-对账单-2026-04-30.pdf']);
    expect(pdfText(path.join(dir, files[0]))).toContain('贰仟陆佰元整');
    expect(job.log.find((l) => l.customerCode === 'B3')).toMatchObject({
      status: 'skipped',
      message: expect.stringContaining('confirmation'),
    });
    expect(job.log.find((l) => l.customerCode === 'NOPE')).toMatchObject({ status: 'failed' });
    const progress = await t.ok('statements:batch-progress', {});
    expect(progress.runId).toBe(job.runId);

    const combined = path.join(t.dir, 'combined');
    await t.ok('statements:batch-start', {
      from: '2026-02-01',
      to: '2026-04-30',
      output: 'combined',
      dir: combined,
      confirmed: true,
      filter: { codes: ['B1', 'B2', 'B3'] },
    });
    const cj = (await svc.waitBatch())!;
    expect(cj).toMatchObject({ state: 'done', produced: 3, skipped: 0, failed: 0 });
    const cfile = cj.combinedFile!;
    const text = pdfText(cfile)
      .split('\f')
      .filter((p) => p.trim());
    expect(text.length).toBe(3);
    expect(text.filter((p) => p.includes('贰仟陆佰元整'))).toHaveLength(3);
    // each statement numbers its own pages in the combined file too ("1 / 1", not "2 / 3")
    for (const [i, code] of ['B1', 'B2', 'B3'].entries()) {
      expect(text[i]).toMatch(/\b1\s*\/\s*1\b/);
      expect(text[i]).not.toMatch(/\b\d\s*\/\s*3\b/);
      expect(text[i]).toContain(code);
    }
    pngs(cfile, 'batch-combined', { first: 2, last: 2 });
    const audit = await t.ok('audit:list', { entity: 'statement_run' });
    expect(audit.rows[0].after.sensitiveIncluded).toEqual(['B3']);
    const out = await t.ok('statements:outstanding', {});
    expect(out.map((s: any) => s.customerCode)).toEqual(expect.arrayContaining(['B1', 'B2', 'B3']));
  });

  it('batch: all customers with a balance; cancel stops the run', async () => {
    const svc = t.desk.statements.configure({ concurrency: 1 });
    const dir = path.join(t.dir, 'all');
    await t.ok('statements:batch-start', { from: '2026-02-01', to: '2026-04-30', output: 'per_customer', dir });
    await t.ok('statements:batch-cancel', {});
    const job = (await svc.waitBatch())!;
    expect(job.state).toBe('cancelled');
    expect(job.processed).toBeLessThan(job.total);
    // not cancelled: every customer with a balance on 2026-04-30 (all of them here; the confidential one is skipped)
    await t.ok('statements:batch-start', { from: '2026-02-01', to: '2026-04-30', output: 'per_customer', dir });
    const all = (await svc.waitBatch())!;
    expect(all.total).toBe(4); // C1, B1, B2, B3 have a balance; K1 has none
    expect(all.produced + all.skipped).toBe(all.total);
  });
});
