// Every screen renders in both languages without a page error; screenshots are kept under
// test-output/screenshots/screens-* for people to look at.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { seedWorkedExample } from '../support/worked-example';
import { handlerCaller, startE2E, type E2E } from './support';

let e: E2E;
let customerId = 0;

async function seed(desk: Desk) {
  await insertDemoCustomers(desk.ctx, makeDemoCustomers(40, 5));
  const ok = handlerCaller(desk);
  customerId = (await seedWorkedExample(ok, 'C900001', { name: '华盛贸易有限公司' })).customerId;
}

beforeAll(async () => {
  e = await startE2E({ setup: seed });
});
afterAll(async () => {
  await e?.close();
});

const SCREENS: [string, string, string][] = [
  ['customers', '/customers', '[data-testid="customer-row"]'],
  ['customer-card', '/customers/ID', '[data-testid="customer-name"]'],
  ['customer-ledger', '/customers/ID?tab=receivables', '[data-testid="customer-name"]'],
  ['receivables', '/receivables', '.recharts-surface'],
  ['entry', '/receivables/entry', '[data-testid="ar-entry"]'],
  ['ageing', '/receivables/ageing', '[data-testid="ageing-page"]'],
  ['statements', '/statements', '[data-testid="statement-customer"]'],
  ['statement-batch', '/statements/batch', 'h3'],
  ['confirmations', '/statements/confirmations', 'h3'],
  ['audit', '/audit', '[data-testid="audit-table"]'],
  ['backup', '/backup', '[data-testid="backup-page"]'],
  ['settings', '/settings', '[data-testid="settings-receivables"]'],
];

describe('every screen, zh-CN and en', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`renders all screens (${lang})`, async () => {
      const { page } = e;
      if (lang === 'en') {
        await page.locator('[data-testid="lang-switch"]').first().getByText('EN').click();
        await page.getByText('Customers').first().waitFor();
      }
      for (const [name, route, ready] of SCREENS) {
        await page.goto(`${e.server.origin}/#${route.replace('ID', String(customerId))}`);
        await page.locator(ready).first().waitFor({ timeout: 20_000 });
        if (name === 'customer-ledger') await page.getByRole('tab', { name: /应收总览|Receivables/ }).click();
        await page.waitForTimeout(600);
        await e.shot(`screens-${name}-${lang}`);
      }
    });
  }
});
