// Visit plans and the evaluation sheet as a user works with them: plan the month on 拜访计划,
// mark a visit done, see a prospect's grade and visits on the card, fill in and save the
// 客户综合评价表 and open its A4 print preview. Screenshots zh-CN and en at 1440×900 and 1280×720
// (test-output/screenshots/visits-*, evaluation-*).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { HUASHENG } from '../support/book';
import { eachLanguageAndSize, handlerCaller, startE2E, type E2E } from './support';

let e: E2E;
const ids: Record<string, number> = {};

async function seed(desk: Desk) {
  const ok = handlerCaller(desk);
  const names: Record<string, string> = { C1: '华盛贸易有限公司', C2: '东方建材商行', C3: '李记五金店' };
  for (const code of ['C1', 'C2', 'C3']) {
    const c = await ok('customers:create', { ...HUASHENG, code, name: names[code] });
    await ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
    ids[code] = c.id;
  }
  ids.P1 = (await ok('customers:create', { ...HUASHENG, code: 'P1', name: '新华装饰工程公司', prospectGrade: 'A' })).id;
  const inv = (c: string, number: string, issueDate: string, amount: number) =>
    ok('invoices:create', { customerId: ids[c], number, issueDate, amount });
  await inv('C1', 'A-1', '2026-08-01', 3_650_000);
  await inv('C1', 'A-2', '2026-09-12', 1_000_000);
  await inv('C2', 'B-1', '2026-09-05', 1_000_000);
  await inv('C3', 'C-1', '2026-10-05', 350_000);
  await ok('analysis:recompute', {});
  // public holidays: planned visits move off them (shown in the settings card)
  await ok('visits:update-plan-settings', { holidays: ['2026-12-24', '2026-12-25', '2027-01-01'] });
  await ok('visits:generate', { month: '2026-11' });
  await ok('visits:generate', { month: '2026-12' });
}

beforeAll(async () => {
  e = await startE2E({ setup: seed });
}, 120_000);
afterAll(async () => {
  await e?.close();
});

describe('visit plans and the evaluation sheet end to end', () => {
  it('plans, marks a visit done, evaluates and prints — zh-CN and en, two sizes', async () => {
    const { page } = e;
    // 拜访计划: this month's visits from today on, with status
    await page.goto(`${e.server.origin}/#/visits`);
    await page.locator('[data-testid="visits-table"] tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('[data-testid="visit-counts"]').textContent()).toMatch(/已拜访 0 · 未拜访 0/);
    const firstRow = page.locator('[data-testid="visits-table"] tbody tr.ant-table-row').first();
    await firstRow.getByRole('button', { name: '记为已拜访' }).click();
    await page.locator('[data-testid="visit-visited-by"]').fill('王芳');
    await page
      .locator('.ant-modal-footer')
      .getByRole('button', { name: /保\s*存/ })
      .click();
    await page.locator('[data-testid="visits-table"] [data-testid="visit-status-done"]').first().waitFor();
    expect(await page.locator('[data-testid="visit-counts"]').textContent()).toMatch(/已拜访 1/);

    // a prospect's card: grade, readiness, expected purchase and weekly visits
    await page.goto(`${e.server.origin}/#/customers/${ids.P1}?tab=visits`);
    await page.reload(); // the card keeps its tab across customers: open it fresh
    await page.locator('[data-testid="prospect-visit-plan"]').waitFor();
    expect(await page.locator('[data-testid="prospect-visit-plan"]').textContent()).toContain(
      '准客户等级 A：完全具备购买条件；预计购买：本月内；拜访频率：每周1次',
    );

    // the evaluation sheet: figures from the book, words typed, saved, printed
    await page.goto(`${e.server.origin}/#/customers/${ids.C1}?tab=evaluation`);
    await page.reload(); // the card keeps its tab across customers: open it fresh
    await page.locator('[data-testid="evaluation-sheet"]').waitFor();
    await expect.poll(() => page.locator('[data-testid="evaluation-sheet"]').textContent()).toContain('77.50%');
    await page.locator('[data-testid="eval-order_size-comment"]').fill('订货量稳定，季度末集中');
    await page.locator('[data-testid="eval-payment_delays-problem"]').fill('八月发票逾期未付');
    await page.locator('[data-testid="eval-payment_delays-improvement"]').fill('月初电话提醒，第二周上门');
    await page.locator('[data-testid="eval-selling-cost"]').fill('1,200');
    await page.locator('[data-testid="eval-summary"]').fill('重点客户，维持信用额度，加强回款跟进。');
    await page.locator('[data-testid="eval-save"]').click();
    await page.locator('[data-testid="evaluation-history"] tbody tr.ant-table-row').first().waitFor();

    await eachLanguageAndSize(page, async (lang, w) => {
      await page.goto(`${e.server.origin}/#/visits`);
      await page.locator('[data-testid="visits-table"] tbody tr.ant-table-row').first().waitFor();
      await page.waitForTimeout(300);
      await e.shot(`visits-page-${lang}-${w}`);
      await page.locator('[data-testid="visit-settings"]').scrollIntoViewIfNeeded();
      await page.waitForTimeout(200);
      await e.shot(`visits-settings-${lang}-${w}`);
      expect(await page.locator('[data-testid="visit-holidays"]').textContent()).toContain('2026-12-25');
      await page.locator('[data-testid="visit-settings-edit"]').click();
      await page.locator('[data-testid="visit-holidays-picker"]').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await e.shot(`visits-holidays-edit-${lang}-${w}`);
      await page.keyboard.press('Escape');

      await page.goto(`${e.server.origin}/#/customers/${ids.C1}?tab=evaluation`);
      await page.reload(); // the card keeps its tab across customers: open it fresh
      await page.locator('[data-testid="evaluation-history"] tbody tr.ant-table-row').first().waitFor();
      await expect.poll(() => page.locator('[data-testid="evaluation-sheet"]').textContent()).toContain('77.50%');
      await page.waitForTimeout(300);
      await e.shot(`evaluation-tab-${lang}-${w}`);
      await page.locator('[data-testid="evaluation-history"] tbody tr.ant-table-row button').first().click();
      const frame = page.frameLocator('[data-testid="eval-preview"]');
      await frame.getByText(lang === 'zh' ? '客户综合评价表' : 'Customer evaluation sheet').waitFor();
      await frame.getByText('月初电话提醒，第二周上门').waitFor();
      await page.waitForTimeout(500);
      await e.shot(`evaluation-print-${lang}-${w}`);
      await page.keyboard.press('Escape');

      await page.goto(`${e.server.origin}/#/customers/${ids.P1}?tab=visits`);
      await page.reload(); // the card keeps its tab across customers: open it fresh
      await page.locator('[data-testid="prospect-visit-plan"]').waitFor();
      await page.waitForTimeout(300);
      await e.shot(`visits-card-${lang}-${w}`);

      await page.goto(`${e.server.origin}/#/collections/calendar`);
      await page.locator('.fc-event').first().waitFor();
      await page.waitForTimeout(300);
      await e.shot(`visits-calendar-${lang}-${w}`);
    });
    expect(await page.locator('.fc-event').filter({ hasText: 'Visit' }).first().textContent()).toMatch(/Planned|Done/);
  }, 600_000);
});
