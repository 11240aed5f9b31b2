// antd's component styles come pre-rendered with the app's stylesheet (renderer/build/
// antd-static-styles.ts): on the first screen antd makes none of them at run time — only its CSS
// variables (the theme's values) remain antd <style> tags — and the list still
// shows antd's look (a styled, primary-coloured button).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { startE2E, type E2E } from './support';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ setup: (desk) => insertDemoCustomers(desk.ctx, makeDemoCustomers(30, 3)) });
});
afterAll(async () => {
  await e?.close();
});

describe('antd styles built ahead', () => {
  it('shows the customer list without generating any antd component style in the page', async () => {
    const { page } = e;
    await page.goto(`${e.server.url}#/customers`);
    await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 60_000 });
    const runtime = await page.evaluate(() =>
      [...document.querySelectorAll('style[data-css-hash]')]
        .map((s) => s.textContent ?? '')
        .filter((css) => !/^\s*\.css-var-/.test(css) && !/^\s*\.anticon\s*\{/.test(css))
        .map((css) => css.slice(0, 80)),
    );
    expect(runtime).toEqual([]);
    // the theme's CSS variables under the fixed key the build's token cache was made with
    // (components/prebuilt-style-cache.ts): React's useId would name it differently in the page
    expect(await page.locator('.ant-layout.css-var-app').count()).toBeGreaterThan(0);
    expect(await page.locator('style[data-token-hash="css-var-app"]').count()).toBeGreaterThan(1);
    // the styles are there all the same: the primary button in the theme's colour, a 4 px radius
    const button = page.locator('.ant-btn-primary').first();
    await expect.poll(() => button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(31, 95, 191)');
    expect(await button.evaluate((b) => getComputedStyle(b).borderTopLeftRadius)).toBe('4px');
  });
});
