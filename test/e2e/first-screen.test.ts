// The first screen of a cold start: index.html's boot shell (menu, header, the list's title) in the
// user's language before any script has run, then the app, which loads only the active language's
// message catalogue (lang-<lang>-*.js) and the other one when the user switches.
// Screenshots of the shell as it paints and of the list, zh-CN and en, 1440×900 and 1280×720.
import type { Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { startE2E, type E2E } from './support';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ setup: (desk) => insertDemoCustomers(desk.ctx, makeDemoCustomers(60, 7)) });
});
afterAll(async () => {
  await e?.close();
});

type Lang = 'zh-CN' | 'en';
const catalogue = (url: string) => /\/assets\/lang-(en|zh-CN)-[\w-]+\.js$/.exec(url)?.[1];

/** A fresh page in `lang` (saved choice and app state), recording the catalogue chunks requested. */
async function open(lang: Lang, width = 1440, height = 900) {
  const page = await e.browser.newPage({ viewport: { width, height } });
  e.desk.writeState({ locale: lang });
  await page.addInitScript((l) => localStorage.setItem('creditdesk.lang', l), lang);
  const catalogues: string[] = [];
  page.on('request', (r) => {
    const c = catalogue(r.url());
    if (c) catalogues.push(c);
  });
  return { page, catalogues };
}

async function listShown(page: Page) {
  await page.goto(`${e.server.url}#/customers`);
  await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 60_000 });
}

describe('first screen', () => {
  it('loads only the Chinese catalogue for a Chinese user, and English on switching', async () => {
    const { page, catalogues } = await open('zh-CN');
    try {
      await listShown(page);
      expect(catalogues).toEqual(['zh-CN']);
      await expect.poll(() => page.locator('.ant-menu').innerText()).toContain('客户档案');
      await page.locator('[data-testid="lang-switch"]').getByText('EN', { exact: true }).click();
      await expect.poll(() => page.locator('.ant-menu').innerText(), { timeout: 15_000 }).toContain('Customers');
      expect(catalogues).toEqual(['zh-CN', 'en']);
    } finally {
      await page.close();
    }
  });

  it('loads only the English catalogue for an English user', async () => {
    const { page, catalogues } = await open('en');
    try {
      await listShown(page);
      expect(catalogues).toEqual(['en']);
      expect(await page.locator('.ant-menu').innerText()).toContain('Customers');
      expect(await page.locator('.ant-menu').innerText()).not.toContain('客户档案');
    } finally {
      await page.close();
    }
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    for (const [w, h] of [
      [1440, 900],
      [1280, 720],
    ] as const) {
      it(`paints the shell in ${lang} before any script, ${w}×${h}`, async () => {
        const { page } = await open(lang, w, h);
        // hold every app script: what shows is index.html alone (with boot-lang.js)
        let release = () => {};
        const released = new Promise<void>((r) => (release = r));
        await page.route(/\/assets\/.*\.js$/, (route: Route) => released.then(() => route.continue()));
        try {
          await page.goto(`${e.server.url}#/customers`, { waitUntil: 'commit' });
          const shell = page.locator('[data-testid="boot-shell"]');
          await shell.waitFor();
          const seen = await shell.innerText();
          if (lang === 'zh-CN') {
            for (const label of ['客户档案', '应收总览', '账龄分析', '审计日志', '备份与恢复', '正在加载…'])
              expect(seen).toContain(label);
            expect(seen).not.toContain('Customers');
          } else {
            for (const label of ['Customers', 'Receivables', 'Ageing', 'Audit log', 'Backup & restore', 'Loading…'])
              expect(seen).toContain(label);
            expect(seen).not.toContain('客户档案');
          }
          await page.screenshot({ path: `test-output/screenshots/first-screen-shell-${lang}-${w}x${h}.png` });
          release();
          await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 60_000 });
          await page.screenshot({ path: `test-output/screenshots/first-screen-list-${lang}-${w}x${h}.png` });
        } finally {
          await page.close();
        }
      });
    }
  }
});
