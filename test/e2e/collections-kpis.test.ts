// The collections KPIs on the receivables dashboard (issue #13 item 7): CEI, best-possible DSO,
// promise-kept rate and the 13-week forecast chart, on a demo book, zh-CN and en, at 1440×900
// and 1280×720 (screenshots in test-output/screenshots).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { demoCustomerRefs, writeDemoReceivables } from '../../main/demo/receivables';
import { createPromise } from '../../main/services/collections';
import { addDays } from '../../main/domain/dates';
import { startE2E, type E2E } from './support';

let e: E2E;

beforeAll(async () => {
  e = await startE2E({
    setup: async (desk) => {
      await insertDemoCustomers(desk.ctx, makeDemoCustomers(80, 3));
      const refs = demoCustomerRefs(desk.ctx);
      writeDemoReceivables(desk.ctx, refs, 1200, 3);
      const live = refs.filter((r) => r.lifecycle !== 'terminated' && r.lifecycle !== 'prospect');
      for (let i = 0; i < 30; i++) {
        const madeOn = addDays('2026-11-23', -10 - i);
        await createPromise(desk.ctx, {
          customerId: live[i].id,
          madeOn,
          promisedOn: addDays(madeOn, 5),
          amount: 100_000,
          form: 'verbal',
        });
      }
    },
  });
}, 180_000);
afterAll(async () => {
  await e?.close();
});

describe('collections KPIs on the receivables dashboard', () => {
  it('shows CEI, best-possible DSO, kept rate and the forecast chart, zh-CN and en', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/receivables`);
    await page.locator('[data-testid="collections-forecast"] .recharts-surface').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(800);
    const text = await page.locator('[data-testid="collections-kpis"]').innerText();
    expect(text).toContain('回款有效性指数');
    expect(text).toContain('承诺兑现率');
    expect(text).toMatch(/\d+\.\d%/);
    // 13 week bars at least (plus past-expected / later when not zero)
    expect(await page.locator('[data-testid="collections-forecast"] .recharts-bar-rectangle').count()).toBeGreaterThan(
      0,
    );
    await page.locator('[data-testid="collections-kpis"]').scrollIntoViewIfNeeded();
    await e.shot('collections-kpis-zh-1440');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(500);
    await e.shot('collections-kpis-zh-1280');
    await page.locator('[data-testid="lang-switch"]').getByText('EN').click();
    await page.getByText('Collection effectiveness (CEI)').waitFor();
    await page.waitForTimeout(500);
    await e.shot('collections-kpis-en-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.waitForTimeout(500);
    await e.shot('collections-kpis-en-1440');
  }, 120_000);
});
