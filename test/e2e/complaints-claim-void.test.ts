// Voiding a claim credit note from the customer ledger: the confirmation names the complaint
// (TS-…) and, with the box left ticked, voids the complaint's claim too. Today's worklist shows a
// customer's dispute instead of the ladder reminder. Screenshots zh-CN / en.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { handlerCaller, startE2E, type E2E } from './support';
import { activeCustomer } from '../support/worked-example';

let e: E2E;
let customerId = 0;
let complaintId = 0;

async function seed(desk: Desk) {
  const ok = handlerCaller(desk);
  customerId = await activeCustomer(ok, 'C000123', { name: '华盛贸易有限公司' });
  const inv = await ok('invoices:create', {
    customerId,
    number: 'INV-1001',
    issueDate: '2026-10-08',
    amount: 1_280_000,
  });
  const k = await ok('complaints:create', {
    customerId,
    receivedOn: '2026-11-02',
    channel: 'phone',
    type: 'product_quality',
    description: '部分商品受潮',
    severity: 'normal',
    invoiceIds: [inv.invoice.id],
    responsibility: 'ours',
    resolution: 'compensation',
    compensation: 30_000,
  });
  complaintId = k.id;
  await ok('complaints:confirm-claim', { id: k.id, date: '2026-11-05' });
  // an overdue customer in dispute: due 2026-10-24, 30 days overdue on 2026-11-23 (ladder step 2)
  const d = await activeCustomer(ok, 'C000300', { name: '东方建材有限公司' });
  const inv2 = await ok('invoices:create', {
    customerId: d,
    number: 'INV-2002',
    issueDate: '2026-09-24',
    amount: 560_000,
  });
  await ok('complaints:create', {
    customerId: d,
    receivedOn: '2026-11-10',
    channel: 'letter',
    type: 'sales_contract',
    description: '对合同单价有异议，暂缓付款',
    severity: 'normal',
    invoiceIds: [inv2.invoice.id],
    disputesInvoices: true,
  });
}

beforeAll(async () => {
  e = await startE2E({ setup: seed });
});
afterAll(async () => {
  await e?.close();
});

describe('claim credit note voided from the ledger', () => {
  it('names the complaint and voids its claim too', async () => {
    const { page } = e;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${e.server.origin}/#/customers/${customerId}?tab=receivables`);
    const row = page.locator('tr').filter({ hasText: 'CN-TS-000001' }).first();
    await row.waitFor();
    await row.locator('[data-testid="ar-void"]').click();
    const alert = page.locator('[data-testid="ar-void-claim"]');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('此贷项是客户投诉 TS-000001 的索赔（2026-11-05 确认）');
    expect(await alert.innerText()).toContain('同时作废投诉 TS-000001 的索赔');
    expect(await page.locator('[data-testid="ar-void-claim-too"]').isChecked()).toBe(true);
    await page.locator('[data-testid="ar-void-reason"]').fill('客户撤回索赔');
    await e.shot('complaints-claim-void-zh-CN-1440x900');
    await page.locator('[data-testid="ar-void-ok"]').click();
    await page.locator('[data-testid="ar-void-claim"]').waitFor({ state: 'detached' });
    const k = await handlerCaller(e.desk)('complaints:get', { id: complaintId });
    expect(k.claimVoidedAt).toBeTruthy();
    expect(k.creditNoteVoid).toBe(true);
  }, 120_000);

  it("today's worklist shows the dispute instead of the reminder", async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/collections/today`);
    const row = page.locator('.ant-table-row').filter({ hasText: 'C000300' }).first();
    await row.waitFor();
    expect(await row.innerText()).toContain('争议中：客户投诉 TS-000002，暂停催收');
    expect(await row.innerText()).not.toContain('今日达到第');
    await e.shot('complaints-worklist-dispute-zh-CN-1440x900');
    await page.locator('[data-testid="lang-switch"]').first().getByText('EN').click();
    await page.getByText('In dispute: complaint TS-000002, dunning paused').waitFor();
    await page.setViewportSize({ width: 1280, height: 720 });
    await e.shot('complaints-worklist-dispute-en-1280x720');
  }, 120_000);
});
