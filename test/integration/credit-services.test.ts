// Credit management through the IPC handlers (as the renderer calls them): roles, approvals
// by a credit manager's name + password, bad input with per-field messages and nothing
// changed, every write audited with operator and before/after, viewers refused everywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type Channel } from '../../shared/ipc/contract';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk;
let customerId: number;
const ids: Record<string, number> = {};
const MANAGER = { name: '王主管', password: 'mgr-secret' };

async function loginAs(name: string, password?: string) {
  const ops = await t.ok('operators:list', {});
  return t.ok('operators:login', { id: ops.find((o: any) => o.name === name).id, password });
}
const count = (table: string) =>
  (t.desk.ctx.book.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

beforeAll(async () => {
  t = await openTestDesk({ now: '2026-06-30T09:00:00.000Z' });
  for (const [name, password, role] of [
    ['王主管', 'mgr-secret', 'credit_manager'],
    ['李会计', 'bk-secret', 'bookkeeper'],
    ['赵只读', 'v-secret', 'viewer'],
  ] as const) {
    ids[name] = (await t.ok('operators:create', { name, password, role })).id;
  }
  const c = await t.ok('customers:create', { ...HUASHENG, creditLimit: 1_000_000 });
  customerId = c.id;
  await t.ok('customers:approve-opening', { id: c.id, approvedBy: '王主管' });
});
afterAll(() => t.close());

describe('credit settings', () => {
  it('weights not summing to 100 and thresholds not decreasing: per-field messages, nothing changed', async () => {
    const before = await t.ok('credit:settings', {});
    const r = await t.call('credit:update-settings', {
      weights: { character: 30, capacity: 20, capital: 20, collateral: 10, conditions: 10, continuity: 15 },
      thresholds: before.thresholds.map((x: any) => (x.grade === 'BBB' ? { ...x, min: 75 } : x)),
      maxDaysOwed: -1,
    });
    expect(r.ok).toBe(false);
    expect(r.ok || r.error.rows).toEqual([
      { row: 0, field: 'weights', message: 'weights_sum', values: { sum: 105 } },
      { row: 0, field: 'thresholds.BBB', message: 'threshold_decreasing', values: { above: 'A', aboveMin: 70 } },
      { row: 0, field: 'maxDaysOwed', message: 'must_not_be_negative' },
    ]);
    expect(await t.ok('credit:settings', {})).toEqual(before);
    const saved = await t.ok('credit:update-settings', {
      weights: { character: 30, capacity: 20, capital: 20, collateral: 10, conditions: 10, continuity: 10 },
      maxDaysOwed: 90,
    });
    expect(saved.weights.character).toBe(30);
    const audit = await t.ok('audit:list', { entity: 'settings' });
    expect(audit.rows[0]).toMatchObject({
      operatorName: '管理员',
      action: 'update',
      before: { maxDaysOwed: null },
      after: { maxDaysOwed: 90 },
    });
  });
});

describe('limit worksheet and decisions', () => {
  it('the worksheet gives the five methods side by side and flags negative figures per field', async () => {
    const w = await t.ok('credit:worksheet', {
      sales: { monthlyPurchases: 20_000_000, supplyShareBp: 3000, creditPeriodMonths: '1.5' },
      workingCapital: { workingCapital: 90_000_000, suppliers: 6 },
      currentRatio: { currentAssets: 30_000_000, currentLiabilities: 10_000_000, baseLimit: 8_000_000 },
      netAsset: { totalAssets: 100_000_000, totalLiabilities: -1, suppliers: 4 },
      judgement: { amount: 7_000_000, adjustments: [{ reason: '两次逾期', amount: -1_000_000 }] },
    });
    // 200,000.00 × 30 % × 1.5 = 90,000.00; 900,000.00 ÷ 6; ratio 3.0 ÷ 2.0 = 1.5 (the cap) × 80,000.00
    expect(w.limits).toEqual({
      sales: 9_000_000,
      working_capital: 15_000_000,
      current_ratio: 12_000_000,
      net_asset: null,
      judgement: 6_000_000,
    });
    expect(w.issues).toEqual([{ field: 'netAsset.totalLiabilities', key: 'must_not_be_negative' }]);
  });

  it('only a credit manager with the right password decides; refusals are logged and change nothing', async () => {
    const input = {
      customerId,
      amount: 9_000_000,
      method: 'sales' as const,
      effectiveDate: '2026-06-30',
      reason: '年度复核',
      worksheet: { sales: { monthlyPurchases: 20_000_000, supplyShareBp: 3000, creditPeriodMonths: '1.5' } },
    };
    const n = count('credit_limit_decisions');
    const byBookkeeper = await t.call('credit:decide-limit', {
      ...input,
      approval: { name: '李会计', password: 'bk-secret' },
    });
    expect(byBookkeeper).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'approval.name' } });
    const wrong = await t.call('credit:decide-limit', { ...input, approval: { ...MANAGER, password: 'guess' } });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'approval.password' } });
    const negative = await t.call('credit:decide-limit', { ...input, amount: -5, approval: MANAGER });
    expect(negative).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'amount' } });
    expect(count('credit_limit_decisions')).toBe(n);
    expect((await t.ok('customers:get', { id: customerId })).creditLimit).toBe(1_000_000);
    expect((await t.ok('audit:list', { entity: 'approval' })).rows.map((r: any) => r.after.reason)).toEqual([
      'approval_wrong_password',
      'approver_not_manager',
    ]);

    expect(await t.ok('credit:decide-limit', { ...input, approval: MANAGER })).toMatchObject({
      creditLimit: 9_000_000,
    });
    expect((await t.ok('customers:get', { id: customerId })).creditLimit).toBe(9_000_000);
    const audit = (await t.ok('audit:list', { entity: 'credit_limit' })).rows[0];
    expect(audit).toMatchObject({
      operatorName: '管理员',
      action: 'decide',
      before: { creditLimit: 1_000_000 },
      after: { creditLimit: 9_000_000, method: 'sales', approvedBy: '王主管' },
      note: '年度复核',
    });
    const profile = await t.ok('credit:profile', { customerId });
    expect(profile.history.decisions.map((d: any) => [d.amount, d.source, d.approvedBy])).toEqual([
      [9_000_000, 'worksheet', '王主管'],
      [1_000_000, 'initial', null],
    ]);
    // the customer form cannot change the limit
    const c = await t.ok('customers:get', { id: customerId });
    const { id: _i, version: _v, lifecycle: _l, ...rest } = c;
    void rest;
    const updated = await t.ok('customers:update', {
      id: customerId,
      version: c.version,
      data: { ...HUASHENG, creditLimit: 99_999_999 },
    });
    expect(updated.creditLimit).toBe(9_000_000);
  });
});

