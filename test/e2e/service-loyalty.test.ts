// Service and loyalty (SPEC §7) as a user works with them: on the customer card's 服务与忠诚度 tab
// add a follow-up task (an empty title is refused under the field), mark it done, record a
// satisfaction score, edit it (a cleared score is refused under the field) and delete it after a
// confirmation — the average and the loyalty type by rule follow — set the loyalty type by hand; then the loyalty distribution on the 客户分析
// page. Screenshots zh-CN and en at 1440×900 and 1280×720 (test-output/screenshots/service-*).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { DEMO_EXTENSIONS } from '../../main/demo/extensions';
import { HUASHENG } from '../support/book';
import { eachLanguageAndSize, handlerCaller, startE2E, type E2E } from './support';

let e: E2E;
let steady = 0;

async function seed(desk: Desk) {
  const list = makeDemoCustomers(60, 7);
  await insertDemoCustomers(desk.ctx, list);
  for (const ext of DEMO_EXTENSIONS)
    await ext({ ctx: desk.ctx, customers: list.map((c) => c.code), invoices: 1_500, seed: 7 });
  const ok = handlerCaller(desk);
  const c = await ok('customers:create', {
    ...HUASHENG,
    code: 'S0001',
    name: '杭州恒信五金机电有限公司',
    creditLimit: 0, // no limit: twelve months of orders stay open in this book
  });
  await ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
  steady = c.id;
  // bought every month of the window (2025-11..2026-10 as of 2026-11-23)
  for (let i = 0; i < 12; i++) {
    const m = new Date(Date.UTC(2025, 10 + i, 12)).toISOString().slice(0, 10);
    await ok('invoices:create', { customerId: steady, number: `S1-${i}`, issueDate: m, amount: 1_250_000 });
  }
  await ok('service:add-satisfaction', {
    customerId: steady,
    surveyedOn: '2026-09-15',
    score: 5,
    channel: 'visit',
    note: '对交货及时性很满意',
  });
  await ok('service:create-task', {
    customerId: steady,
    title: '十月订单到货后电话回访',
    dueOn: '2026-11-10',
    assignee: '李娜',
  });
}

beforeAll(async () => {
  e = await startE2E({ setup: seed });
});
afterAll(async () => {
  await e?.close();
});

const sqlite = () => e.desk.ctx.book.sqlite;

