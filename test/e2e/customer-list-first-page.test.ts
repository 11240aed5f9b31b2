// The customer list as a new browser opens it: the first page comes from the boot prefetch (one
// customers:list request before the rows show), later pages load as the list scrolls, and the
// other orders and a search still work. Screenshots in zh-CN and en at 1440×900 and 1280×720.
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { startE2E, type E2E } from './support';
import '../../renderer/src/api/prefetched'; // window.__creditdeskPrefetch's type

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ setup: (desk) => insertDemoCustomers(desk.ctx, makeDemoCustomers(450, 16)) });
});
afterAll(async () => {
  await e?.close();
});

const firstRow = (page: Page) => page.locator('[data-testid="customer-row"]').first().innerText();
const listed = (order: string) =>
  e.desk.ctx.book.sqlite
    .prepare(`SELECT code FROM customers WHERE lifecycle != 'terminated' ORDER BY ${order}`)
    .all()
    .map((r) => (r as { code: string }).code);

/** A fresh page (empty cache) on the list, in `lang`, counting the customers:list requests. */
async function coldList(lang: 'zh-CN' | 'en', width: number, height: number) {
  const page = await e.browser.newPage({ viewport: { width, height } });
  e.desk.writeState({ locale: lang }); // the saved language wins at start
  await page.addInitScript((l) => localStorage.setItem('creditdesk.lang', l), lang);
  const lists: Request[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/ipc/customers%3Alist')) lists.push(r);
  });
  await page.goto(`${e.server.url}#/customers`);
  await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 30_000 });
  return { page, lists };
}

describe('customer list, cold first page', () => {
  it('shows the first page from one early request, with the whole count, in code order', async () => {
    const { page, lists } = await coldList('zh-CN', 1440, 900);
    try {
      expect(lists).toHaveLength(1);
      expect(JSON.parse(lists[0].postData() ?? '')).toEqual({
        filter: {},
        sort: 'code',
        order: 'asc',
        offset: 0,
        limit: 200,
      });
      // the boot script's answers were all taken by the app (app info, regions, this page)
      expect(await page.evaluate(() => Object.keys(window.__creditdeskPrefetch ?? { none: 1 }))).toEqual([]);
      const all = listed('code');
      expect(all.length).toBeGreaterThan(400);
      expect(await page.locator('[data-testid="customer-total"]').innerText()).toContain(String(all.length));
      expect(await firstRow(page)).toContain(all[0]);
    } finally {
      await page.close();
    }
  });

  it('loads later pages as the list scrolls, and sorts by name and searches through the finder', async () => {
    const { page } = await coldList('zh-CN', 1440, 900);
    try {
      const all = listed('code');
      await page.locator('.vt-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
      await page.getByText(all[all.length - 1], { exact: true }).waitFor({ timeout: 20_000 }); // page 3 of 3
      await page.locator('.vt-scroll').evaluate((el) => (el.scrollTop = 0));
      await page.locator('[data-testid="sort-name"]').click();
      const byName = listed('name_pinyin, code');
      await expect.poll(() => firstRow(page), { timeout: 20_000 }).toContain(byName[0]);
      await page.locator('[data-testid="customer-search"]').fill(all[5]);
      await expect
        .poll(() => page.locator('[data-testid="customer-total"]').innerText(), { timeout: 20_000 })
        .toMatch(/\b1\b/);
      expect(await firstRow(page)).toContain(all[5]);
    } finally {
      await page.close();
    }
  });

  it('marks the list as updating while a new order loads, keeping the old rows', async () => {
    const { page } = await coldList('zh-CN', 1440, 900);
    try {
      const first = await firstRow(page);
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      await page.route('**/ipc/customers%3Alist', async (route) => {
        await held;
        await route.continue();
      });
      await page.locator('[data-testid="sort-creditLimit"]').click();
      await page.locator('[data-testid="customer-list-updating"]').waitFor({ timeout: 10_000 });
      expect(await firstRow(page)).toBe(first);
      expect(await page.locator('[data-testid="customer-table"]').getAttribute('aria-busy')).toBe('true');
      release();
      await page.locator('[data-testid="customer-list-updating"]').waitFor({ state: 'detached', timeout: 20_000 });
      const byLimit = listed('credit_limit, code');
      await expect.poll(() => firstRow(page)).toContain(byLimit[0]);
    } finally {
      await page.close();
    }
  });

  for (const lang of ['zh-CN', 'en'] as const)
    for (const [w, h] of [
      [1440, 900],
      [1280, 720],
    ])
      it(`screenshot ${lang} ${w}×${h}`, async () => {
        const { page } = await coldList(lang, w, h);
        try {
          await page.waitForTimeout(500);
          await page.screenshot({ path: `test-output/screenshots/customer-list-cold-${lang}-${w}x${h}.png` });
          const heading = lang === 'en' ? 'Customers' : '客户档案';
          expect(await page.locator('h1').first().innerText()).toBe(heading);
        } finally {
          await page.close();
        }
      });
});
