// Credit management as users see it: a bookkeeper's over-limit invoice is refused, then saved
// with a credit manager's name + password (logged); a viewer cannot write; the credit tab and
// the credit overview in zh-CN and en at 1440×900 and 1280×720.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Desk } from '../../main/app/desk';
import { handlerCaller, startE2E, type E2E } from './support';

let e: E2E;
let cid = 0;
const opId: Record<string, number> = {};

async function seed(desk: Desk) {
  const ok = handlerCaller(desk);
  for (const [name, password, role] of [
    ['王主管', 'mgr-secret', 'credit_manager'],
    ['李会计', 'bk-secret', 'bookkeeper'],
    ['赵只读', 'v-secret', 'viewer'],
  ] as const) {
    opId[name] = (await ok('operators:create', { name, password, role })).id;
  }
  const c = await ok('customers:create', {
    code: 'C1',
    name: '华盛贸易有限公司',
    kind: 'company',
    nature: 'ordinary_company',
    paymentTermsDays: 30,
    creditLimit: 100_000,
  });
  await ok('customers:approve-opening', { id: c.id, approvedBy: '王主管' });
  cid = c.id;
  const approval = { name: '王主管', password: 'mgr-secret' };
  await ok('invoices:create', { customerId: c.id, number: 'INV-1', issueDate: '2026-08-01', amount: 80_000 });
  await ok('credit:rate', {
    customerId: c.id,
    ratedOn: '2026-10-01',
    scores: { character: 90, capacity: 85, capital: 80, collateral: 70, conditions: 80, continuity: 90 },
    note: '年度评级',
    approval,
  });
  await ok('credit:set-class', { customerId: c.id, creditClass: 'B', setOn: '2026-10-01' });
  await ok('credit:investigate', {
    customerId: c.id,
    date: '2026-11-01',
    channel: 'bank',
    findings: '开户行反映近期资金紧张，多次推迟付款',
    attachments: ['银行询证函'],
    warningSigns: ['funds.cash_shortage', 'payment.postponed_dates'],
  });
  await ok('credit:add-countermeasure', {
    customerId: c.id,
    action: 'guarantor',
    status: 'planned',
    dueDate: '2026-12-15',
    detail: '法人个人担保',
  });
  await ok('credit:set-terms', { customerId: c.id, terms: { discountBp: 200, discountDays: 10, netDays: 30 } });
  // more customers for the overview charts
  for (let i = 2; i <= 6; i++) {
    const d = await ok('customers:create', {
      code: `C${i}`,
      name: `客户${i}号商行`,
      kind: 'company',
      nature: 'ordinary_company',
      paymentTermsDays: 30,
      creditLimit: 50_000 * i,
    });
    await ok('customers:approve-opening', { id: d.id, approvedBy: '王主管' });
    await ok('invoices:create', {
      customerId: d.id,
      number: `N-${i}`,
      issueDate: '2026-10-15',
      amount: 12_000 * i * i > 50_000 * i ? 49_000 * i : 12_000 * i * i,
    });
    await ok('credit:rate', {
      customerId: d.id,
      ratedOn: '2026-10-01',
      scores: {
        character: 40 + i * 8,
        capacity: 50 + i * 5,
        capital: 60,
        collateral: 50,
        conditions: 60,
        continuity: 50 + i * 6,
      },
      approval,
    });
    await ok('credit:set-class', {
      customerId: d.id,
      creditClass: (['A', 'B', 'C'] as const)[i % 3],
      setOn: '2026-09-01',
    });
  }
  await ok('operators:login', { id: opId['李会计'], password: 'bk-secret' });
}

beforeAll(async () => {
  e = await startE2E({ setup: seed });
}, 120_000);
afterAll(async () => {
  await e?.close();
});

async function switchTo(name: string, password: string) {
  await handlerCaller(e.desk)('operators:login', { id: opId[name], password });
  await e.page.reload();
  await e.page.locator('[data-testid="company-name"]').waitFor();
}

async function setLocale(locale: 'zh-CN' | 'en') {
  await handlerCaller(e.desk)('app:set-locale', { locale });
  await e.page.evaluate(() => sessionStorage.getItem('x'));
}

