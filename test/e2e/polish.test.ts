// Issue 16 polish, looked at and measured in the browser: the ageing grid fits 1440 px without
// a horizontal scroll, key columns survive 1280×720, the card header shows the whole limit,
// a statement period from after to says so. Screenshots: test-output/screenshots/polish-*.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { seedWorkedExample } from '../support/worked-example';
import { handlerCaller, startE2E, type E2E } from './support';

let e: E2E;
let customerId = 0;

async function seed(desk: Desk) {
  await insertDemoCustomers(desk.ctx, makeDemoCustomers(40, 5));
  const ok = handlerCaller(desk);
  customerId = (await seedWorkedExample(ok, 'C900001', { name: '华盛贸易有限公司', creditLimit: 940_000_00 }))
    .customerId;
}

beforeAll(async () => {
  e = await startE2E({ setup: seed });
});
afterAll(async () => {
  await e?.close();
});

const SIZES = [
  [1440, 900],
  [1280, 720],
] as const;

async function go(page: Page, route: string, ready: string) {
  await page.goto(`${e.server.origin}/#${route}`);
  await page.locator(ready).first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(500);
}

/** How far the ageing grid scrolls sideways (0 = everything fits). */
async function ageingOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const grid = document.querySelector('[data-testid="ageing-grid"] .ar-grid-scroll') as HTMLElement | null;
    return grid ? grid.scrollWidth - grid.clientWidth : -1;
  });
}

describe('polish at 1440×900 and 1280×720, zh-CN and en', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`screens (${lang})`, async () => {
      const { page } = e;
      if (lang === 'en') {
        await page.locator('[data-testid="lang-switch"]').first().getByText('EN').click();
        await page.getByText('Customers').first().waitFor();
      }
      for (const [w, h] of SIZES) {
        await page.setViewportSize({ width: w, height: h });
        const tag = `${lang}-${w}`;
        await go(page, '/receivables/ageing', '[data-testid="ageing-row"]');
        await e.shot(`polish-ageing-${tag}`);
        expect(await ageingOverflow(page), `ageing grid scrolls sideways at ${w}`).toBe(0);
        await go(page, '/customers', '[data-testid="customer-row"]');
        await e.shot(`polish-customers-${tag}`);
        // the credit limit column is in view without scrolling sideways
        const limitHead = await page.getByRole('columnheader', { name: /信用额度|Credit limit/ }).boundingBox();
        expect(limitHead, 'credit limit column').not.toBeNull();
        expect(limitHead!.x + limitHead!.width).toBeLessThanOrEqual(w);
        await go(page, `/customers/${customerId}`, '[data-testid="customer-name"]');
        await e.shot(`polish-card-${tag}`);
        // the card header shows the whole limit, not "¥940,"
        const limit = page.getByText('¥940,000.00').first();
        expect(
          await limit.evaluate(
            (el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= window.innerWidth,
          ),
        ).toBe(true);
        await go(page, '/receivables', '.recharts-surface');
        await e.shot(`polish-dashboard-${tag}`);
        await go(page, '/backup', '[data-testid="backup-page"]');
        await e.shot(`polish-backup-${tag}`);
        await go(page, '/audit', '[data-testid="audit-table"]');
        await e.shot(`polish-audit-${tag}`);
        await go(page, '/statements', '[data-testid="statement-customer"]');
        await e.shot(`polish-statements-${tag}`);
        if (w === 1440) {
          // from after to: a message, not a blank panel
          const from = page
            .locator('input[data-testid="statement-from"], [data-testid="statement-from"] input')
            .first();
          await from.click();
          await from.fill('2026/12/5');
          await from.press('Enter');
          await page.locator('[data-testid="statement-period-error"]').waitFor({ timeout: 5000 });
          expect(await page.locator('[data-testid="statement-period-error"]').innerText()).toMatch(
            lang === 'zh' ? /开始日期\s*晚于结束日期/ : /From\s*is after the end date/,
          );
          await e.shot(`polish-statements-period-${tag}`);
        }
      }
      await page.setViewportSize({ width: 1440, height: 900 });
    });
  }
});
