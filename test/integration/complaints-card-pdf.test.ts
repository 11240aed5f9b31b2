// The printed complaint record card (客户投诉记录卡, the fifth card) lists the customer's
// complaints: checked with pdftotext, rendered to PNG (test-output/complaints-card) to look at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlaywrightPdfRenderer } from '../../main/print/playwright';
import { cardsHtml } from '../../main/print/cards-html';
import { complaintsForCard } from '../../main/services/complaints';
import { activeCustomer } from '../support/worked-example';
import { openTestDesk, type TestDesk } from '../support/book';

const OUT = path.resolve('test-output/complaints-card');
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

describe('complaint record card', () => {
  it('prints the complaints with type, handling and result (zh-CN and en)', async () => {
    const id = await activeCustomer(t.ok, 'C000123', { name: '华盛贸易有限公司' });
    const inv = (
      await t.ok('invoices:create', { customerId: id, number: 'INV-1001', issueDate: '2026-10-08', amount: 1_280_000 })
    ).invoice;
    const k = await t.ok('complaints:create', {
      customerId: id,
      receivedOn: '2026-10-20',
      channel: 'visit',
      type: 'product_quality',
      description: '第二批瓷砖有 30 箱破损',
      severity: 'high',
      receivedBy: '王芳',
      followUpBy: '李强',
      replyPerson: '张经理',
      invoiceIds: [inv.id],
      responsibility: 'carrier',
      resolution: 'compensation',
      compensation: 150_000,
      satisfaction: 4,
    });
    await t.ok('complaints:confirm-claim', { id: k.id, date: '2026-10-25' });
    await t.ok('complaints:move', { id: k.id, to: 'resolved', date: '2026-10-26' });
    await t.ok('complaints:create', {
      customerId: id,
      receivedOn: '2026-11-18',
      channel: 'phone',
      type: 'service',
      description: '业务员未按约定时间回电',
      severity: 'low',
    });
    const customer = await t.ok('customers:get', { id });
    const company = await t.ok('settings:company', {});
    for (const lang of ['zh-CN', 'en'] as const) {
      const complaints = await complaintsForCard(t.desk.ctx, id, lang);
      const html = cardsHtml(
        ['complaint'],
        { customer, company, region: null, balance: null, complaints, printedOn: '2026-11-23' },
        { lang },
      );
      const file = path.join(OUT, `card-${lang}.pdf`);
      fs.writeFileSync(file, await renderer.htmlToPdf(html, { footerLabel: 'C000123' }));
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(OUT, `card-${lang}`)]);
      if (lang === 'zh-CN') {
        for (const s of [
          '客户投诉记录卡',
          '2026-10-20',
          '商品质量',
          '第二批瓷砖有',
          'TS-000001',
          '已解决',
          '王芳',
          '承运方',
          '赔偿',
          '1,500.00',
          'CN-TS-000001',
          '2026-11-18',
          '服务',
        ])
          expect(text).toContain(s);
      } else {
        for (const s of [
          'Complaint record card',
          'Product',
          'Resolved',
          'Carrier',
          'Compensation',
          '¥1,500.00',
          'Service',
        ])
          expect(text).toContain(s);
      }
    }
  }, 120_000);
});