describe('rating, class and reports', () => {
  it('a 6C rating approved by the credit manager is kept with the weights used and sets the grade', async () => {
    const bad = await t.call('credit:rate', {
      customerId,
      ratedOn: '2026-06-30',
      scores: { character: 101, capacity: 80, capital: 80, collateral: 80, conditions: 80, continuity: -1 },
      approval: MANAGER,
    });
    expect(bad.ok || bad.error.rows!.map((r: any) => r.field)).toEqual(['scores.character', 'scores.continuity']);
    const r = await t.ok('credit:rate', {
      customerId,
      ratedOn: '2026-06-30',
      scores: { character: 90, capacity: 80, capital: 80, collateral: 70, conditions: 80, continuity: 90 },
      note: '首次评级',
      approval: MANAGER,
    });
    // weights 30/20/20/10/10/10: (2700 + 1600 + 1600 + 700 + 800 + 900) / 100 = 83 → AA
    expect(r).toMatchObject({ grade: 'AA', score: 83, creditRating: 'AA' });
    const c = await t.ok('customers:get', { id: customerId });
    expect(c.creditRating).toBe('AA');
    const p = await t.ok('credit:profile', { customerId });
    expect(p.history.ratings[0]).toMatchObject({
      grade: 'AA',
      scoreX100: 8300,
      weights: { character: 30, continuity: 10 },
      ratedBy: '管理员',
      approvedBy: '王主管',
      note: '首次评级',
    });
  });

  it('class B, then an emergency report puts the customer on hold', async () => {
    expect(await t.ok('credit:set-class', { customerId, creditClass: 'B', setOn: '2026-06-01' })).toEqual({
      creditClass: 'B',
    });
    const p1 = await t.ok('credit:profile', { customerId });
    expect(p1.position).toMatchObject({ creditClass: 'B', nextReviewDue: '2026-09-10', onHold: false });
    const missing = await t.call('credit:report', {
      customerId,
      reviewedOn: '2026-06-30',
      kind: 'emergency',
      findings: '  ',
      putOnHold: true,
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'findings' } });
    expect(
      await t.ok('credit:report', {
        customerId,
        reviewedOn: '2026-06-30',
        kind: 'emergency',
        findings: '法人被限制高消费',
        putOnHold: true,
      }),
    ).toMatchObject({ onHold: true });
    const c = await t.ok('customers:get', { id: customerId });
    expect(c.lifecycle).toBe('suspended');
    const p2 = await t.ok('credit:profile', { customerId });
    expect(p2.position).toMatchObject({ nextReviewDue: '2026-09-10', onHold: true });
    const hist = await t.ok('customers:history', { id: customerId });
    expect(hist.find((h: any) => h.action === 'lifecycle' && h.after.lifecycle === 'suspended')).toMatchObject({
      before: { lifecycle: 'active' },
    });
    await t.ok('customers:set-lifecycle', { id: customerId, to: 'active', reason: '已提供担保' });
  });

  it('investigation with warning signs shows them as recent; countermeasures and 2/10 n/30 terms', async () => {
    const bad = await t.call('credit:investigate', {
      customerId,
      date: '2026-07-01',
      channel: 'astrology',
      findings: '',
      warningSigns: ['funds.cash_shortage', 'funds.nope'],
    });
    expect(bad.ok || bad.error.rows!.map((r: any) => r.field)).toEqual([
      'date',
      'channel',
      'findings',
      'warningSigns.1',
    ]);
    await t.ok('credit:investigate', {
      customerId,
      date: '2026-06-20',
      channel: 'bank',
      findings: '开户行反映近期资金紧张',
      attachments: ['银行询证函'],
      warningSigns: ['funds.cash_shortage', 'payment.postponed_dates'],
    });
    await t.ok('credit:add-countermeasure', {
      customerId,
      action: 'guarantor',
      status: 'planned',
      dueDate: '2026-07-15',
      detail: '法人个人担保',
    });
    await t.ok('credit:set-terms', { customerId, terms: { discountBp: 200, discountDays: 10, netDays: 30 } });
    const p = await t.ok('credit:profile', { customerId });
    expect(p.recentWarningSigns).toEqual([
      { key: 'funds.cash_shortage', date: '2026-06-20' },
      { key: 'payment.postponed_dates', date: '2026-06-20' },
    ]);
    expect(p.history.countermeasures[0]).toMatchObject({
      action: 'guarantor',
      status: 'planned',
      dueDate: '2026-07-15',
    });
    expect(p.history.terms).toEqual({ discountBp: 200, discountDays: 10, netDays: 30 });
    const badTerms = await t.call('credit:set-terms', {
      customerId,
      terms: { discountBp: 200, discountDays: 30, netDays: 10 },
    });
    expect(badTerms).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'terms.netDays' } });
  });
});

