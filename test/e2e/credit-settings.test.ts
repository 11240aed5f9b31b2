// Credit, second pass, as users see it: the rating and class columns and filters in the customer
// list, the credit policy settings screen (weights not adding up to 100 get their message under
// the total and nothing is saved) and the printed 资信调查表 — zh-CN and en at 1440×900 and 1280×720.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { handlerCaller, SHOTS, startE2E, type E2E } from './support';

let e: E2E;
let investigationId = 0;
const VIEWS = [
  ['zh-CN', 1440, 900],
  ['zh-CN', 1280, 720],
  ['en', 1440, 900],
  ['en', 1280, 720],
] as const;

async function seed(desk: Desk) {
  const ok = handlerCaller(desk);
  await ok('operators:create', { name: '王主管', password: 'mgr-secret', role: 'credit_manager' });
  const approval = { name: '王主管', password: 'mgr-secret' };
  const plan = [
    ['C1', '华盛贸易有限公司', 85, 'B'],
    ['C2', '东方建材商行', 65, 'A'],
    ['C3', '新月五金店', 35, 'C'],
    ['C4', '远景装饰工程有限公司', null, null],
  ] as const;
  for (const [code, name, score, cls] of plan) {
    const c = await ok('customers:create', {
      code,
      name,
      kind: 'company',
      nature: 'ordinary_company',
      paymentTermsDays: 30,
      creditLimit: 5_000_000,
    });
    await ok('customers:approve-opening', { id: c.id, approvedBy: '王主管' });
    if (score !== null) {
      const s = {
        character: score,
        capacity: score,
        capital: score,
        collateral: score,
        conditions: score,
        continuity: score,
      };
      await ok('credit:rate', { customerId: c.id, ratedOn: '2026-10-01', scores: s, approval });
    }
    if (cls) await ok('credit:set-class', { customerId: c.id, creditClass: cls, setOn: '2026-10-01' });
    if (code === 'C1') {
      await ok('credit:set-terms', { customerId: c.id, terms: { discountBp: 200, discountDays: 10, netDays: 30 } });
      investigationId = (
        await ok('credit:investigate', {
          customerId: c.id,
          date: '2026-11-01',
          channel: 'bank',
          source: '工商银行城东支行',
          findings: '开户行反映近期资金紧张，多次推迟付款',
          attachments: ['银行询证函'],
          warningSigns: ['funds.cash_shortage', 'payment.postponed_dates'],
        })
      ).id;
    }
  }
}

beforeAll(async () => {
  e = await startE2E({ setup: seed });
}, 120_000);
afterAll(async () => {
  await e?.close();
});

/** antd's InputNumber puts the test id on the input itself or on its wrapper */
const numInput = (id: string) => `input[data-testid="${id}"], [data-testid="${id}"] input`;

async function view(locale: 'zh-CN' | 'en', w: number, h: number, hash: string) {
  await handlerCaller(e.desk)('app:set-locale', { locale });
  await e.page.setViewportSize({ width: w, height: h });
  await e.page.goto(`${e.server.origin}/#${hash}`);
  await e.page.reload();
}

