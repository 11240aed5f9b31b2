// Collection trips and the collections desk's second pass, end to end (book clock 2026-11-23):
// plan a run for a region in route order, open its run sheet (printed to PDF → PNG, Chinese text
// checked), record a visit's payment (a receipt) and a written promise, put a level-3 customer on
// credit hold after confirmation, record a standalone promise, import a bad promise file (every
// row and column named, in Chinese, nothing imported), filter the calendar by region; screenshots
// of each new screen in zh-CN and en at 1440×900 and 1280×720.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { handlerCaller, settled, SHOTS, startE2E, type E2E } from './support';
import { activeCustomer } from '../support/worked-example';

let e: E2E;
const ids: Record<string, number> = {};
const OUT = path.resolve('test-output/e2e-collection-runs');

async function seed(desk: Desk) {
  const ok = handlerCaller(desk);
  await ok('regions:upsert', { code: 'HZ', name: '杭州西湖', area: null });
  await ok('regions:upsert', { code: 'NB', name: '宁波', area: null });
  const mk = async (code: string, name: string, regionCode: string, routeSeq: number, address: string) =>
    (ids[code] = await activeCustomer(ok, code, {
      name,
      regionCode,
      routeSeq,
      address,
      contacts: [{ name: '李娜', title: '财务经理', mobile: '13800138000', isKeyPayer: true }],
    }));
  await mk('K1', '华盛贸易有限公司', 'HZ', 2, '杭州市西湖区文三路 90 号华星科技大厦 1208 室');
  await mk('K2', '永康五金商行', 'HZ', 1, '杭州市西湖区古墩路 702 号');
  await mk('K3', '宁波海联电器有限公司', 'NB', 1, '宁波市鄞州区天童南路 588 号');
  await ok('invoices:create', { customerId: ids.K1, number: 'HS-0821', issueDate: '2026-08-21', amount: 350000 }); // due 09-20: 64 days → L3
  await ok('invoices:create', { customerId: ids.K2, number: 'YK-1015', issueDate: '2026-10-15', amount: 88000 }); // due 11-14
  await ok('invoices:create', { customerId: ids.K3, number: 'NB-1101', issueDate: '2026-11-01', amount: 126000 }); // due 12-01
}

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  e = await startE2E({ setup: seed });
}, 120_000);
afterAll(async () => {
  await e?.close();
});

async function pick(testid: string, option: string) {
  await e.page.locator(`[data-testid="${testid}"]`).first().click();
  await e.page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}
// opens a stop's outcome dialog and picks a kind that asks for an amount (the click is repeated
// if the dialog was still opening when it landed)
async function recordStop(seq: number, kind: string) {
  const { page } = e;
  await page.locator(`[data-testid="stop-record-${seq}"]`).click();
  await settled(page.locator('[data-testid="outcome-form"]'));
  await vi.waitFor(
    async () => {
      await page.locator('[data-testid="outcome-kind"]').getByText(kind).click();
      await page.locator('[data-testid="outcome-amount"]').waitFor({ timeout: 2_000 });
    },
    { timeout: 30_000, interval: 200 },
  );
}
const sql = <T>(q: string, ...a: unknown[]) => e.desk.ctx.book.sqlite.prepare(q).all(...a) as T[];

