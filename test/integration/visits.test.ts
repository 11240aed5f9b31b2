// Visit plans (SPEC §3) through the IPC handlers on a migrated book: the tier × role plan and
// prospect grades generate a month's visits, they appear on the collection calendar (and in
// `creditdesk calendar` JSON) as kind 'visit', done / missed follow the as-of date, a new plan
// replaces only open generated visits, and bad input changes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/io';
import { HUASHENG, openTestDesk, tempDir, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

let t: TestDesk;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await openTestDesk({ now: '2026-11-23T09:00:00.000Z' });
  for (const code of ['C1', 'C2', 'C3']) ids[code] = await activeCustomer(t.ok, code);
  const p = await t.ok('customers:create', { ...HUASHENG, code: 'P1', name: '潜在客户甲', prospectGrade: 'A' });
  ids.P1 = p.id;
  const p2 = await t.ok('customers:create', { ...HUASHENG, code: 'P2', name: '潜在客户乙', prospectGrade: 'D' });
  ids.P2 = p2.id;
  const inv = (c: string, number: string, issueDate: string, amount: number) =>
    t.ok('invoices:create', { customerId: ids[c], number, issueDate, amount });
  await inv('C1', 'A-1', '2026-08-01', 3_650_000);
  const late = await inv('C1', 'A-2', '2026-08-20', 1_000_000);
  await t.ok('receipts:create', {
    customerId: ids.C1,
    number: 'R-1',
    date: '2026-09-29',
    amount: 1_000_000,
    method: 'bank_transfer',
    invoiceId: late.invoice.id,
  });
  await inv('C2', 'B-1', '2026-09-05', 1_000_000);
  await inv('C3', 'C-1', '2026-10-05', 350_000);
  const run = await t.ok('analysis:recompute', {});
  expect(run.counts).toEqual({ A: 1, B: 1, C: 1 });
});
afterAll(async () => {
  await t?.close();
});

const month = async (from: string, to: string, asOf?: string, extra: Record<string, unknown> = {}) =>
  t.ok('visits:list', { from, to, ...(asOf ? { asOf } : {}), ...extra });