describe('service and loyalty end to end', () => {
  it('card tab: task (refused, then saved and done), satisfaction, loyalty by hand; distribution on the analysis page', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/customers/${steady}`);
    await page.locator('.card-tabs').getByRole('tab', { name: '服务与忠诚度' }).click();
    await page.locator('[data-testid="customer-service"]').waitFor();
    expect(await page.locator('[data-testid="loyalty-type"]').textContent()).toBe('忠诚客户');
    await expect.poll(() => page.locator('[data-testid="service-tasks"]').textContent()).toContain('已逾期');

    // an empty title is refused under the field; nothing is written
    await page.locator('[data-testid="service-task-new"]').click();
    await page.locator('[data-testid="service-task-save"]').click();
    await page.locator('.ant-modal .ant-form-item-explain-error').first().waitFor();
    expect(await page.locator('.ant-modal .ant-form-item-explain-error').first().textContent()).toBe('必填');
    expect((sqlite().prepare('SELECT count(*) AS n FROM service_tasks').get() as { n: number }).n).toBe(1);
    await page.locator('[data-testid="service-task-title"]').fill('年底对账前上门拜访');
    await page.locator('[data-testid="service-task-save"]').click();
    await expect
      .poll(() => page.locator('[data-testid="service-tasks"]').textContent())
      .toContain('年底对账前上门拜访');
    const t = sqlite().prepare("SELECT due_on FROM service_tasks WHERE title = '年底对账前上门拜访'").get() as {
      due_on: string;
    };
    expect(t.due_on).toBe('2026-11-30'); // today + 7 days by default

    // mark the overdue one done
    const overdue = sqlite().prepare("SELECT id FROM service_tasks WHERE title LIKE '十月%'").get() as { id: number };
    await page.locator(`[data-testid="service-task-done-${overdue.id}"]`).click();
    await page.locator('[data-testid="service-task-result"]').fill('客户确认收货无误');
    await page.locator('[data-testid="service-task-done-save"]').click();
    await expect.poll(() => page.locator('[data-testid="service-tasks"]').textContent()).toContain('已完成 2026-11-23');

    // a satisfaction score of 4 by phone
    await page.locator('[data-testid="service-score-new"]').click();
    await page.locator('[data-testid="service-score-rate"] li').nth(3).click();
    await page.locator('[data-testid="service-score-save"]').click();
    await expect.poll(() => sqlite().prepare('SELECT count(*) AS n FROM satisfaction_records').get()).toEqual({ n: 2 });
    const last = sqlite()
      .prepare('SELECT surveyed_on, score, channel FROM satisfaction_records ORDER BY id DESC')
      .get();
    expect(last).toEqual({ surveyed_on: '2026-11-23', score: 4, channel: 'phone' });
    await e.shot('service-card-zh-1440');
    const loyaltyText = () => page.locator('[data-testid="service-loyalty"]').textContent();
    // (the window ends 2026-10-31: only the September score of 5 counts)
    await expect.poll(loyaltyText).toContain('平均满意度 5.00（1 次）');

    // edit it: the same form, prefilled; a cleared score is refused under its field, nothing changes
    const scored = sqlite().prepare("SELECT id FROM satisfaction_records WHERE surveyed_on = '2026-09-15'").get() as {
      id: number;
    };
    await page.locator(`[data-testid="service-score-edit-${scored.id}"]`).click();
    const modal = page.locator('.ant-modal').filter({ hasText: '修改满意度记录' });
    await modal.waitFor();
    expect(await modal.locator('[data-testid="service-score-rate"] .ant-rate-star-full').count()).toBe(5);
    expect(await modal.locator('.ant-select').textContent()).toBe('拜访');
    expect(await modal.locator('input').first().inputValue()).toBe('2026-09-15');
    expect(await modal.locator('textarea').inputValue()).toBe('对交货及时性很满意');
    await modal.locator('[data-testid="service-score-rate"] li').nth(4).click(); // clears the 5
    await page.locator('[data-testid="service-score-save"]').click();
    await modal.locator('.ant-form-item-explain-error').first().waitFor();
    expect(await modal.locator('.ant-form-item-explain-error').allTextContents()).toEqual(['超出允许范围']);
    await e.shot('service-score-refused-zh-1440');
    expect(sqlite().prepare('SELECT score FROM satisfaction_records WHERE id = ?').get(scored.id)).toEqual({
      score: 5,
    });
    // a 1 by phone: the average drops to 1.00 and the rule makes the customer brand-switching
    await modal.locator('[data-testid="service-score-rate"] li').nth(0).click();
    await modal.locator('.ant-select').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '电话' }).click();
    await modal.locator('textarea').fill('投诉后回访');
    await page.locator('[data-testid="service-score-save"]').click();
    await expect
      .poll(() => sqlite().prepare('SELECT score, channel, note FROM satisfaction_records WHERE id = ?').get(scored.id))
      .toEqual({ score: 1, channel: 'phone', note: '投诉后回访' });
    await expect.poll(loyaltyText).toContain('平均满意度 1.00（1 次）');
    await expect.poll(() => page.locator('[data-testid="loyalty-type"]').textContent()).toBe('品牌转换型');
    expect(await page.locator('[data-testid="service-scores"]').textContent()).toContain('投诉后回访');

    // delete it after a confirmation (cancelling first keeps it): no score in the window, loyal again
    await page.locator(`[data-testid="service-score-delete-${scored.id}"]`).click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('删除 2026-09-15 的满意度记录（1 分，电话）？');
    await confirm
      .getByRole('button', { name: '取 消' })
      .or(confirm.getByRole('button', { name: '取消' }))
      .click();
    await confirm.waitFor({ state: 'detached' });
    expect(sqlite().prepare('SELECT count(*) AS n FROM satisfaction_records').get()).toEqual({ n: 2 });
    await page.locator(`[data-testid="service-score-delete-${scored.id}"]`).click();
    await page.locator('[data-testid="service-score-delete-ok"]').click();
    await expect.poll(() => sqlite().prepare('SELECT count(*) AS n FROM satisfaction_records').get()).toEqual({ n: 1 });
    await expect.poll(loyaltyText).toContain('满意度评分 0');
    await expect.poll(() => page.locator('[data-testid="loyalty-type"]').textContent()).toBe('忠诚客户');
    expect(await page.locator('[data-testid="service-scores"]').textContent()).not.toContain('投诉后回访');
    const audit = sqlite()
      .prepare(
        "SELECT action, operator_name AS who FROM audit_log WHERE entity = 'satisfaction' AND entity_id = ? ORDER BY id",
      )
      .all(String(scored.id));
    expect(audit).toEqual([
      { action: 'create', who: expect.any(String) },
      { action: 'update', who: expect.any(String) },
      { action: 'delete', who: expect.any(String) },
    ]);

    // loyalty set by hand
    await page.locator('[data-testid="loyalty-choice"]').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '品牌转换型' }).click();
    await page.locator('[data-testid="loyalty-save"]').click();
    await expect.poll(() => page.locator('[data-testid="loyalty-type"]').textContent()).toBe('品牌转换型');

    // the distribution on the analysis page counts it (and the hand-set one)
    await page.goto(`${e.server.origin}/#/analysis`);
    const table = page.locator('[data-testid="loyalty-table"]');
    await table.locator('tbody tr').first().waitFor();
    const row = table.locator('tbody tr').filter({ hasText: '品牌转换型' });
    expect(Number(await row.locator('td').nth(3).textContent())).toBe(1);
    await page.locator('[data-testid="loyalty-chart"] .recharts-bar-rectangle').first().waitFor();

    // the audit log names the satisfaction edits and the delete in Chinese
    await page.goto(`${e.server.origin}/#/audit`);
    const rows = page.locator('[data-testid="audit-table"] tbody tr');
    await rows.filter({ hasText: '满意度记录' }).first().waitFor();
    expect(await rows.filter({ hasText: '满意度记录' }).filter({ hasText: '删除' }).count()).toBe(1);
    expect(await rows.filter({ hasText: '满意度记录' }).filter({ hasText: '修改' }).count()).toBe(1);
    expect(await page.locator('[data-testid="audit-table"]').textContent()).not.toMatch(/satisfaction|delete/);
  }, 240_000);

  it('screenshots: the card tab and the loyalty panel, zh-CN and en, 1440×900 and 1280×720', async () => {
    const { page } = e;
    await eachLanguageAndSize(page, async (lang, w) => {
      // (in English the tab row scrolls; the card opens on a tab named in the address)
      await page.goto(`${e.server.origin}/#/customers/${steady}?tab=service`);
      await page.locator('[data-testid="service-loyalty"]').scrollIntoViewIfNeeded();
      expect(await page.locator('.card-tabs .ant-tabs-tab-active').textContent()).toBe(
        lang === 'zh' ? '服务与忠诚度' : 'Service & loyalty',
      );
      await page.waitForTimeout(300);
      await e.shot(`service-card-${lang}-${w}`);
      // the edit form (prefilled) and the delete confirmation of the remaining record
      const rec = sqlite().prepare('SELECT id FROM satisfaction_records').get() as { id: number };
      await page.locator(`[data-testid="service-score-edit-${rec.id}"]`).click();
      await page.locator('[data-testid="service-score-save"]').waitFor();
      await page.waitForTimeout(300);
      await e.shot(`service-score-edit-${lang}-${w}`);
      await page.locator('.ant-modal-close').click();
      await page.locator('[data-testid="service-score-save"]').waitFor({ state: 'detached' });
      await page.locator(`[data-testid="service-score-delete-${rec.id}"]`).click();
      await page.locator('[data-testid="service-score-delete-ok"]').waitFor();
      await page.waitForTimeout(300);
      await e.shot(`service-score-delete-${lang}-${w}`);
      await page.keyboard.press('Escape');
      await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
      await page.goto(`${e.server.origin}/#/analysis`);
      await page.locator('[data-testid="loyalty-chart"] .recharts-bar-rectangle').first().waitFor();
      await page.locator('[data-testid="loyalty-panel"]').scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await e.shot(`service-loyalty-panel-${lang}-${w}`);
    });
  }, 240_000);
});
