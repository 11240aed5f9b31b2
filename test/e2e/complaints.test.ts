// Complaints as a user works them: record a complaint from the complaints page (with a bad
// reply-by date first: the message shows beside the field), assign the follow-up, resolve it,
// confirm the compensation as a claim credit note; the list's overdue highlight and filters;
// 留档分析; the customer card's tab. Screenshots zh-CN / en at 1440×900 and 1280×720.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { handlerCaller, startE2E, type E2E } from './support';
import { activeCustomer } from '../support/worked-example';

let e: E2E;
let customerId = 0;

async function seed(desk: Desk) {
  const ok = handlerCaller(desk);
  customerId = await activeCustomer(ok, 'C000123', { name: '华盛贸易有限公司' });
  const other = await activeCustomer(ok, 'C000200', { name: '东方建材有限公司' });
  await ok('invoices:create', { customerId, number: 'INV-1001', issueDate: '2026-10-08', amount: 1_280_000 });
  const base = { channel: 'phone', description: '送货延误三天，影响客户开工', severity: 'normal' };
  await ok('complaints:create', {
    customerId: other,
    ...base,
    receivedOn: '2026-11-02',
    type: 'transport',
    followUpBy: '李强',
  });
  const k = await ok('complaints:create', {
    customerId: other,
    ...base,
    receivedOn: '2026-10-15',
    type: 'service',
    responsibility: 'ours',
    resolution: 'apology',
    repliedOn: '2026-10-16',
    satisfaction: 4,
  });
  await ok('complaints:move', { id: k.id, to: 'resolved', date: '2026-10-20' });
  await ok('complaints:create', {
    customerId: other,
    ...base,
    receivedOn: '2026-09-03',
    type: 'product_quality',
    responsibility: 'supplier',
    resolution: 'replacement',
    supplierClaim: 350_000,
    supplierClaimStatus: 'claimed',
  });
}

beforeAll(async () => {
  e = await startE2E({ setup: seed });
});
afterAll(async () => {
  await e?.close();
});

async function setDate(testid: string, date: string) {
  const input = e.page.locator(`[data-testid="${testid}"] input, input[data-testid="${testid}"]`).first();
  await input.click();
  await input.press('Control+a');
  await input.fill(date);
  await input.press('Enter');
  await e.page.locator('.ant-drawer-title').click(); // closes the picker (Escape would close the drawer)
}

async function pick(testid: string, text: string) {
  await e.page.locator(`[data-testid="${testid}"]`).click();
  await e.page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
  await e.page.locator('.ant-drawer-title').click();
}