describe('invoice entry: one verdict, approvals, roles', () => {
  it("a bookkeeper's over-limit invoice is refused, then saved with the credit manager's approval, logged", async () => {
    await loginAs('李会计', 'bk-secret');
    const inv = { customerId, number: 'INV-900', issueDate: '2026-06-30', amount: 10_000_000 };
    const check = await t.ok('credit:check', { customerId, amount: inv.amount });
    expect(check).toMatchObject({ status: 'block', projected: 10_000_000, limit: 9_000_000 });
    expect(await t.call('invoices:create', inv)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'overrideReason' },
    });
    expect(await t.call('invoices:create', { ...inv, overrideReason: '老客户，月底回款' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'approval.name' },
    });
    expect(
      await t.call('invoices:create', {
        ...inv,
        overrideReason: '老客户，月底回款',
        approval: { name: '王主管', password: 'nope' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'approval.password' },
    });
    expect((await t.ok('invoices:list', { customerId })).total).toBe(0);
    const saved = await t.ok('invoices:create', { ...inv, overrideReason: '老客户，月底回款', approval: MANAGER });
    expect(saved.overridden).toBe('老客户，月底回款');
    const log = (await t.ok('audit:list', { entity: 'invoice' })).rows.find((r: any) => r.action === 'credit-override');
    expect(log).toMatchObject({
      operatorName: '李会计',
      note: '老客户，月底回款',
      after: { status: 'block', approvedBy: '王主管', limit: 9_000_000 },
    });
  });

  it('max days owed blocks a new invoice when the oldest open invoice is older than N days', async () => {
    await loginAs('管理员');
    await t.ok('invoices:create', {
      customerId,
      number: 'INV-OLD',
      issueDate: '2026-03-01',
      amount: 100,
      overrideReason: '补录',
      approval: MANAGER,
    });
    const check = await t.ok('credit:check', { customerId });
    expect(check.reasons.map((r: any) => [r.code, r.severity])).toEqual([
      ['over_limit', 'block'],
      ['overdue', 'warn'],
      ['max_days_owed', 'block'], // issued 121 days ago > 90
    ]);
    expect(check.status).toBe('block');
  });

  it('a viewer cannot write through any channel; reads and exports still work', async () => {
    await loginAs('赵只读', 'v-secret');
    const auditBefore = count('audit_log');
    expect(await t.call('customers:create', { ...HUASHENG, code: 'C999' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(
      await t.call('credit:investigate', { customerId, date: '2026-06-20', channel: 'bank', findings: 'x' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // every channel, called straight at its handler: the write channels all refuse the viewer
    const refused: string[] = [];
    for (const ch of Object.keys(contract) as Channel[]) {
      if (ch === 'backup:create' || ch === 'backup:run-auto') continue; // a copy elsewhere, not a write to the book (viewers may back up)
      try {
        await (t.handlers[ch] as (x: unknown) => Promise<unknown>)({});
      } catch (e) {
        if ((e as { key?: string }).key === 'role_viewer') refused.push(ch);
      }
    }
    const writeLike = (Object.keys(contract) as string[]).filter((c) =>
      /:(create|update|void|import|apply|unapply|set-|save|delete|upsert|approve|confirm|resolve|decide|rate$|report$|investigate|add-|restore|recover|mark-sent|batch-start|update-settings)/.test(
        c,
      ),
    );
    // not writes to this book: the app's language, choosing who works, another book, a backup copy
    const notBookWrites = [
      'app:set-locale',
      'operators:login',
      'books:create',
      'backup:create',
      'ageing:report',
      'statements:confirmations',
    ];
    expect(writeLike.filter((c) => !refused.includes(c) && !notBookWrites.includes(c))).toEqual([]);
    expect(refused.length).toBeGreaterThan(30);
    // the only rows added are the audited reads (exports) the viewer may do
    const added = t.desk.ctx.book.sqlite
      .prepare('SELECT entity, action FROM audit_log WHERE id > ?')
      .all(auditBefore) as { entity: string; action: string }[];
    expect(added.filter((a) => !/export/.test(a.action))).toEqual([]);
    expect(count('customers')).toBe(1);
    expect((await t.ok('credit:overview', {})).customers).toBe(1);
    await loginAs('管理员');
  });
});
