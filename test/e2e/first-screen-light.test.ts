// The first screen's lighter parts keep working as before:
// - the customer list's virtualizer makes the browser lay out nothing while the first screen is
//   rendered (its box's size comes from a ResizeObserver, no scroll to the top of a new box);
// - the list's rows come from arithmetic on the offset (same-height rows), not from
//   @tanstack/react-virtual's measurement of all 100,000 rows: its code is not even fetched;
// - nothing on the first screen sets up ICU's number formatting (Number.toLocaleString,
//   Intl.NumberFormat: tens of ms the first time);
// - the shell's light left menu (components/ShellMenu.tsx) opens pages by click and by keyboard,
//   and marks the open page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { startE2E, type E2E } from './support';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ setup: (desk) => insertDemoCustomers(desk.ctx, makeDemoCustomers(80, 5)) });
});
afterAll(async () => {
  await e?.close();
});

/** Counts, in the page, the list box's layout reads outside ResizeObserver callbacks and its scroll writes. */
function countForcedLayouts() {
  const w = window as unknown as { __listForced: string[] };
  w.__listForced = [];
  let inObserver = 0;
  const RO = window.ResizeObserver;
  window.ResizeObserver = class extends RO {
    constructor(cb: ResizeObserverCallback) {
      super((entries, observer) => {
        inObserver++;
        try {
          cb(entries, observer);
        } finally {
          inObserver--;
        }
      });
    }
  };
  const isList = (el: Element) => el.classList?.contains('vt-scroll');
  for (const prop of ['clientHeight', 'clientWidth', 'scrollTop', 'offsetHeight'] as const) {
    const proto = prop === 'offsetHeight' ? HTMLElement.prototype : Element.prototype;
    const d = Object.getOwnPropertyDescriptor(proto, prop)!;
    Object.defineProperty(proto, prop, {
      ...d,
      get(this: Element) {
        if (isList(this) && !inObserver) w.__listForced.push(`read ${prop}`);
        return d.get!.call(this);
      },
    });
  }
  const scrollTo = Element.prototype.scrollTo;
  Element.prototype.scrollTo = function (this: Element, ...args: unknown[]) {
    if (isList(this)) w.__listForced.push('scrollTo');
    return (scrollTo as (...a: unknown[]) => void).apply(this, args);
  };
}

/** Counts, in the page, number formatting through ICU (the first call sets it up). */
function countIcuNumberFormats() {
  const w = window as unknown as { __icuNumbers: string[] };
  w.__icuNumbers = [];
  const toLocaleString = Number.prototype.toLocaleString;
  Number.prototype.toLocaleString = function (this: number, ...args: unknown[]) {
    w.__icuNumbers.push(`toLocaleString ${String(this)}`);
    return (toLocaleString as (...a: unknown[]) => string).apply(this, args);
  };
  const NF = Intl.NumberFormat;
  Intl.NumberFormat = function (...args: unknown[]) {
    w.__icuNumbers.push(`Intl.NumberFormat ${JSON.stringify(args)}`);
    return new (NF as unknown as new (...a: unknown[]) => Intl.NumberFormat)(...args);
  } as unknown as typeof Intl.NumberFormat;
}

describe('first screen, light parts', () => {
  it('renders the customer list without making the browser lay out the page in the middle', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1440, height: 900 } });
    try {
      await page.addInitScript(countForcedLayouts);
      await page.addInitScript(countIcuNumberFormats);
      await page.goto(`${e.server.url}#/customers`);
      const rows = page.locator('[data-testid="customer-row"]');
      await rows.first().waitFor({ timeout: 60_000 });
      expect(await page.evaluate(() => (window as unknown as { __icuNumbers: string[] }).__icuNumbers)).toEqual([]);
      // the code fetched for the first screen has no virtualizer library in it
      const scripts = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((r) => r.name)
          .filter((u) => /\.js(\?|$)/.test(u)),
      );
      expect(scripts.some((u) => /CustomerListPage/.test(u))).toBe(true);
      for (const url of scripts) expect(await (await fetch(url)).text(), url).not.toContain('getVirtualItems');
      await expect.poll(() => page.locator('[data-testid="customer-total"]').innerText()).toMatch(/^共 \d+ 条$/);
      // every row on screen is there (the box's real size arrived), and more below it after a moment
      await expect.poll(() => rows.count()).toBeGreaterThan(28);
      const box = await page.locator('.vt-scroll').boundingBox();
      const lastShown = await rows.evaluateAll((els) => Math.max(...els.map((r) => r.getBoundingClientRect().bottom)));
      expect(lastShown).toBeGreaterThanOrEqual(box!.y + box!.height);
      expect(await page.evaluate(() => (window as unknown as { __listForced: string[] }).__listForced)).toEqual([]);
      // scrolling still works, and a new sort goes back to the top
      const top = await rows.first().getAttribute('data-code');
      await page.locator('.vt-scroll').evaluate((el) => el.scrollTo({ top: 36 * 40 }));
      await expect.poll(() => rows.first().getAttribute('data-code')).not.toBe(top);
      await page.locator('[data-testid="sort-name"]').click();
      await expect.poll(() => page.locator('.vt-scroll').evaluate((el) => el.scrollTop)).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('opens pages from the left menu by click and by keyboard', async () => {
    const page = await e.browser.newPage({ viewport: { width: 1280, height: 720 } });
    try {
      await page.goto(`${e.server.url}#/customers`);
      const menu = page.locator('.ant-layout-sider .ant-menu');
      const selected = menu.locator('.ant-menu-item-selected');
      await expect.poll(() => selected.innerText()).toBe('客户档案');
      await menu.getByRole('menuitem', { name: '应收总览' }).click();
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/receivables');
      await expect.poll(() => selected.innerText()).toBe('应收总览');
      // keys: from the list, ArrowDown goes to the first item and on; Enter opens the focused one
      await menu.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/receivables/entry');
      await expect.poll(() => selected.innerText()).toBe('单据录入');
      await menu.focus(); // the entry page takes the focus for its first field
      await page.keyboard.press('End');
      await page.keyboard.press(' ');
      await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/settings');
      // at 1280×720 the menu is taller than the window: it scrolls on its own, the page stays put
      const last = await page.evaluate(() => {
        const items = document.querySelectorAll('.ant-layout-sider .ant-menu-item');
        const item = items[items.length - 1] as HTMLElement;
        item.scrollIntoView({ block: 'end' });
        const r = item.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { inWindow: r.bottom <= window.innerHeight, hit: item.contains(hit), pageScroll: window.scrollY };
      });
      expect(last).toEqual({ inWindow: true, hit: true, pageScroll: 0 });
      await expect.poll(() => selected.innerText()).toBe('设置');
      await page.getByTestId('settings-company').waitFor();
      await page.screenshot({ path: 'test-output/screenshots/menu-scrolled-zh-CN-1280x720.png' });
    } finally {
      await page.close();
    }
  });
});