describe('credit management end to end', () => {
  it("refuses a bookkeeper's over-limit invoice; a credit manager's name + password approves it; logged", async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/receivables/entry`);
    await page.locator('[data-testid="ar-customer"]').click();
    await page.keyboard.type('C1');
    await page.locator('.ant-select-item-option').filter({ hasText: 'C1 华盛贸易有限公司' }).click();
    await page.locator('[data-testid="ar-number"]').fill('INV-2');
    await page.locator('[data-testid="ar-amount"]').fill('500.00');
    await page.locator('[data-testid="ar-save"]').click();
    await page.locator('[data-testid="ar-credit-block"]').waitFor();
    // one verdict: the status tag above agrees with the red panel
    const facts = page.locator('[data-testid="ar-customer-facts"]');
    await expect.poll(() => facts.locator('.ant-tag-red').count()).toBe(1);
    expect(await facts.locator('.ant-tag-green').count()).toBe(0);
    await page.locator('[data-testid="ar-override"]').fill('老客户，月底回款');
    await page.locator('[data-testid="ar-save"]').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('需要信用主管审批');
    await page.locator('[data-testid="approval-name"]').fill('王主管');
    await page.locator('[data-testid="approval-password"]').fill('wrong');
    await page.locator('[data-testid="ar-save"]').click();
    await expect.poll(() => page.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('密码错误');
    expect(
      (
        e.desk.ctx.book.sqlite.prepare("SELECT count(*) AS n FROM invoices WHERE number = 'INV-2'").get() as {
          n: number;
        }
      ).n,
    ).toBe(0);
    await e.shot('credit-invoice-approval-zh-1440');
    await page.locator('[data-testid="approval-password"]').fill('mgr-secret');
    await page.locator('[data-testid="ar-save"]').click();
    await expect
      .poll(
        () =>
          (
            e.desk.ctx.book.sqlite.prepare("SELECT count(*) AS n FROM invoices WHERE number = 'INV-2'").get() as {
              n: number;
            }
          ).n,
      )
      .toBe(1);
    const log = e.desk.ctx.book.sqlite
      .prepare(
        "SELECT operator_name, note, after FROM audit_log WHERE action = 'credit-override' AND entity_id = 'INV-2'",
      )
      .get() as { operator_name: string; note: string; after: string };
    expect(log.operator_name).toBe('李会计');
    expect(log.note).toBe('老客户，月底回款');
    expect(JSON.parse(log.after)).toMatchObject({ approvedBy: '王主管', status: 'block' });
    const refused = e.desk.ctx.book.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'approval-refused'")
      .get() as { n: number };
    expect(refused.n).toBe(1);
  });

  it('shows the credit tab (zh-CN, en; 1440×900 and 1280×720)', async () => {
    const { page } = e;
    await switchTo('王主管', 'mgr-secret');
    for (const [locale, w, h] of [
      ['zh-CN', 1440, 900],
      ['zh-CN', 1280, 720],
      ['en', 1440, 900],
      ['en', 1280, 720],
    ] as const) {
      await setLocale(locale);
      await page.setViewportSize({ width: w, height: h });
      // the header shows the recent warning signs on every tab, the overview included
      await page.goto(`${e.server.origin}/#/customers/${cid}`);
      await page.reload();
      await page.locator('[data-testid="customer-card"] [data-testid="credit-warnings"]').waitFor({ timeout: 15_000 });
      await page.goto(`${e.server.origin}/#/customers/${cid}?tab=credit`);
      await page.reload();
      await page.locator('[data-testid="credit-position"]').waitFor();
      expect(await page.locator('[data-testid="credit-warnings"]').innerText()).toContain(
        locale === 'en' ? 'Cash shortage' : '现金短缺',
      );
      await e.shot(`credit-tab-${locale}-${w}`);
      await page.locator('[data-testid="credit-worksheet"]').scrollIntoViewIfNeeded();
      await e.shot(`credit-worksheet-${locale}-${w}`);
      await page.goto(`${e.server.origin}/#/credit`);
      await page.locator('[data-testid="credit-grade-chart"] .recharts-bar-rectangle').first().waitFor();
      // a running back-test as the page shows it (the real run on this small book ends at once):
      // the start and progress answers held at 42 % for the picture, then the real run
      const running = {
        ok: true,
        data: { state: 'running', asOf: '2026-11-23', done: 21, total: 50, customers: 2, result: null, error: null },
      };
      const hold = (route: import('playwright-core').Route) => route.fulfill({ json: running });
      await page.route('**/ipc/credit%3Abacktest-start', hold);
      await page.route('**/ipc/credit%3Abacktest-progress', hold);
      await page.locator('[data-testid="credit-backtest-run"]').click();
      await page.locator('[data-testid="credit-backtest-cancel"]').waitFor();
      await page.locator('[data-testid="credit-backtest-progress"]').scrollIntoViewIfNeeded();
      expect(await page.locator('[data-testid="credit-backtest-progress"]').innerText()).toContain(
        locale === 'en' ? '2 graded customers checked (42 %)' : '已检查 2 位有等级的客户（42%）',
      );
      await e.shot(`credit-backtest-running-${locale}-${w}`);
      await page.unroute('**/ipc/credit%3Abacktest-start');
      await page.unroute('**/ipc/credit%3Abacktest-progress');
      await page.reload();
      await page.locator('[data-testid="credit-grade-chart"] .recharts-bar-rectangle').first().waitFor();
      await page.locator('[data-testid="credit-backtest-run"]').click();
      await page.locator('[data-testid="credit-backtest"]').waitFor();
      await page.locator('[data-testid="credit-backtest-progress"][data-state="done"]').waitFor();
      expect(await page.locator('[data-testid="credit-backtest"]').innerText()).toContain(
        locale === 'en' ? '> 60 days overdue' : '逾期超60天',
      );
      await e.shot(`credit-overview-${locale}-${w}`);
      await page.locator('[data-testid="credit-backtest"]').scrollIntoViewIfNeeded();
      await e.shot(`credit-backtest-done-${locale}-${w}`);
    }
    await setLocale('zh-CN');
    await page.setViewportSize({ width: 1440, height: 900 });
  }, 400_000); // four locale × size passes of three screens each

  it('the worksheet flags a negative figure on its field and changes nothing', async () => {
    const { page } = e;
    await page.goto(`${e.server.origin}/#/customers/${cid}?tab=credit`);
    await page.reload();
    await page.locator('[data-testid="ws-netAsset-totalAssets"]').fill('1,000,000.00');
    await page.locator('[data-testid="ws-netAsset-totalLiabilities"]').fill('-5.00');
    await page.locator('[data-testid="ws-netAsset-suppliers"]').fill('4');
    await page.locator('[data-testid="ws-sales-monthlyPurchases"]').fill('200,000.00');
    await page.locator('[data-testid="ws-sales-supplyShareBp"]').fill('30');
    await page.locator('[data-testid="ws-sales-creditPeriodMonths"]').fill('1.5');
    await page.locator('[data-testid="ws-compute"]').click();
    await expect
      .poll(() => page.locator('[data-testid="credit-worksheet"] .ant-form-item-explain-error').allInnerTexts())
      .toContain('不能为负数');
    expect(await page.locator('[data-testid="credit-worksheet"]').innerText()).toContain('90,000.00');
    await e.shot('credit-worksheet-error-zh-1440');
  });

  it('a viewer cannot write: no forms on the credit tab, and a write sent anyway is refused, nothing added', async () => {
    const { page } = e;
    await switchTo('赵只读', 'v-secret');
    await page.goto(`${e.server.origin}/#/customers/${cid}?tab=credit`);
    await page.reload();
    await page.locator('[data-testid="credit-position"]').waitFor();
    expect(await page.locator('[data-testid="credit-rate-save"]').count()).toBe(0);
    expect(await page.locator('[data-testid="decision-save"]').count()).toBe(0);
    const before = (e.desk.ctx.book.sqlite.prepare('SELECT count(*) AS n FROM credit_ratings').get() as { n: number })
      .n;
    const answer = await page.evaluate(
      (customerId) =>
        (window as unknown as { api: Record<string, (x: unknown) => Promise<unknown>> }).api['credit:rate']({
          customerId,
          ratedOn: '2026-11-20',
          scores: { character: 60, capacity: 60, capital: 60, collateral: 60, conditions: 60, continuity: 60 },
          approval: { name: '王主管', password: 'mgr-secret' },
        }),
      cid,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((e.desk.ctx.book.sqlite.prepare('SELECT count(*) AS n FROM credit_ratings').get() as { n: number }).n).toBe(
      before,
    );
    await e.shot('credit-viewer-zh-1440');
  });
});
