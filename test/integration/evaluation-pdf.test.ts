// The printed evaluation sheet (客户综合评价表) through the print pipeline: A4, company header,
// bundled font — checked with pdftotext, rendered to PNG (test-output/evaluation-sheet) to look at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaywrightPdfRenderer } from '../../main/print/playwright';
import { evaluationPdf } from '../../main/services/evaluation';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

const OUT = path.resolve('test-output/evaluation-sheet');
let t: TestDesk;
let renderer: PlaywrightPdfRenderer;

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  t = await openTestDesk({ now: '2026-11-23T09:00:00.000Z' });
  renderer = new PlaywrightPdfRenderer();
});
afterAll(async () => {
  await renderer?.close();
  await t?.close();
});

describe('printed evaluation sheet', () => {
  it('prints the nine rows with the book figures and the typed words (zh-CN and en)', async () => {
    const id = await activeCustomer(t.ok, 'C000123', { name: '华盛贸易有限公司' });
    await t.ok('invoices:create', { customerId: id, number: 'INV-1', issueDate: '2026-08-01', amount: 3_650_000 });
    await t.ok('analysis:recompute', {});
    const e = await t.ok('evaluation:save', {
      customerId: id,
      from: '2026-08-01',
      to: '2026-11-22',
      sellingCost: 120_000,
      rows: [
        { key: 'order_size', comment: '订货量稳定，季度末集中', problem: null, improvement: null },
        { key: 'view_of_us', comment: '认可我司交货及时', problem: '价格敏感', improvement: '季度返利方案' },
        { key: 'payment_delays', comment: null, problem: '八月发票逾期未付', improvement: '月初电话提醒，第二周上门' },
      ],
      summary: '重点客户，维持信用额度，加强回款跟进。',
    });
    for (const lang of ['zh-CN', 'en'] as const) {
      const pdf = await evaluationPdf(t.desk.ctx, renderer, { id: e.id, lang });
      const file = path.join(OUT, `evaluation-${lang}.pdf`);
      fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(OUT, `evaluation-${lang}`)]);
      const pages = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(pages).toMatch(/Pages:\s+1\b/);
      expect(pages).toMatch(/pts \(A4\)/);
      const expected =
        lang === 'zh-CN'
          ? [
              '测试商贸有限公司',
              '客户综合评价表',
              'C000123 华盛贸易有限公司',
              '订货量',
              '占我公司销售额比重',
              '100.00%',
              '信用成本',
              '¥1,200.00',
              '认可我司交货及时',
              '季度返利方案',
              '月初电话提醒',
              '重点客户，维持信用额度',
              '2026-08-01 – 2026-11-22',
            ]
          : ['Customer evaluation sheet', 'Share of our sales', 'Credit cost', 'Payment delays', '¥36,500.00'];
      for (const s of expected) expect(text, `${lang}: ${s}`).toContain(s);
    }
  });
});
