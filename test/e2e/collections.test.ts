// Collections end to end (book clock 2026-11-23): log a call with a promise from today's
// worklist, see the promise on the calendar as pending, enter the receipt, see it turn kept and
// the calendar change; the dunning page, batch letters (PDF → PNG), screenshots of every new
// screen in zh-CN and en at 1440×900 and 1280×720.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { handlerCaller, startE2E, type E2E } from './support';
import { activeCustomer } from '../support/worked-example';

let e: E2E;
let c9 = 0;
const OUT = path.resolve('test-output/e2e-collections');

async function seed(desk: Desk) {
  const ok = handlerCaller(desk);
  await ok('settings:update-company', { address: '浙江省杭州市西湖区文三路 90 号', phone: '0571-88886666' });
  c9 = await activeCustomer(ok, 'C9', {
    name: '华盛贸易有限公司',
    address: '杭州市滨江区江南大道 1 号',
    contacts: [{ name: '李娜', title: '财务经理', mobile: '13800138000', isKeyPayer: true }],
  });
  await ok('invoices:create', { customerId: c9, number: 'HS-1001', issueDate: '2026-10-24', amount: 120000 }); // due 2026-11-23 (today)
  await ok('invoices:create', { customerId: c9, number: 'HS-0901', issueDate: '2026-08-25', amount: 350000 }); // due 09-24, 60 days overdue
  const c8 = await activeCustomer(ok, 'C8', { name: '永康五金商行' });
  await ok('invoices:create', { customerId: c8, number: 'YK-0701', issueDate: '2026-07-01', amount: 88000 }); // due 07-31, 115 days
  await ok('collections:record-create', {
    customerId: c8,
    date: '2026-11-16',
    channel: 'visit',
    outcome: '老板不在',
    nextStep: 'call',
    nextDate: '2026-11-20',
  });
  // a busy day (11-26): five planned calls, more than a month cell shows
  const c7 = await activeCustomer(ok, 'C7', { name: '顺达物流有限公司' });
  for (const who of ['王强', '赵敏', '孙丽', '周杰', '吴刚'])
    await ok('collections:record-create', {
      customerId: c7,
      date: '2026-11-10',
      channel: 'call',
      contactName: who,
      nextStep: 'call',
      nextDate: '2026-11-26',
    });
}

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  e = await startE2E({ setup: seed });
}, 120_000);
afterAll(async () => {
  await e?.close();
});

async function setDate(testid: string, date: string) {
  const input = e.page.locator(`[data-testid="${testid}"] input, input[data-testid="${testid}"]`).first();
  await input.click();
  await input.press('Control+a');
  await input.fill(date);
  await input.press('Enter');
}