describe('planned visits from the tier × role plan and prospect grades', () => {
  it('plans December by SPEC §3: tier A gets every role, prospects grade A weekly, grade D none', async () => {
    const out = await t.ok('visits:generate', { month: '2026-12' });
    expect(out).toMatchObject({ month: '2026-12', replaced: 0, customers: 4 });
    const list = await month('2026-12-01', '2026-12-31');
    const byCustomerRole = (code: string, role: string) =>
      list.rows.filter((r: any) => r.customerCode === code && r.role === role).map((r: any) => r.plannedOn);
    // C1 (id 1, tier A): account rep 3 a month — Dec 2, Dec 12 (a Saturday → Fri 11), Dec 22
    expect(byCustomerRole('C1', 'rep')).toEqual(['2026-12-02', '2026-12-11', '2026-12-22']);
    // team lead 2 a month: Dec 5 (Sat → Fri 4), Dec 20 (Sun → Mon 21)
    expect(byCustomerRole('C1', 'team_lead')).toEqual(['2026-12-04', '2026-12-21']);
    expect(byCustomerRole('C1', 'section_chief')).toHaveLength(1);
    // tier B account rep twice, tier C once, and tier C has no section-chief visits ("when needed")
    expect(byCustomerRole('C2', 'rep')).toHaveLength(2);
    expect(byCustomerRole('C3', 'rep')).toHaveLength(1);
    expect(byCustomerRole('C3', 'section_chief')).toEqual([]);
    // prospect A: once a week by the account rep (five Mondays-to-Sundays start in December … 4 or 5)
    const p1 = list.rows.filter((r: any) => r.customerCode === 'P1');
    expect(p1.every((r: any) => r.role === 'rep' && r.source === 'prospect' && r.basis === 'A')).toBe(true);
    expect(p1.length).toBeGreaterThanOrEqual(4);
    expect(list.rows.some((r: any) => r.customerCode === 'P2')).toBe(false);
    expect(list.counts).toEqual({ planned: list.total, done: 0, missed: 0 });
    expect(out.created).toBe(list.total);
  });

  it('plans the current month from today on only (nothing starts out missed)', async () => {
    const out = await t.ok('visits:generate', {});
    expect(out.month).toBe('2026-11');
    const nov = await month('2026-11-01', '2026-11-30');
    expect(nov.rows.length).toBeGreaterThan(0);
    expect(nov.rows.every((r: any) => r.plannedOn >= '2026-11-23')).toBe(true);
    expect(nov.counts.missed).toBe(0);
  });

  it('shows planned visits on the collection calendar as kind visit, with status as of the as-of date', async () => {
    const cal = await t.ok('collections:calendar', { from: '2026-12-01', to: '2026-12-31', asOf: '2026-11-23' });
    const visits = cal.days.flatMap((d: any) => d.items).filter((i: any) => i.kind === 'visit');
    const list = await month('2026-12-01', '2026-12-31');
    expect(visits).toHaveLength(list.total);
    expect(visits.find((i: any) => i.customerCode === 'C1' && i.date === '2026-12-02')).toMatchObject({
      kind: 'visit',
      status: 'planned',
      label: 'rep',
      done: false,
    });
  });

  it('marks a visit done; past visits not done are missed; a done date in the future is refused', async () => {
    const dec = await month('2026-12-01', '2026-12-31', undefined, { customerId: ids.C1, role: ['rep'] });
    const first = dec.rows[0];
    const bad = await t.call('visits:mark-done', { id: first.id, doneOn: '2026-12-02' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'doneOn' } });
    expect(
      (await month('2026-12-01', '2026-12-31', '2026-12-31', { customerId: ids.C1, role: ['rep'] })).counts,
    ).toEqual({ planned: 0, done: 0, missed: 3 });
    const nov = await month('2026-11-23', '2026-11-30', undefined, { customerId: ids.C1, role: ['rep'] });
    const v = nov.rows[0];
    const done = await t.ok('visits:mark-done', { id: v.id, doneOn: '2026-11-23', visitedBy: '王芳', note: '对账' });
    expect(done).toMatchObject({ status: 'done', doneOn: '2026-11-23', visitedBy: '王芳', note: '对账' });
    // as of the end of December: the done visit stays done, every other planned day has passed
    const all = await month('2026-11-23', '2026-12-31', '2026-12-31', { customerId: ids.C1 });
    expect(all.counts.done).toBe(1);
    expect(all.counts.missed).toBe(all.total - 1);
    const cal = await t.ok('collections:calendar', { from: '2026-11-23', to: '2026-12-31', asOf: '2026-12-31' });
    const items = cal.days
      .flatMap((d: any) => d.items)
      .filter((i: any) => i.kind === 'visit' && i.customerCode === 'C1');
    expect(items.filter((i: any) => i.status === 'done').map((i: any) => i.refId)).toEqual([v.id]);
    expect(items.filter((i: any) => i.status === 'missed')).toHaveLength(all.total - 1);
    // undo
    expect(await t.ok('visits:undo-done', { id: v.id })).toMatchObject({ status: 'planned', doneOn: null });
    await t.ok('visits:mark-done', { id: v.id, doneOn: '2026-11-23' });
    const audit = await t.ok('audit:list', { entity: 'visit' });
    expect(audit.rows.map((r: any) => r.action)).toEqual(expect.arrayContaining(['done', 'undo-done']));
  });

  it('a changed plan replaces open generated visits only; done ones stay', async () => {
    const before = await month('2026-11-23', '2026-12-31', undefined, { customerId: ids.C3 });
    expect(before.rows.map((r: any) => r.role)).toEqual(
      ['rep', 'team_lead', 'rep', 'team_lead'].slice(0, before.total),
    );
    await t.ok('visits:update-plan-settings', { tiers: { C: { team_lead: null } } });
    const out = await t.ok('visits:generate', { month: '2026-12' });
    expect(out.replaced).toBe(
      before.rows.filter((r: any) => r.role === 'team_lead' && r.plannedOn >= '2026-12-01').length,
    );
    expect(out.created).toBe(0);
    const after = await month('2026-12-01', '2026-12-31', undefined, { customerId: ids.C3 });
    expect(after.rows.map((r: any) => r.role)).toEqual(['rep']);
    // the done C1 visit of November is untouched by a re-plan of November
    await t.ok('visits:generate', { month: '2026-11' });
    const c1 = await month('2026-11-23', '2026-11-30', undefined, { customerId: ids.C1, status: ['done'] });
    expect(c1.total).toBe(1);
  });

  it('bad settings and months change nothing and name the field', async () => {
    const before = await t.ok('visits:plan-settings', {});
    const r = await t.call('visits:update-plan-settings', {
      tiers: { A: { rep: { times: 0, every: 1, unit: 'month' } } },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'tiers.A.rep.times' } });
    const r2 = await t.call('visits:update-plan-settings', { prospects: { B: { times: 1, every: 99, unit: 'week' } } });
    expect(r2).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'prospects.B.every' } });
    expect(await t.ok('visits:plan-settings', {})).toEqual(before);
    const m = await t.call('visits:generate', { month: '2026-10' });
    expect(m).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'month' } });
  });

  it('a visit typed in by hand; the same customer, role and day twice is refused', async () => {
    const v = await t.ok('visits:add', { customerId: ids.P2, role: 'rep', plannedOn: '2026-11-27', note: '顺路拜访' });
    expect(v).toMatchObject({ customerCode: 'P2', source: 'manual', status: 'planned', note: '顺路拜访' });
    const again = await t.call('visits:add', { customerId: ids.P2, role: 'rep', plannedOn: '2026-11-27' });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'plannedOn' } });
  });
});

describe('prospect grades in the customer list', () => {
  it('filters by prospect grade (and none)', async () => {
    const a = await t.ok('customers:list', { filter: { prospectGrade: ['A'] } });
    expect(a.rows.map((r: any) => r.code)).toEqual(['P1']);
    const ad = await t.ok('customers:list', { filter: { prospectGrade: ['A', 'D'] } });
    expect(ad.rows.map((r: any) => r.code)).toEqual(['P1', 'P2']);
    const none = await t.ok('customers:list', { filter: { prospectGrade: ['none'] } });
    expect(none.rows.map((r: any) => r.code)).toEqual(['C1', 'C2', 'C3']);
  });
});

