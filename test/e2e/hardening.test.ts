// #15 in the browser: the ageing and audit exports are masked for confidential customers unless
// the "include confidential" switch is on and the confirmation accepted; and (#14) the complaints
// list in English at 1280×720 highlights its own nav item and shows its rows once loaded.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { handlerCaller, startE2E, type E2E } from './support';
import { activeCustomer } from '../support/worked-example';

let e: E2E;

async function seed(desk: Desk) {
  const ok = handlerCaller(desk);
  const secret = await activeCustomer(ok, 'C000777', {
    name: '机密客户有限公司',
    confidentiality: 'confidential',
    creditLimit: 7_654_321_00,
  });
  await ok('invoices:create', { customerId: secret, number: 'INV-777', issueDate: '2026-09-01', amount: 1_234_500 });
  const other = await activeCustomer(ok, 'C000200', { name: '东方建材有限公司' });
  for (const [i, type] of (['transport', 'service', 'product_quality'] as const).entries())
    await ok('complaints:create', {
      customerId: other,
      channel: 'phone',
      description: '送货延误三天，影响客户开工',
      severity: 'normal',
      receivedOn: `2026-11-0${i + 1}`,
      type,
    });
}

beforeAll(async () => {
  e = await startE2E({ setup: seed });
}, 120_000);
afterAll(async () => {
  await e?.close();
});

async function download(click: () => Promise<void>): Promise<string> {
  const [d] = await Promise.all([e.page.waitForEvent('download'), click()]);
  return fs.readFileSync((await d.path())!, 'utf8');
}

describe('include confidential on exports', () => {
  it('ageing CSV: masked by default; with the switch and the confirmation, the credit limit is in the file', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/receivables/ageing`);
    await page.getByText('C000777').first().waitFor();
    const masked = await download(() => page.locator('[data-testid="ageing-export-csv"]').click());
    expect(masked).toContain('C000777');
    expect(masked).not.toContain('7,654,321.00');
    expect(masked).not.toContain('7654321.00');
    await page.locator('[data-testid="ageing-include-sensitive"]').check();
    await e.shot('hardening-ageing-sensitive-zh-1440');
    await page.locator('[data-testid="ageing-export-csv"]').click();
    await page.locator('[data-testid="confirm-sensitive"]').waitFor();
    await expect(page.locator('.ant-modal-confirm').innerText()).resolves.toContain('导出机密与绝密客户的信用额度？');
    await e.shot('hardening-ageing-sensitive-confirm-zh-1440');
    const full = await download(() => page.locator('[data-testid="confirm-sensitive"]').click());
    expect(full).toMatch(/7,?654,?321\.00/);
  }, 120_000);

  it('audit export: the confirmation names the audit entries; the unmasked export is logged', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/audit`);
    await page.locator('[data-testid="audit-include-sensitive"]').check();
    await page.locator('[data-testid="audit-export-csv"]').click();
    await page.locator('[data-testid="confirm-sensitive"]').waitFor();
    await expect(page.locator('.ant-modal-confirm').innerText()).resolves.toContain(
      '导出机密与绝密客户的完整审计记录？',
    );
    const full = await download(() => page.locator('[data-testid="confirm-sensitive"]').click());
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 1280, height: 720 });
    // complaint entries read in Chinese: the card's labels and codes in words
    await page.locator('[data-testid="audit-table"]').getByText('商品质量').first().waitFor();
    await e.shot('hardening-audit-sensitive-zh-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(full).toContain('C000777');
    expect(full).toMatch(/7,?654,?321/);
  }, 120_000);
});

describe('complaints list, en 1280×720', () => {
  it('its own nav item is selected and the rows are shown, not the loading veil', async () => {
    const { page } = e;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.locator('[data-testid="lang-switch"]').getByText('EN').click();
    await page.goto(`${e.server.origin}/#/complaints`);
    await page.getByText('By the rules').waitFor({ timeout: 10_000 });
    await page.locator('tr').filter({ hasText: 'C000200' }).first().waitFor();
    await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
    await page.mouse.move(1200, 700); // no hover highlight on the menu
    await e.shot('hardening-complaints-list-en-1280');
    const selected = page.locator('.ant-layout-sider .ant-menu-item-selected');
    await expect(selected.count()).resolves.toBe(1);
    await expect(selected.innerText()).resolves.toBe('Complaints');
    await expect(selected.isVisible()).resolves.toBe(true);
  }, 120_000);
});
