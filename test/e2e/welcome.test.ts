// First start on an empty book, as a new user meets it: the welcome page (set up my company's
// book, or open a demo book) and "what to do first", in zh-CN and en, at 1440×900 and 1280×720.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listOperators } from '../../main/services/operators';
import { getCompany } from '../../main/services/settings';
import { startE2E, type E2E } from './support';

let e: E2E | undefined;
afterEach(async () => {
  await e?.close();
  e = undefined;
});

async function shots(x: E2E, name: string) {
  await x.page.setViewportSize({ width: 1440, height: 900 });
  await x.shot(`${name}-1440`);
  await x.page.setViewportSize({ width: 1280, height: 720 });
  await x.shot(`${name}-1280`);
  await x.page.setViewportSize({ width: 1440, height: 900 });
}

describe('first start on an empty book', () => {
  it('offers to set up the company book and sets it up (zh-CN)', async () => {
    e = await startE2E();
    const { page, desk } = e;
    await page.locator('[data-testid="welcome"]').waitFor();
    await page.getByText('欢迎使用 CreditDesk 客户信用管理').waitFor();
    expect(await page.getByText('建立我的公司账套').isVisible()).toBe(true);
    expect(await page.getByText('打开演示账套看看').isVisible()).toBe(true);
    expect(await page.getByText('首先要做的事').isVisible()).toBe(true);
    const steps = page.locator('[data-testid="welcome-steps"] .ant-steps-item-title');
    expect(await steps.allInnerTexts()).toEqual(['1. 客户档案', '2. 应收发票', '3. 收款']);
    // each step has its import button right there
    for (const id of ['import-customers', 'ar-import-invoices', 'ar-import-receipts'])
      expect(await page.getByTestId(id).isVisible()).toBe(true);
    await shots(e, 'welcome-zh');

    // company name is required: nothing changes without it
    await page.locator('[data-testid="welcome-company"]').fill('');
    await page.locator('[data-testid="welcome-operator"]').fill('张会计');
    await page.locator('[data-testid="welcome-create"]').click();
    await page.getByText('必填').first().waitFor();
    expect((await listOperators(desk.ctx)).map((o) => o.name)).toEqual(['管理员']);

    await page.locator('[data-testid="welcome-company"]').fill('杭州明远机电有限公司');
    await page.locator('[data-testid="welcome-create"]').click();
    await page.getByText('账套已建立：杭州明远机电有限公司').waitFor();
    await expect.poll(() => page.locator('[data-testid="company-name"]').innerText()).toBe('杭州明远机电有限公司');
    expect((await getCompany(desk.ctx)).name).toBe('杭州明远机电有限公司');
    expect(await listOperators(desk.ctx)).toEqual([{ id: 1, name: '张会计', hasPassword: false, role: 'admin' }]);
    await shots(e, 'welcome-done-zh');
  }, 120_000);

  it('opens a demo book to look around, leaving the empty book alone (en)', async () => {
    e = await startE2E({ locale: 'en' });
    const { page, desk } = e;
    const empty = desk.ctx.book.path;
    await page.getByText('Welcome to CreditDesk').waitFor();
    expect(await page.getByText("Create my company's book").isVisible()).toBe(true);
    expect(await page.getByText('What to do first').isVisible()).toBe(true);
    await shots(e, 'welcome-en');
    await page.locator('[data-testid="welcome-open-demo"]').click();
    await page.locator('[data-testid="customer-row"]').first().waitFor({ timeout: 90_000 });
    expect(path.basename(desk.ctx.book.path)).toBe('demo.creditdesk');
    expect(desk.ctx.book.path).not.toBe(empty);
    const n = desk.ctx.book.sqlite
      .prepare('SELECT (SELECT count(*) FROM customers) AS c, (SELECT count(*) FROM invoices) AS i')
      .get() as {
      c: number;
      i: number;
    };
    expect(n).toEqual({ c: 300, i: 3000 });
    expect(await page.locator('[data-testid="company-name"]').innerText()).toBe('华盛商贸有限公司（演示）');
    await shots(e, 'welcome-demo-opened-en');
  }, 180_000);
});