describe('collection trips end to end', () => {
  it('plans a run in route order, prints the sheet, records a payment and a written promise', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/collections/runs`);
    await pick('run-region', '杭州西湖');
    await page.locator('[data-testid="run-load"]').click();
    const rows = page.locator('[data-testid="run-candidates"] .ant-table-row');
    await rows.first().waitFor({ timeout: 20_000 });
    expect(await rows.allInnerTexts()).toEqual([
      '\t1\tK2 永康五金商行\tHZ\t杭州市西湖区古墩路 702 号\t¥880.00\t¥880.00\t',
      '\t2\tK1 华盛贸易有限公司\tHZ\t杭州市西湖区文三路 90 号华星科技大厦 1208 室\t¥3,500.00\t¥3,500.00\t',
    ]);
    await e.shot('collruns-plan-zh');
    await page.locator('[data-testid="run-create"]').click();
    await page.locator('[data-testid="run-page"] [data-testid="run-stops"] .ant-table-row').first().waitFor();
    const sheet = page.frameLocator('[data-testid="run-sheet"]');
    await sheet.getByText('上门催收路线单').waitFor();
    await e.shot('collruns-run-zh');

    await recordStop(1, '收到付款');
    await page.locator('[data-testid="outcome-amount"]').fill('500');
    await e.shot('collruns-outcome-zh');
    await page.locator('[data-testid="outcome-save"]').click();
    await page.locator('[data-testid="stop-outcome-1"]').waitFor();
    expect(await page.locator('[data-testid="stop-outcome-1"]').innerText()).toBe('收到付款');
    expect(sql('SELECT customer_id AS c, date, amount, source FROM receipts')).toEqual([
      { c: ids.K2, date: '2026-11-23', amount: 50000, source: 'visit' },
    ]);

    await recordStop(2, '书面承诺');
    await page.locator('[data-testid="outcome-amount"]').fill('3500');
    await page.locator('[data-testid="outcome-save"]').click();
    // no promised date: the field says so and nothing is written
    await page.locator('.ant-modal .ant-form-item-explain-error').first().waitFor();
    expect(sql('SELECT COUNT(*) AS n FROM promises')).toEqual([{ n: 0 }]);
    const d = page
      .locator('[data-testid="outcome-promised-on"] input, input[data-testid="outcome-promised-on"]')
      .first();
    await d.click();
    await d.fill('2026-11-30');
    await d.press('Enter');
    await page.locator('[data-testid="outcome-save"]').click();
    await page.locator('[data-testid="stop-outcome-2"]').waitFor();
    expect(sql('SELECT customer_id AS c, made_on, promised_on, amount, form FROM promises')).toEqual([
      { c: ids.K1, made_on: '2026-11-23', promised_on: '2026-11-30', amount: 350000, form: 'written' },
    ]);
    await e.shot('collruns-run-recorded-zh');

    // the printed run sheet: A4 PDF → PNG, Chinese text present
    const ok = handlerCaller(e.desk);
    const run = (await ok('collections:runs', {}))[0];
    for (const lang of ['zh-CN', 'en'] as const) {
      const pdf = await ok('collections:run-pdf', { id: run.id, lang });
      const file = path.join(OUT, `run-sheet-${lang}.pdf`);
      fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        file,
        path.join(SHOTS, `collruns-sheet-pdf-${lang}`),
      ]);
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      expect(text).toContain(lang === 'zh-CN' ? '上门催收路线单' : 'Collection run sheet');
      expect(text).toContain('永康五金商行');
      expect(text).toContain('3,500.00');
    }
  }, 180_000);

  it('puts a level-3 customer on credit hold after confirmation', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/collections/dunning`);
    await page.locator('[data-testid="dunning-hold-K1"]').click();
    await page.locator('.ant-modal-confirm-title').filter({ hasText: '确认暂停向 华盛贸易有限公司 供货？' }).waitFor();
    await e.shot('collruns-hold-confirm-zh');
    await page.locator('[data-testid="dunning-hold-confirm"]').click();
    await page.getByText('已暂停供货').first().waitFor();
    expect(sql('SELECT lifecycle FROM customers WHERE id = ?', ids.K1)).toEqual([{ lifecycle: 'suspended' }]);
    expect(
      sql(
        "SELECT action FROM audit_log WHERE entity = 'customer' AND customer_id = ? ORDER BY id DESC LIMIT 1",
        ids.K1,
      ),
    ).toEqual([{ action: 'lifecycle' }]);
  }, 60_000);

  it('records a standalone promise, refuses a bad import naming row and column, saves the grace days', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/collections/promises`);
    await page.locator('[data-testid="promise-customer"]').click();
    await page.keyboard.type('K3');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '宁波海联' }).click();
    const d = page
      .locator('[data-testid="promise-promised-on"] input, input[data-testid="promise-promised-on"]')
      .first();
    await d.click();
    await d.fill('2026-12-10');
    await d.press('Enter');
    await page.locator('[data-testid="promise-amount"]').fill('1260');
    await page.locator('[data-testid="promise-save"]').click();
    await page.getByText('付款承诺已保存').waitFor();
    expect(
      sql('SELECT customer_id AS c, promised_on, amount, form, source FROM promises WHERE customer_id = ?', ids.K3),
    ).toEqual([{ c: ids.K3, promised_on: '2026-12-10', amount: 126000, form: 'verbal', source: 'manual' }]);

    const csv = path.join(OUT, 'promises.csv');
    fs.writeFileSync(
      csv,
      'customer_code,made_on,promised_on,amount,form\nK2,2026-11-20,2026-11-28,100.00,written\nZZ9,2026-11-20,2026-11-10,-5,paper\n',
    );
    await page.locator('[data-testid="promises-import-file"]').setInputFiles(csv);
    const errors = page.locator('[data-testid="promises-import-errors"] .ant-table-row');
    await errors.first().waitFor({ timeout: 20_000 });
    expect(await errors.allInnerTexts()).toEqual([
      '3\t客户编码\t没有编码为 ZZ9 的客户',
      '3\t约定付款日\t约定付款日早于承诺日期',
      '3\t金额\t金额必须大于 0',
      '3\t形式\t形式只能是 written/verbal（书面/口头）',
    ]);
    await page.waitForTimeout(500); // the modal fades in
    await e.shot('collruns-import-errors-zh');
    expect(sql('SELECT COUNT(*) AS n FROM promises')).toEqual([{ n: 2 }]);
    await page.keyboard.press('Escape');

    await page.locator('[data-testid="grace-days"] input, input[data-testid="grace-days"]').first().fill('3');
    await page.locator('[data-testid="settings-save"]').click();
    await page.getByText('设置已保存').waitFor();
    expect(await handlerCaller(e.desk)('collections:settings', {})).toMatchObject({ promiseGraceDays: 3 });
  }, 90_000);

  it('filters the calendar by region', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/collections/calendar`);
    await page.locator('.fc-daygrid-day').first().waitFor({ timeout: 20_000 });
    await page.locator('.fc-event').first().waitFor();
    const all = (await page.locator('.fc-event').allInnerTexts()).join('|');
    expect(all).toContain('¥380.00'); // K2 due 11-14, after the visit's ¥500.00
    expect(all).toContain('¥1,260.00');
    await pick('calendar-filter-region', '宁波');
    await page.waitForTimeout(800);
    const nb = (await page.locator('.fc-event').allInnerTexts()).join('|');
    expect(nb).toContain('¥1,260.00');
    expect(nb).not.toContain('¥380.00');
    await e.shot('collruns-calendar-filtered-zh');
  }, 60_000);

  it('screenshots of every new screen, zh-CN and en, 1440×900 and 1280×720', async () => {
    const { page } = e;
    const run = (await handlerCaller(e.desk)('collections:runs', {}))[0];
    const screens: [string, string, string][] = [
      ['runs', '/collections/runs', '[data-testid="run-list"] .ant-table-row'],
      ['run', `/collections/runs/${run.id}`, '[data-testid="run-stops"] .ant-table-row'],
      ['promises', '/collections/promises', '[data-testid="promise-settings"]'],
      ['calendar', '/collections/calendar', '[data-testid="calendar-filters"]'],
      ['dunning', '/collections/dunning', '[data-testid="dunning-page"] .ant-table-row'],
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
          await page.locator(ready).first().waitFor({ timeout: 20_000 });
          await page.waitForTimeout(500);
          await e.shot(`collruns-${name}-${lang}-${w}`);
        }
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 240_000);
});