describe('evaluation sheet (客户综合评价表)', () => {
  it('fills the figures from the book: order size and count, share, credit cost, visits, payment delays', async () => {
    const f = await t.ok('evaluation:draft', { customerId: ids.C1, from: '2026-08-01', to: '2026-11-22' });
    expect(f).toMatchObject({
      invoices: 2,
      sales: 4_650_000,
      averageOrder: 2_325_000,
      bookSales: 6_000_000,
      shareBp: 7750,
      // end-of-day balances: 36,500.00 for 114 days + 10,000.00 for 40 days (Aug 20 – Sep 28)
      averageBalance: 4_000_877,
      costOfCapitalBp: 600,
      opportunityCost: 74_975, // 4,000,877 × 6 % × 114 / 365
      provision: 182_500, // 5 % of the open 36,500.00 (under a year since issue)
      creditCost: 257_475,
      averageDaysLate: 10, // A-2 due Sep 19, paid Sep 29
      lateInvoices: 1,
      overdueNow: 3_650_000,
      valueTier: 'A',
    });
    const bad = await t.call('evaluation:draft', { customerId: ids.C1, from: '2026-11-22', to: '2026-08-01' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'to' } });
  });

  it('saves sheets with history (newest first), each with the figures as saved', async () => {
    const rows = [
      { key: 'order_size' as const, comment: '订货量稳定', problem: null, improvement: null },
      { key: 'payment_delays' as const, comment: null, problem: '偶有逾期', improvement: '月初电话提醒' },
    ];
    const a = await t.ok('evaluation:save', {
      customerId: ids.C1,
      from: '2026-08-01',
      to: '2026-11-22',
      sellingCost: 120_000,
      rows,
      summary: '重点客户',
    });
    expect(a).toMatchObject({
      customerCode: 'C1',
      evaluatedOn: '2026-11-23',
      sellingCost: 120_000,
      summary: '重点客户',
    });
    expect(a.figures.creditCost).toBe(257_475);
    const b = await t.ok('evaluation:save', {
      customerId: ids.C1,
      from: '2026-01-01',
      to: '2026-11-22',
      sellingCost: null,
      rows: [],
      summary: '',
    });
    expect(b.summary).toBeNull();
    const h = await t.ok('evaluation:history', { customerId: ids.C1 });
    expect(h.map((e: any) => e.id)).toEqual([b.id, a.id]);
    expect(h[1].rows).toEqual(rows);
    const neg = await t.call('evaluation:save', {
      customerId: ids.C1,
      from: '2026-08-01',
      to: '2026-11-22',
      sellingCost: -1,
      rows: [],
      summary: null,
    });
    expect(neg).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'sellingCost' } });
    expect(await t.ok('evaluation:history', { customerId: ids.C1 })).toHaveLength(2);
  });

  it('prints a saved sheet: company header, title, rows and the typed words', async () => {
    const [e] = await t.ok('evaluation:history', { customerId: ids.C1 });
    const older = (await t.ok('evaluation:history', { customerId: ids.C1 }))[1];
    const out = await t.ok('evaluation:html', { id: older.id });
    expect(out.html).toContain('测试商贸有限公司');
    expect(out.html).toContain('客户综合评价表');
    expect(out.html).toContain('占我公司销售额比重');
    expect(out.html).toContain('77.50%');
    expect(out.html).toContain('月初电话提醒');
    expect(out.fileName).toBe('C1-客户综合评价表-2026-11-23.html');
    const en = await t.ok('evaluation:html', { id: e.id, lang: 'en' });
    expect(en.html).toContain('Customer evaluation sheet');
  });
});

describe('creditdesk calendar', () => {
  it('prints planned visits as kind visit in its JSON', async () => {
    const db = path.join(t.dir, 'test.creditdesk');
    const copyDir = tempDir();
    const copy = path.join(copyDir, 'copy.creditdesk');
    await t.desk.close();
    fs.copyFileSync(db, copy);
    const out: string[] = [];
    const io: CliIo = { out: (s) => void out.push(s), err: () => undefined };
    expect(
      await runCli(
        ['calendar', '--db', copy, '--from', '2026-12-01', '--to', '2026-12-05', '--as-of', '2026-11-23'],
        io,
      ),
    ).toBe(0);
    const rep = JSON.parse(out.join(''));
    const items = rep.days.flatMap((d: any) => d.items.map((i: any) => ({ date: d.date, ...i })));
    expect(items.filter((i: any) => i.customerCode === 'C1' && i.kind === 'visit')).toEqual([
      expect.objectContaining({ date: '2026-12-02', kind: 'visit', status: 'planned', label: 'rep', done: false }),
      expect.objectContaining({
        date: '2026-12-04',
        kind: 'visit',
        status: 'planned',
        label: 'team_lead',
        done: false,
      }),
    ]);
    fs.rmSync(copyDir, { recursive: true, force: true });
  });
});
