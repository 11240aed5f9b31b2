// Issue 16 polish, second pass, as a user sees it: the printed ageing carries the company name
// and "第 1 页，共 N 页" on every page; English preset names are not clipped; the audit filters
// stay on one line at 1280 px; a range picker names a typed date that is no date, in the page's
// language; leaving a page while a date field has focus raises no page error (rc-picker used to
// read a detached ref on that blur). Screenshots: test-output/screenshots/polish2-*.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { seedWorkedExample } from '../support/worked-example';
import { handlerCaller, SHOTS, startE2E, type E2E } from './support';

let e: E2E;
const pageErrors: string[] = [];

async function seed(desk: Desk) {
  await insertDemoCustomers(desk.ctx, makeDemoCustomers(20, 5));
  const ok = handlerCaller(desk);
  await seedWorkedExample(ok, 'C900001', { name: '华盛贸易有限公司', creditLimit: 940_000_00 });
}

beforeAll(async () => {
  e = await startE2E({ setup: seed });
  e.page.on('pageerror', (err) => pageErrors.push(String(err.stack ?? err)));
});
afterAll(async () => {
  await e?.close();
});

async function go(page: Page, route: string, ready: string) {
  await page.goto(`${e.server.origin}/#${route}`);
  await page.locator(ready).first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(400);
}

async function useLang(lang: 'zh' | 'en') {
  await e.page
    .locator('[data-testid="lang-switch"]')
    .first()
    .getByText(lang === 'en' ? 'EN' : '中文')
    .click();
  await e.page
    .getByText(lang === 'en' ? 'Customers' : '客户档案')
    .first()
    .waitFor();
}

describe('polish, second pass', () => {
  it('leaves a page while a date field has focus without a page error', async () => {
    const { page } = e;
    await go(page, '/receivables/ageing', '[data-testid="ageing-row"]');
    const input = page.locator('[data-testid="ageing-asof"] input, input[data-testid="ageing-asof"]').first();
    await input.click();
    await input.press('End');
    // a route change while the picker is focused (keyboard shortcut, menu, back button)
    await page.evaluate(() => {
      window.location.hash = '#/customers';
    });
    await page.locator('[data-testid="customer-row"]').first().waitFor();
    await go(page, '/audit', '[data-testid="audit-table"]');
    await page.locator('.ant-picker-range input').first().click();
    await page.evaluate(() => {
      window.location.hash = '#/receivables/ageing';
    });
    await page.locator('[data-testid="ageing-row"]').first().waitFor();
    await page.waitForTimeout(300);
    expect(pageErrors).toEqual([]);
  });

  it('prints the ageing with the company name and page numbers (zh-CN and en)', async () => {
    const { page } = e;
    const company = await page.locator('[data-testid="company-name"]').innerText();
    for (const lang of ['zh', 'en'] as const) {
      if (lang === 'en') await useLang('en');
      await go(page, '/receivables/ageing', '[data-testid="ageing-row"]');
      const file = path.join(SHOTS, `polish2-ageing-print-${lang}.pdf`);
      await page.pdf({ path: file, landscape: true, printBackground: true, preferCSSPageSize: true });
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
      const pages = Number(
        execFileSync('pdfinfo', [file])
          .toString()
          .match(/Pages:\s+(\d+)/)![1],
      );
      expect(text).toContain(company);
      expect(text).toMatch(/C900001\s+华盛贸易有限公司/);
      for (let p = 1; p <= pages; p++)
        expect(text.replace(/\s+/g, ' ')).toContain(
          lang === 'zh' ? `第 ${p} 页，共 ${pages} 页` : `Page ${p} of ${pages}`,
        );
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '1',
        file,
        path.join(SHOTS, `polish2-ageing-print-${lang}`),
      ]);
    }
    await useLang('zh');
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`fits the preset name and the audit filters, names a bad typed range date (${lang})`, async () => {
      const { page } = e;
      if (lang === 'en') await useLang('en');
      for (const [w, h] of [
        [1440, 900],
        [1280, 720],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        const tag = `${lang}-${w}`;
        await go(page, '/receivables/ageing', '[data-testid="ageing-row"]');
        const item = page
          .locator(
            '[data-testid="ageing-preset"] .ant-select-content, [data-testid="ageing-preset"] .ant-select-selection-item',
          )
          .first();
        expect(await item.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), `preset name clipped at ${w}`).toBe(
          true,
        );
        const save = page.locator('[data-testid="ageing-save-preset"]');
        expect(await save.evaluate((el) => el.scrollWidth <= el.clientWidth + 1), `"Save as" clipped at ${w}`).toBe(
          true,
        );
        // column titles and the limit-used cells are whole (titles wrap, the bar sits under the %)
        const clipped = await page.evaluate(() =>
          [
            ...document.querySelectorAll('[data-testid="ageing-grid"] .ar-grid-head .ar-cell'),
            ...document.querySelectorAll('[data-testid="ageing-row"] .ar-cell'),
          ]
            .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 4)
            .map((el) => (el as HTMLElement).innerText),
        );
        expect(clipped, `clipped ageing cells at ${w}`).toEqual([]);
        await e.shot(`polish2-ageing-${tag}`);
        await go(page, '/audit', '[data-testid="audit-table"]');
        const tops = await page.evaluate(() =>
          ['audit-operator', 'audit-entity', 'audit-customer'].map(
            (id) => document.querySelector(`[data-testid="${id}"]`)!.getBoundingClientRect().top,
          ),
        );
        const rangeTop = (await page.locator('.ant-picker-range').first().boundingBox())!.y;
        expect(Math.max(...tops, rangeTop) - Math.min(...tops, rangeTop), `audit filters wrap at ${w}`).toBeLessThan(
          12,
        );
        // the exports sit on the title row, above the filters (they used to wrap under them)
        const exportBox = (await page.locator('[data-testid="audit-export-xlsx"]').boundingBox())!;
        expect(exportBox.y + exportBox.height, `audit exports wrap at ${w}`).toBeLessThanOrEqual(Math.min(...tops));
        const start = page.locator('.ant-picker-range input').first();
        await start.click();
        await start.fill('2026-02-30');
        await page.locator('h1').first().click();
        const msg = page.locator('.typed-date-error').first();
        await msg.waitFor({ timeout: 5000 });
        expect(await msg.innerText()).toMatch(
          lang === 'zh' ? /“2026-02-30”不是有效日期/ : /"2026-02-30" is not a valid date/,
        );
        await page
          .locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')
          .waitFor({ state: 'hidden', timeout: 5000 })
          .catch(() => undefined); // the shot shows the page, not the closing calendar
        await page.waitForTimeout(300);
        await e.shot(`polish2-audit-${tag}`);
        await start.click();
        await start.fill('');
        await page.keyboard.press('Escape');
      }
      await page.setViewportSize({ width: 1440, height: 900 });
      if (lang === 'en') await useLang('zh');
    });
  }
});
