// The first screen's code, cold: index.html names the chunks the customer list needs beyond the
// app's entry (#boot-chunks, renderer/build/first-screen-chunks.ts) and boot-lang.js asks for
// them at once, beside the entry, instead of after it has run; nothing else is asked for before the
// list shows. The list's 8 multi-select filters are light stand-ins until used: antd's Select
// (its own chunk) is mounted on first use, opens, filters, and looks the same before and after.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { startE2E, type E2E } from './support';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ setup: (desk) => insertDemoCustomers(desk.ctx, makeDemoCustomers(60, 11)) });
});
afterAll(async () => {
  await e?.close();
});

const FILTERS = [
  'filter-nature',
  'filter-lifecycle',
  'filter-region',
  'filter-confidentiality',
  'filter-value-tier',
  'filter-credit-rating',
  'filter-credit-class',
  'filter-prospect-grade',
];

interface BootChunks {
  customers: string[];
  lang: Record<'zh-CN' | 'en', string[]>;
}

/** What the served index.html declares: its entry graph (script + modulepreloads) and #boot-chunks. */
async function declared(): Promise<{ entry: string[]; boot: BootChunks }> {
  const html = await (await fetch(`${e.server.origin}/index.html`)).text();
  const entry = [
    ...html.matchAll(/<(?:script type="module"[^>]*src|link rel="modulepreload"[^>]*href)="\.\/([^"]+)"/g),
  ].map((m) => m[1]);
  const json = /<script type="application\/json" id="boot-chunks">([^<]*)<\/script>/.exec(html);
  expect(json, 'index.html has no #boot-chunks').not.toBeNull();
  return { entry, boot: JSON.parse(json![1]) as BootChunks };
}

const assetOf = (url: string) => /\/(assets\/[^/?#]+\.js)(?:$|\?)/.exec(url)?.[1];

/** A fresh browser context (empty cache) on the list, with the JS files it asked for. */
async function coldPage(
  lang: 'zh-CN' | 'en' = 'zh-CN',
): Promise<{ page: Page; scripts: string[]; close: () => Promise<void> }> {
  const ctx = await e.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await ctx.addInitScript((l) => localStorage.setItem('creditdesk.lang', l), lang);
  e.desk.writeState({ locale: lang });
  const page = await ctx.newPage();
  const scripts: string[] = [];
  page.on('request', (r) => {
    const a = assetOf(r.url());
    if (a) scripts.push(a);
  });
  return { page, scripts, close: () => ctx.close() };
}

describe('first screen chunks', () => {
  it('asks for the list page and the catalogue while the app entry is still downloading', async () => {
    const { boot } = await declared();
    const { page, scripts, close } = await coldPage();
    try {
      // hold the entry's own script: before it has run, only index.html can have asked for more
      let release = () => {};
      const held = new Promise<void>((r) => (release = r));
      await page.route(/\/assets\/start-[\w-]+\.js$/, (route) => held.then(() => route.continue()));
      await page.goto(`${e.server.url}#/customers`, { waitUntil: 'commit' });
      const wanted = [...boot.lang['zh-CN'], ...boot.customers];
      expect(wanted.some((f) => /CustomerListPage/.test(f))).toBe(true);
      expect(wanted.some((f) => /lang-zh-CN/.test(f))).toBe(true);
      await expect.poll(() => wanted.filter((f) => !scripts.includes(f)), { timeout: 30_000 }).toEqual([]);
      expect(scripts.some((f) => /lang-en/.test(f))).toBe(false);
      release();
      await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 60_000 });
    } finally {
      await close();
    }
  });

  it('asks for nothing beyond those chunks before the list shows, and few files', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const { entry, boot } = await declared();
      const { page, scripts, close } = await coldPage(lang);
      try {
        await page.goto(`${e.server.url}#/customers`);
        await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 60_000 });
        const allowed = new Set([...entry, ...boot.lang[lang], ...boot.customers]);
        const beyond = scripts.filter((f) => !allowed.has(f));
        expect(beyond).toEqual([]);
        expect(scripts.length).toBeLessThanOrEqual(40); // split by sharing it was ~70
        for (const heavy of [
          /OperatorGate/,
          /ImportErrorsModal/,
          /FilterSelectReal/,
          /CustomerFormPage/,
          /lang-(en|zh-CN)/,
        ])
          expect(scripts.filter((f) => heavy.test(f) && !boot.lang[lang].includes(f))).toEqual([]);
      } finally {
        await close();
      }
    }
  });
});

describe('customer list filters', () => {
  it('are stand-ins until used, drawn with the classes of the real Select', async () => {
    const { page, close } = await coldPage();
    try {
      await page.goto(`${e.server.url}#/customers`);
      await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 60_000 });
      for (const id of FILTERS)
        expect(await page.locator(`[data-testid="${id}"]`).getAttribute('data-stand-in')).toBe('');
      const before = await page.locator('[data-testid="filter-nature"]').getAttribute('class');
      const box = await page.locator('[data-testid="filter-nature"]').boundingBox();

      // pointed at: the real Select replaces it, open; a pick filters the list
      const total = await page.locator('[data-testid="customer-table"]').getAttribute('data-total');
      await page.locator('[data-testid="filter-nature"]').click();
      await page.locator('.ant-select-item-option').first().waitFor({ timeout: 20_000 });
      const real = page.locator('[data-testid="filter-nature"]');
      expect(await real.getAttribute('data-stand-in')).toBeNull();
      const after = (await real.getAttribute('class'))!
        .split(' ')
        .filter((c) => !['ant-select-focused', 'ant-select-open'].includes(c));
      expect(after).toEqual(before!.split(' '));
      expect(await real.boundingBox()).toEqual(box);
      await page.locator('.ant-select-item-option').first().click();
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.locator('[data-testid="customer-table"]').getAttribute('data-total'), { timeout: 20_000 })
        .not.toBe(total);
      expect(await real.locator('.ant-select-selection-item, .ant-select-content-item').count()).toBeGreaterThan(0);
      // the page's stylesheet is not linked a second time by the Select's chunk
      expect(await page.locator('link[rel="stylesheet"][href*="start-"]').count()).toBe(1);
      // the others are still stand-ins
      expect(await page.locator('[data-testid="filter-lifecycle"]').getAttribute('data-stand-in')).toBe('');

      // reached by the keyboard: the real one takes the focus
      await page.locator('[data-testid="filter-lifecycle"] input').focus();
      await expect
        .poll(() => page.locator('[data-testid="filter-lifecycle"]').getAttribute('data-stand-in'))
        .toBeNull();
      await expect
        .poll(() => page.evaluate(() => !!document.activeElement?.closest('[data-testid="filter-lifecycle"]')))
        .toBe(true);
    } finally {
      await close();
    }
  });

  it('shows a filter that has a value as the real Select at once', async () => {
    const { page, close } = await coldPage();
    try {
      await page.goto(`${e.server.url}#/customers?tier=none`);
      await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 60_000 });
      const tier = page.locator('[data-testid="filter-value-tier"]');
      await expect.poll(() => tier.getAttribute('data-stand-in')).toBeNull();
      // polled: the Select's first frame measures its tags ("+ 0 ...") before it shows them
      await expect.poll(() => tier.innerText()).toContain('未计算');
      expect(await page.locator('[data-testid="filter-nature"]').getAttribute('data-stand-in')).toBe('');
    } finally {
      await close();
    }
  });
});