describe('collections desk end to end', () => {
  it('a call with a promise, the receipt, the promise kept and the calendar changed', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/collections/today`);
    await page.locator('[data-testid="log-C9"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => page.locator('[data-testid="worklist-page"]').innerText()).toContain('今日到期 ¥1,200.00');
    await e.shot('collections-worklist-zh');
    await page.locator('[data-testid="log-C9"]').click();
    await page.locator('[data-testid="record-outcome"]').fill('李娜答应本周三付一部分');
    await page.locator('[data-testid="record-with-promise"]').click();
    await setDate('promise-date', '2026-11-25');
    await page.locator('[data-testid="promise-amount"]').fill('1,000.00');
    await e.shot('collections-record-form-zh');
    await page.locator('[data-testid="record-save"]').click();
    await page.getByText('已保存催款记录').waitFor();

    await page.goto(`${e.server.origin}/#/collections/calendar`);
    const cal = page.locator('[data-testid="collection-calendar"]');
    await cal.getByText('付款承诺 华盛贸易有限公司 ¥1,000.00 待兑现').waitFor({ timeout: 20_000 });
    await expect.poll(() => cal.innerText()).toContain('到期应收 ¥1,200.00');
    await e.shot('collections-calendar-zh');

    // the receipt comes in on 11-23 (entered as the bookkeeper would, through the same handlers)
    await handlerCaller(e.desk)('receipts:create', {
      customerId: c9,
      date: '2026-11-23',
      amount: 100000,
      method: 'bank_transfer',
      reference: 'BK-1123',
    });
    await page.reload();
    await cal.getByText('付款承诺 华盛贸易有限公司 ¥1,000.00 已兑现').waitFor({ timeout: 20_000 });
    // the receipt paid the oldest invoice (HS-0901) first, so today's due amount is unchanged
    expect(await cal.innerText()).toContain('到期应收 ¥1,200.00');
    await e.shot('collections-calendar-kept-zh');
    await page.locator('.fc-listWeek-button').click();
    await cal.getByText('付款承诺 华盛贸易有限公司 ¥1,000.00 已兑现').waitFor();
    await e.shot('collections-calendar-agenda-zh');
    await page.locator('.fc-timeGridWeek-button').click();
    await e.shot('collections-calendar-week-zh');
  }, 120_000);

  it('a busy day shows its first items and "+N more", which opens the whole day', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/collections/calendar`);
    const cal = page.locator('[data-testid="collection-calendar"]');
    const busy = cal.locator('.fc-daygrid-day[data-date="2026-11-26"]');
    await busy.getByText('另外 2 个').waitFor({ timeout: 20_000 });
    expect(await busy.getByText('电话催收 顺达物流有限公司').count()).toBe(3);
    await e.shot('collections-calendar-busy-day-zh');
    await busy.getByText('另外 2 个').click();
    await expect.poll(() => cal.getByText('电话催收 顺达物流有限公司').count()).toBe(5);
    await e.shot('collections-calendar-day-list-zh');
  }, 60_000);

  it('dunning page and batch letters', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/collections/dunning`);
    await page.locator('[data-testid="dunning-page"]').getByText('永康五金商行').waitFor({ timeout: 20_000 });
    const text = await page.locator('[data-testid="dunning-page"]').innerText();
    expect(text).toContain('¥2,500.00'); // C9: 3,500.00 − 1,000.00 received
    expect(text).toContain('¥880.00');
    await e.shot('collections-dunning-zh');
    // level 4 (90 days): C8 at 115 days
    await page.locator('[data-testid="letters-level"]').click();
    await page.locator('.ant-select-item-option').filter({ hasText: 'L4' }).click();
    await page.locator('[data-testid="letters-start"]').click();
    await expect
      .poll(() => page.locator('[data-testid="letters-progress"]').innerText(), { timeout: 60_000 })
      .toContain('已保存到');
    await e.shot('collections-letters-done-zh');
    const job = await handlerCaller(e.desk)('collections:letters-progress', {});
    expect(job.files.map((f: string) => path.basename(f))).toEqual(['C8.pdf']);
    const pdf = path.join(OUT, 'letter-C8.pdf');
    fs.copyFileSync(job.files[0], pdf);
    const words = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(words).toContain('捌佰捌拾元整');
    expect(words).toContain('YK-0701');
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(OUT, 'letter-C8')]);
    // the letter is recorded as a collection record (channel letter)
    const rec = await handlerCaller(e.desk)('collections:customer', {
      customerId: (await handlerCaller(e.desk)('customers:list', { filter: { query: 'C8' } })).rows[0].id,
    });
    expect(rec.records.map((r: any) => r.channel)).toContain('letter');
  }, 120_000);

  it('screenshots of every new screen, zh-CN and en, 1440×900 and 1280×720', async () => {
    const { page } = e;
    const screens: [string, string, string][] = [
      ['calendar', '/collections/calendar', '.fc-daygrid-day'],
      ['worklist', '/collections/today', '[data-testid="worklist-page"] .ant-table-row'],
      ['dunning', '/collections/dunning', '[data-testid="dunning-page"] .ant-table-row'],
      ['customer-tab', `/customers/${c9}`, '[data-testid="customer-collections"] .ant-timeline-item'],
    ];
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') {
        await page.locator('[data-testid="lang-switch"]').first().getByText('EN').click();
        await page.getByText('Customers').first().waitFor();
      }
      for (const [w, h] of [
        [1440, 900],
        [1280, 720],
      ]) {
        await page.setViewportSize({ width: w, height: h });
        for (const [name, route, ready] of screens) {
          await page.goto(`${e.server.origin}/#${route}`);
          if (name === 'customer-tab') await page.getByRole('tab', { name: /^(催收|Collections)$/ }).click();
          await page.locator(ready).first().waitFor({ timeout: 20_000 });
          await page.waitForTimeout(500);
          await e.shot(`collections-${name}-${lang}-${w}`);
        }
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 180_000);
});