describe('complaints end to end', () => {
  it('records, assigns and resolves a complaint; compensation becomes a claim credit note', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/complaints`);
    await page.getByText('有章可循').waitFor();
    await page.getByText('及时处理').first().waitFor();
    await page.getByText('分清责任').first().waitFor();
    await page.getByText('留档分析').first().waitFor();
    // overdue reply highlighted (received 2026-11-02, reply by 11-05, today 11-23)
    await page.locator('tr.complaint-overdue').first().waitFor();
    expect(await page.locator('tr.complaint-overdue').count()).toBe(2);
    await e.shot('complaints-list-zh-1440');

    await page.locator('[data-testid="complaint-new"]').click();
    await page.locator('[data-testid="complaint-customer"]').click();
    await page.keyboard.type('hsmy');
    await page.locator('.ant-select-item-option').filter({ hasText: 'C000123 华盛贸易有限公司' }).click();
    await setDate('complaint-received-on', '2026-11-20');
    await pick('complaint-type', '商品质量');
    await page.locator('[data-testid="complaint-description"]').fill('第二批瓷砖有 30 箱破损');
    await pick('complaint-invoices', 'INV-1001');
    await page.locator('[data-testid="complaint-disputes"]').check();
    await page.locator('[data-testid="complaint-received-by"]').fill('王芳');
    await setDate('complaint-reply-by', '2026-11-10');
    await page.locator('[data-testid="complaint-save"]').click();
    // per-field message in Chinese beside the reply-by field; nothing saved
    await page.getByText('回复期限不能早于今天').waitFor();
    await e.shot('complaints-form-error-zh-1440');
    await setDate('complaint-reply-by', '2026-11-25');
    await page.locator('[data-testid="complaint-save"]').click();
    await page.locator('.ant-drawer').getByText('回复期限不能早于今天').waitFor({ state: 'detached' });
    await page.locator('tr').filter({ hasText: 'TS-000004' }).waitFor();

    // open it: assign the follow-up, record responsibility and compensation, resolve
    await page.locator('tr').filter({ hasText: 'TS-000004' }).click();
    await page.getByText('投诉记录卡 TS-000004').waitFor();
    await page.locator('[data-testid="complaint-follow-up-by"]').fill('李强');
    await page.locator('[data-testid="complaint-reply-person"]').fill('张经理');
    await pick('complaint-responsibility', '我方');
    await pick('complaint-resolution', '赔偿');
    await page.locator('[data-testid="complaint-compensation"]').fill('1,500.00');
    await page.locator('[data-testid="complaint-save"]').click();
    await page.getByText('确认赔偿并生成贷项').waitFor();
    await page.locator('[data-testid="complaint-confirm-claim"]').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.locator('[data-testid="complaint-credit-note"]').filter({ hasText: 'CN-TS-000004' }).waitFor();
    await page.locator('[data-testid="complaint-move-resolved"]').click();
    await page
      .locator('.ant-steps-item-finish, .ant-steps-item-process')
      .filter({ hasText: '已解决' })
      .first()
      .waitFor();
    await e.shot('complaints-drawer-zh-1440');
    await page.keyboard.press('Escape');

    const ok = handlerCaller(e.desk);
    const k = (await ok('complaints:list', { filter: { customerId } })).rows[0];
    expect(k).toMatchObject({
      number: 'TS-000004',
      status: 'resolved',
      followUpBy: '李强',
      replyPerson: '张经理',
      receivedBy: '王芳',
      responsibility: 'ours',
      compensation: 150000,
      creditNoteNumber: 'CN-TS-000004',
      disputesInvoices: true,
    });
    const ledger = await ok('ledger:customer', { customerId });
    expect(ledger.balance).toBe(1_130_000);
  }, 300_000);

  it('filters, analysis, customer tab; zh-CN and en at 1440×900 and 1280×720', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/complaints`);
    await page.reload(); // the first test leaves its complaint drawer open on this same URL
    await page.locator('[data-testid="filter-overdue"]').check();
    await page.getByText('共 2 件').waitFor();
    await page.locator('[data-testid="filter-overdue"]').uncheck();
    await page.getByText('共 4 件').waitFor();
    await page.getByRole('tab', { name: '留档分析' }).click();
    await page.locator('[data-testid="chart-type"]').waitFor();
    await e.shot('complaints-analysis-zh-1440');
    await page.setViewportSize({ width: 1280, height: 720 });
    await e.shot('complaints-analysis-zh-1280');
    await page.getByRole('tab', { name: '投诉记录' }).click();
    await e.shot('complaints-list-zh-1280');
    await page.goto(`${e.server.origin}/#/customers/${customerId}`);
    await page.getByRole('tab', { name: /投诉/ }).click();
    await page.locator('[data-testid="customer-complaints-table"]').getByText('TS-000004', { exact: true }).waitFor();
    await e.shot('complaints-customer-tab-zh-1280');

    // English
    await page.locator('[data-testid="lang-switch"]').getByText('EN').click();
    await page.goto(`${e.server.origin}/#/complaints`);
    await page.getByText('By the rules').waitFor({ timeout: 10_000 });
    // the rows, not the loading veil, and no hover left on the menu from the language switch
    await page.locator('tr').filter({ hasText: 'TS-000004' }).waitFor();
    await page.locator('.ant-spin-blur').waitFor({ state: 'detached' });
    await page.mouse.move(1200, 700);
    await e.shot('complaints-list-en-1280');
    await page.setViewportSize({ width: 1440, height: 900 });
    await e.shot('complaints-list-en-1440');
    await page.locator('tr').filter({ hasText: 'TS-000004' }).click();
    await page.getByText('Complaint record TS-000004').waitFor();
    await e.shot('complaints-drawer-en-1440');
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await page.locator('[data-testid="chart-type"]').waitFor();
    await e.shot('complaints-analysis-en-1440');
  }, 300_000);
});