describe('credit columns in the customer list', () => {
  it('shows rating and class on each row, filters by class, sorts by grade', async () => {
    const { page } = e;
    for (const [locale, w, h] of VIEWS) {
      await view(locale, w, h, '/customers');
      await page.locator('[data-testid="customer-row"]').first().waitFor();
      const header = await page.locator('.vt-head').innerText();
      expect(header).toContain(locale === 'en' ? 'Class' : '信用类别');
      const c1 = await page.locator('[data-testid="customer-row"][data-code="C1"]').innerText();
      expect(c1).toContain('AA');
      expect(c1.split('\n')).toContain('B');
      await e.shot(`credit-list-${locale}-${w}`);
      // filter: class A only
      await page.locator('[data-testid="filter-credit-class"]').click();
      await page
        .locator('.ant-select-item-option')
        .filter({ hasText: locale === 'en' ? 'Class A' : 'A 类' })
        .click();
      await page.keyboard.press('Escape');
      await expect.poll(() => page.locator('[data-testid="customer-row"]').count()).toBe(1);
      expect(await page.locator('[data-testid="customer-row"]').getAttribute('data-code')).toBe('C2');
      await e.shot(`credit-list-filtered-${locale}-${w}`);
      await page.locator('[data-testid="filter-credit-class"] .ant-select-clear').click({ force: true });
      await expect.poll(() => page.locator('[data-testid="customer-row"]').count()).toBe(4);
    }
    // sort by grade, best first
    await page.locator('[data-testid="sort-creditRating"]').click();
    await expect
      .poll(async () =>
        page.locator('[data-testid="customer-row"]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-code'))),
      )
      .toEqual(['C1', 'C2', 'C3', 'C4']);
  });
});

describe('credit policy settings screen', () => {
  it('weights not adding up to 100: the message stands under the total and nothing is saved', async () => {
    const { page } = e;
    const ok = handlerCaller(e.desk);
    const before = await ok('credit:settings', {});
    for (const [locale, w, h] of VIEWS) {
      await view(locale, w, h, '/credit/settings');
      await page.locator('[data-testid="credit-settings-weights"]').waitFor();
      await page.locator(numInput('weight-character')).fill('35');
      const sum = 100 - before.weights.character + 35;
      const msg =
        locale === 'en' ? `the six weights must add up to 100 (now ${sum})` : `六项权重之和必须为100（现为${sum}）`;
      await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts()).toContain(msg);
      expect(await page.locator('[data-testid="weights-sum"]').innerText()).toBe(`${sum} / 100`);
      await e.shot(`credit-settings-${locale}-${w}`);
      await page.locator('[data-testid="credit-settings-save"]').click();
      expect(await ok('credit:settings', {})).toEqual(before);
    }
    // a good change saves, audited
    // move 5 points from character to continuity: still 100
    await page.locator(numInput('weight-character')).fill(String(before.weights.character - 5));
    await page.locator(numInput('weight-continuity')).fill(String(before.weights.continuity + 5));
    await page.locator(numInput('max-days-owed')).fill('120');
    await page.locator('[data-testid="credit-settings-save"]').click();
    await expect.poll(async () => (await ok('credit:settings', {})).maxDaysOwed).toBe(120);
    expect((await ok('credit:settings', {})).weights).toMatchObject({
      character: before.weights.character - 5,
      continuity: before.weights.continuity + 5,
    });
    await page.locator('[data-testid="credit-settings-roles"]').scrollIntoViewIfNeeded();
    await e.shot('credit-settings-roles-en-1280');
  });
});

describe('printed credit investigation sheet', () => {
  it('prints the 资信调查表 with the ticked warning signs (screen and PDF)', async () => {
    const { page } = e;
    for (const [locale, w, h] of VIEWS) {
      const out = await handlerCaller(e.desk)('credit:investigation-sheet', { investigationId, lang: locale });
      await page.setViewportSize({ width: w, height: h });
      await page.goto(`${e.server.origin}/`);
      await page.setContent(out.html);
      await page.evaluate(() => document.fonts.ready);
      await e.shot(`credit-sheet-${locale}-${w}`);
      if (w === 1440) {
        const file = path.join(SHOTS, `credit-sheet-${locale}.pdf`);
        await page.pdf({ path: file, format: 'A4', printBackground: true });
        execFileSync('pdftoppm', ['-png', '-r', '60', file, path.join(SHOTS, `credit-sheet-${locale}-pdf`)]);
        const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
        expect(text).toContain(locale === 'en' ? 'Credit investigation sheet' : '资信调查表');
        expect(text).toMatch(locale === 'en' ? /☑\s*Cash shortage/ : /☑\s*现金短缺/);
        expect(fs.existsSync(file)).toBe(true);
      }
    }
  });
});
