// Make-up working days (调休上班) in the visit settings, end to end: the saved list shows on the
// settings card and in the edit form, in zh-CN and en; the frequency editor's unit selector shows
// its whole label ("month(s)", not "mont…") at 1440×900 and 1280×720. Screenshots
// test-output/screenshots/visits-workdays-*.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { HUASHENG } from '../support/book';
import { eachLanguageAndSize, handlerCaller, startE2E, type E2E } from './support';

let e: E2E;

async function seed(desk: Desk) {
  const ok = handlerCaller(desk);
  const c = await ok('customers:create', { ...HUASHENG, code: 'C1', name: '华盛贸易有限公司' });
  await ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
  await ok('invoices:create', { customerId: c.id, number: 'A-1', issueDate: '2026-09-01', amount: 3_650_000 });
  await ok('analysis:recompute', {});
  await ok('visits:update-plan-settings', {
    holidays: ['2027-02-16', '2027-02-17', '2027-02-18'],
    workdays: ['2027-02-07', '2027-02-20'],
  });
}

beforeAll(async () => {
  e = await startE2E({ setup: seed });
}, 120_000);
afterAll(async () => {
  await e?.close();
});

describe('make-up working days in the visit settings', () => {
  it('listed on the card and in the form; the unit selector is not cut off — zh-CN and en, two sizes', async () => {
    const { page } = e;
    await eachLanguageAndSize(page, async (lang, w) => {
      await page.goto(`${e.server.origin}/#/visits`);
      await page.locator('[data-testid="visit-settings"]').scrollIntoViewIfNeeded();
      const card = page.locator('[data-testid="visit-workdays"]');
      await expect
        .poll(() => card.textContent())
        .toBe(lang === 'zh' ? '调休上班日 2027-02-07、2027-02-20' : 'Make-up working days 2027-02-07、2027-02-20');
      await page.waitForTimeout(200);
      await e.shot(`visits-workdays-settings-${lang}-${w}`);

      await page.locator('[data-testid="visit-settings-edit"]').click();
      const unit = page
        .locator(
          '[data-testid="freq-tiers.A.rep-unit"] .ant-select-content, [data-testid="freq-tiers.A.rep-unit"] .ant-select-selection-item',
        )
        .first();
      await unit.waitFor();
      expect(await unit.textContent()).toBe(lang === 'zh' ? '个月' : 'month(s)');
      // the whole label fits: nothing hidden behind an ellipsis
      expect(await unit.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await page.waitForTimeout(200);
      await e.shot(`visits-workdays-form-${lang}-${w}`);
      await page.locator('[data-testid="visit-workdays-picker"]').scrollIntoViewIfNeeded();
      expect(await page.locator('[data-testid="visit-workdays-picker"]').textContent()).toContain(
        lang === 'zh' ? '调休上班日' : 'Make-up working days',
      );
      await page.waitForTimeout(200);
      await e.shot(`visits-workdays-pickers-${lang}-${w}`);
      await page.keyboard.press('Escape');
      await page.locator('.ant-modal').waitFor({ state: 'hidden' });
    });
  }, 180_000);
});
