// The customer archive as a user sees it: real renderer in Chromium, real handlers, temp book.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { startE2E, type E2E } from './support';

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ setup: async (desk) => insertDemoCustomers(desk.ctx, makeDemoCustomers(60, 11)) });
});
afterAll(async () => {
  await e?.close();
});

describe('customer archive end to end', () => {
  it('shows the customer list in Chinese by default', async () => {
    const { page } = e;
    await page.locator('[data-testid="customer-row"]').first().waitFor();
    expect(await page.locator('[data-testid="company-name"]').innerText()).toBe('华盛商贸有限公司');
    await expect.poll(() => page.getByText('客户档案').first().isVisible()).toBe(true);
    expect(await page.locator('[data-testid="customer-row"]').first().getAttribute('data-code')).toBe('C000001');
    await e.shot('customers-list-zh');
  });

  it('refuses bad input with field errors, then creates the customer', async () => {
    const { page } = e;
    await page.locator('[data-testid="new-customer"]').click();
    await page.locator('[data-testid="field-code"]').fill('C900001');
    await page.locator('[data-testid="field-name"]').fill('华盛贸易有限公司');
    await page.locator('[data-testid="field-phone"]').fill('0571-88881234');
    await page.locator('[data-testid="field-email"]').fill('caiwu@');
    await page.locator('[data-testid="field-email"]').blur();
    await page.getByText('邮箱格式不正确').waitFor();
    await e.shot('customer-form-email-error-zh');
    await page.locator('[data-testid="field-email"]').fill('caiwu@huasheng.cn');
    await page.getByRole('tab', { name: '交易现状' }).click();
    await page.locator('[data-testid="field-creditLimit"]').fill('12.345');
    await page.locator('[data-testid="save-customer"]').first().click();
    await page.getByText('金额格式不正确（最多两位小数，如 1,234.56）').waitFor();
    await e.shot('customer-form-errors-zh');
    // nothing was saved
    expect(
      (
        e.desk.ctx.book.sqlite.prepare("SELECT count(*) AS n FROM customers WHERE code = 'C900001'").get() as {
          n: number;
        }
      ).n,
    ).toBe(0);

    await page.locator('[data-testid="field-creditLimit"]').fill('50,000.00');
    await page.locator('[data-testid="save-customer"]').first().click();
    await page.locator('[data-testid="customer-name"]').waitFor();
    expect(await page.locator('[data-testid="customer-name"]').innerText()).toBe('华盛贸易有限公司');
    const row = e.desk.ctx.book.sqlite
      .prepare("SELECT credit_limit, email, lifecycle FROM customers WHERE code = 'C900001'")
      .get();
    expect(row).toEqual({ credit_limit: 5_000_000, email: 'caiwu@huasheng.cn', lifecycle: 'prospect' });
    await e.shot('customer-card-zh');
  });

  it('finds the new customer by pinyin initials and full pinyin', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/customers`);
    const search = page.locator('[data-testid="customer-search"]');
    await search.fill('hsmy');
    await expect.poll(() => page.locator('[data-testid="customer-row"][data-code="C900001"]').count()).toBe(1);
    await e.shot('customers-search-hsmy');
    await search.fill('huasheng');
    await expect.poll(() => page.locator('[data-testid="customer-row"][data-code="C900001"]').count()).toBe(1);
    await search.fill('zzzzzz');
    await expect.poll(() => page.locator('[data-testid="customer-row"]').count()).toBe(0);
  });

  it('imports a customer file chosen on the list page', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/customers`);
    const csv = '\uFEFF编码,名称,类型,账期天数,信用额度\r\nC900777,杭州导入测试有限公司,公司,45,"12,345.67"\r\n';
    await page
      .locator('[data-testid="import-file"]')
      .setInputFiles({ name: '客户.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const done = page.locator('.ant-modal-confirm-success');
    await done.waitFor();
    expect(await done.innerText()).toContain('新建 1 个客户');
    expect(
      e.desk.ctx.book.sqlite.prepare("SELECT name, credit_limit AS lim FROM customers WHERE code = 'C900777'").get(),
    ).toEqual({ name: '杭州导入测试有限公司', lim: 1_234_567 });
    await page.waitForTimeout(400); // the dialog's opening animation, then close it for the next test
    await done.locator('.ant-modal-confirm-btns button').click();
    await done.waitFor({ state: 'hidden' });
  });

  it('edits the customer and shows the change in its history', async () => {
    const { page } = e;
    await page.locator('[data-testid="customer-search"]').fill('hsmy');
    await page.locator('[data-testid="customer-row"][data-code="C900001"]').click();
    await page.locator('[data-testid="edit-customer"]').click();
    await page.locator('[data-testid="field-phone"]').fill('0571-12345678');
    await page.locator('[data-testid="save-customer"]').first().click();
    await page.locator('[data-testid="customer-name"]').waitFor();
    expect(e.desk.ctx.book.sqlite.prepare("SELECT phone FROM customers WHERE code = 'C900001'").get()).toEqual({
      phone: '0571-12345678',
    });
    await page.getByRole('tab', { name: /历史|History/ }).click();
    await page.locator('[data-testid="customer-history"]').getByText('0571-12345678').first().waitFor();
    await e.shot('customer-history-zh');
  });

  it('switches the language to English and remembers it', async () => {
    const { page } = e;
    await page.locator('[data-testid="lang-switch"]').getByText('EN').click();
    await page.getByText('Customers').first().waitFor();
    await page.goto(`${e.server.origin}/#/customers`);
    await page.locator('[data-testid="customer-row"]').first().waitFor();
    expect(await page.getByRole('menuitem', { name: /Customers/ }).count()).toBeGreaterThan(0);
    expect(e.desk.readState().locale).toBe('en');
    await e.shot('customers-list-en');
    await page.locator('[data-testid="new-customer"]').click();
    await page.locator('[data-testid="field-email"]').fill('x@');
    await page.locator('[data-testid="field-email"]').blur();
    await page.getByText('Not a valid e-mail address').waitFor();
    await e.shot('customer-form-errors-en');
  });
});
