// Every screen renders in both languages without a page error; screenshots are kept under
// test-output/screenshots/screens-* for people to look at.
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
  customerId = (await seedWorkedExample(ok, 'C900001', { name: '华盛贸易有限公司' })).customerId;
  // a bad debt, written off and partly recovered, for the write-offs tab
  const bd = await ok('invoices:create', {
    customerId,
    number: 'C900001-BD-1',
    issueDate: '2025-05-06',
    amount: 100_000,
    overrideReason: '老客户',
  });
  const wo = await ok('write-offs:create', {
    invoiceId: bd.invoice.id,
    date: '2026-01-15',
    approvedBy: '张总',
    reason: '客户失联，经理批准核销',
  });
  await ok('write-offs:recover', {
    writeOffId: wo.id,
    date: '2026-03-10',
    amount: 30_000,
    method: 'bank_transfer',
    reference: 'BK-778',
  });
}

beforeAll(async () => {
  e = await startE2E({ setup: seed });
});
afterAll(async () => {
  await e?.close();
});

const ledgerTab = (page: Page) => page.getByRole('tab', { name: /应收总览|Receivables/ }).click();

/** name, route, element that shows it is ready, what to do before the picture */
const SCREENS: [string, string, string, ((page: Page) => Promise<unknown>)?][] = [
  ['customers', '/customers', '[data-testid="customer-row"]'],
  ['customer-card', '/customers/ID', '[data-testid="customer-name"]'],
  ['customer-ledger', '/customers/ID?tab=receivables', '[data-testid="customer-name"]', ledgerTab],
  [
    'customer-write-offs',
    '/customers/ID?tab=receivables',
    '[data-testid="customer-name"]',
    async (page) => {
      await ledgerTab(page);
      await page.getByRole('tab', { name: /坏账核销|Write-offs/ }).click();
    },
  ],
  [
    'customer-recovery',
    '/customers/ID?tab=receivables',
    '[data-testid="customer-name"]',
    async (page) => {
      await ledgerTab(page);
      await page.getByRole('tab', { name: /坏账核销|Write-offs/ }).click();
      await page.locator('[data-testid="ar-write-offs"] [data-testid="ar-recover"]').first().click();
    },
  ],
  ['receivables', '/receivables', '.recharts-surface'],
  ['entry', '/receivables/entry', '[data-testid="ar-entry"]'],
  [
    'entry-recovery',
    '/receivables/entry',
    '[data-testid="ar-entry"]',
    (page) => page.getByRole('tab', { name: /坏账收回|Recovery/ }).click(),
  ],
  ['ageing', '/receivables/ageing', '[data-testid="ageing-page"]'],
  ['statements', '/statements', '[data-testid="statement-customer"]'],
  ['statement-batch', '/statements/batch', 'h3'],
  ['confirmations', '/statements/confirmations', 'h3'],
  ['audit', '/audit', '[data-testid="audit-table"]'],
  ['backup', '/backup', '[data-testid="backup-page"]'],
  ['settings', '/settings', '[data-testid="settings-receivables"]'],
  [
    'settings-provision',
    '/settings',
    '[data-testid="ar-provision-matrix"]',
    (page) => page.locator('[data-testid="ar-provision-matrix"]').scrollIntoViewIfNeeded(),
  ],
];

/** The page's own heading (h1, or antd Title h3), per screen: [zh-CN, en]. */
const HEADINGS: Record<string, [string, string]> = {
  customers: ['客户档案', 'Customers'],
  'customer-card': ['华盛贸易有限公司', '华盛贸易有限公司'],
  'customer-ledger': ['华盛贸易有限公司', '华盛贸易有限公司'],
  'customer-write-offs': ['华盛贸易有限公司', '华盛贸易有限公司'],
  'customer-recovery': ['华盛贸易有限公司', '华盛贸易有限公司'],
  receivables: ['应收总览', 'Receivables'],
  entry: ['单据录入', 'Document entry'],
  'entry-recovery': ['单据录入', 'Document entry'],
  ageing: ['账龄分析', 'Ageing'],
  statements: ['对账单', 'Statements'],
  'statement-batch': ['批量打印对账单', 'Batch statements'],
  confirmations: ['对账回执', 'Confirmation slips'],
  audit: ['审计日志', 'Audit log'],
  backup: ['备份与恢复', 'Backup'],
  settings: ['设置', 'Settings'],
  'settings-provision': ['设置', 'Settings'],
};

/** Each screen shows its heading and no error alert (a screen showing an error fails). */
async function expectHealthy(page: Page, name: string, lang: 'zh' | 'en'): Promise<void> {
  const [zh, en] = HEADINGS[name];
  const heading = page.locator('main h1, main h3, h1, h3').filter({ hasText: lang === 'zh' ? zh : en });
  await heading.first().waitFor({ timeout: 10_000 });
  expect(await heading.count(), `${name} (${lang}) heading`).toBeGreaterThan(0);
  const errors = await page.locator('.ant-alert-error, .ant-result-error, .ant-result-500').allInnerTexts();
  expect(errors, `${name} (${lang}) shows an error`).toEqual([]);
}

describe('every screen, zh-CN and en', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`renders all screens (${lang})`, async () => {
      const { page } = e;
      if (lang === 'en') {
        await page.locator('[data-testid="lang-switch"]').first().getByText('EN').click();
        await page.getByText('Customers').first().waitFor();
      }
      for (const [name, route, ready, before] of SCREENS) {
        await page.goto(`${e.server.origin}/#${route.replace('ID', String(customerId))}`);
        await page.locator(ready).first().waitFor({ timeout: 20_000 });
        await before?.(page);
        await page.waitForTimeout(600);
        await expectHealthy(page, name, lang);
        await e.shot(`screens-${name}-${lang}`);
      }
    });
  }
});
