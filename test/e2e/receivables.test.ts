// Receivables as a user sees them: the SPEC worked example in the ageing report (to the fen),
// drill-down, tie-out, the dashboard, and entering a receipt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { handlerCaller, startE2E, type E2E } from './support';
import { seedWorkedExample } from '../support/worked-example';

let e: E2E;

async function seedBook(desk: Desk) {
  const ok = handlerCaller(desk);
  await seedWorkedExample(ok, 'C1', { name: '华盛贸易有限公司', creditLimit: 500_000, contacts: [] });
  // a second customer, overdue today, so the dashboard has something to chart
  const d = await ok('customers:create', { code: 'C2', name: '东方红五金店', kind: 'company', nature: 'trade_partner', paymentTermsDays: 30, creditLimit: 1_000_000 });
  await ok('customers:approve-opening', { id: d.id, approvedBy: '张总' });
  await ok('invoices:create', { customerId: d.id, number: 'INV-9', issueDate: '2026-09-01', amount: 456_789 });
}

beforeAll(async () => {
  e = await startE2E({ setup: seedBook });
});
afterAll(async () => {
  await e?.close();
});

async function setAsOf(date: string) {
  const input = e.page.locator('[data-testid="ageing-asof"] input, input[data-testid="ageing-asof"]').first();
  await input.click();
  await input.press('Control+a');
  await input.fill(date);
  await input.press('Enter');
  await e.page.keyboard.press('Escape');
}

const cell = (col: string) => e.page.locator(`[data-testid="ageing-row"][data-code="C1"] [data-col="${col}"]`).innerText();

describe('receivables end to end', () => {
  it('shows the worked example ageing as of 2026-05-31 to the fen', async () => {
    await e.page.goto(`${e.server.origin}/#/receivables/ageing`);
    await e.page.locator('[data-testid="ageing-page"]').waitFor();
    await setAsOf('2026-05-31');
    await expect.poll(() => cell('due:1-30'), { timeout: 15_000 }).toContain('300.00');
    expect(await cell('due:61-90')).toContain('2,300.00');
    expect(await cell('total')).toContain('2,600.00');
    expect(await e.page.locator('[data-testid="ageing-total"] [data-col="total"]').innerText()).toContain('2,600.00');
    await e.shot('ageing-2026-05-31-zh');
  });

  it('ages as of 2026-06-30 to an unapplied credit of −400.00 and ties out', async () => {
    await setAsOf('2026-06-30');
    await expect.poll(() => cell('unapplied'), { timeout: 15_000 }).toMatch(/-\s*¥?400\.00/);
    expect(await cell('total')).toMatch(/-\s*¥?400\.00/);
    await expect.poll(() => e.page.locator('[data-testid="ageing-tieout-diff"]').innerText()).toMatch(/0\.00/);
    await e.shot('ageing-2026-06-30-zh');
  });

  it('drills down from a bucket to the open invoices behind it', async () => {
    await setAsOf('2026-05-31');
    await expect.poll(() => cell('due:61-90'), { timeout: 15_000 }).toContain('2,300.00');
    await e.page.locator('[data-testid="ageing-row"][data-code="C1"] [data-col="due:61-90"]').click();
    const drawer = e.page.locator('[data-testid="ageing-drilldown"]');
    await drawer.getByText('INV-2').waitFor();
    expect(await drawer.innerText()).toContain('2,300.00');
    await e.shot('ageing-drilldown-zh');
    await e.page.keyboard.press('Escape');
  });

  it('draws the dashboard with its charts', async () => {
    await e.page.goto(`${e.server.origin}/#/receivables`);
    await e.page.locator('.recharts-surface').first().waitFor({ timeout: 15_000 });
    await e.page.waitForTimeout(1500);
    await e.shot('receivables-dashboard-zh');
    expect(await e.page.locator('.recharts-surface').count()).toBeGreaterThan(1);
    await e.page.locator('[data-testid="lang-switch"]').getByText('EN').click();
    await e.page.getByText('Receivables').first().waitFor();
    await e.page.waitForTimeout(500);
    await e.shot('receivables-dashboard-en');
    await e.page.goto(`${e.server.origin}/#/receivables/ageing`);
    await setAsOf('2026-05-31');
    await expect.poll(() => cell('total'), { timeout: 15_000 }).toContain('2,600.00');
    await e.shot('ageing-2026-05-31-en');
  });

  it('enters a receipt by keyboard and shows how it was applied', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/receivables/entry`);
    await page.getByRole('tab', { name: /收款|Receipt/ }).click();
    await page.locator('[data-testid="ar-receipt-customer"]').click();
    await page.keyboard.type('C2');
    await page.locator('.ant-select-item-option').filter({ hasText: 'C2 东方红五金店' }).click();
    await page.locator('[data-testid="ar-receipt-amount"]').fill('1,000.00');
    await page.locator('[data-testid="ar-receipt-save"]').click();
    const result = page.locator('[data-testid="ar-receipt-result"]');
    await result.waitFor();
    expect(await page.locator('[data-testid="ar-receipt-allocations"]').innerText()).toMatch(/INV-9[\s\S]*1,000\.00/);
    const row = e.desk.ctx.book.sqlite.prepare("SELECT open_amount FROM invoices WHERE number = 'INV-9'").get();
    expect(row).toEqual({ open_amount: 356_789 });
    await e.shot('ar-entry-receipt');
    // a bad amount is refused on the field and nothing is saved
    await page.locator('[data-testid="ar-receipt-customer"]').click();
    await page.keyboard.type('C2');
    await page.locator('.ant-select-item-option').filter({ hasText: 'C2 东方红五金店' }).click();
    await page.locator('[data-testid="ar-receipt-amount"]').fill('12.345');
    await page.locator('[data-testid="ar-receipt-save"]').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    expect((e.desk.ctx.book.sqlite.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number }).n).toBe(4);
  });
});
