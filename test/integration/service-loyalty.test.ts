// Service and loyalty (SPEC §7) through the IPC channels: follow-up tasks (audited, on the
// collection calendar), satisfaction records, loyalty computed from the book or set by hand, the
// distribution on the analysis page, refused input changing nothing, and the SQL path of the
// loyalty facts against the pure rule on a random book.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';
import { allLoyaltyFacts } from '../../main/db/service-loyalty';
import { loyaltyFacts, loyaltyWindow } from '../../main/domain/loyalty';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk({ now: '2026-11-30T09:00:00.000Z' });
});
afterEach(() => t.close());

const sqlite = () => t.desk.ctx.book.sqlite;
const count = (table: string) => (sqlite().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** One invoice in each of the given months of 2025-12..2026-11 (the window as of 2026-11-30). */
async function buyIn(customerId: number, months: string[], amount = 100_000) {
  for (const m of months)
    await t.ok('invoices:create', { customerId, number: `I-${customerId}-${m}`, issueDate: `${m}-10`, amount });
}
const MONTHS = ['2025-12', ...Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)];

describe('follow-up tasks', () => {
  it('creates a task with a due date, shows it overdue, puts it on the calendar, marks it done — audited', async () => {
    const c = await activeCustomer(t.ok, 'S1');
    const task = await t.ok('service:create-task', {
      customerId: c,
      title: '售后回访：确认到货质量',
      dueOn: '2026-11-25',
      assignee: '小王',
    });
    expect(task).toMatchObject({ title: '售后回访：确认到货质量', dueOn: '2026-11-25', doneOn: null, overdue: true });
    const cal = await t.ok('collections:calendar', { from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-30' });
    const items = cal.days.flatMap((d: any) => d.items).filter((i: any) => i.kind === 'service_followup');
    expect(items).toEqual([
      expect.objectContaining({
        date: '2026-11-25',
        customerCode: 'S1',
        label: '售后回访：确认到货质量',
        done: false,
        refId: task.id,
      }),
    ]);
    const done = await t.ok('service:complete-task', {
      id: task.id,
      version: task.version,
      doneOn: '2026-11-28',
      result: '客户满意',
    });
    expect(done).toMatchObject({ doneOn: '2026-11-28', result: '客户满意', overdue: false });
    const view = await t.ok('service:customer', { customerId: c });
    expect(view.tasks.map((x: any) => [x.title, x.doneOn])).toEqual([['售后回访：确认到货质量', '2026-11-28']]);
    const audit = await t.ok('audit:list', { entity: 'service_task' });
    expect(audit.rows.map((r: any) => r.action).sort()).toEqual(['create', 'done']);
    // a stale version is refused
    const stale = await t.call('service:complete-task', { id: task.id, version: task.version, doneOn: null });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses bad input per field and writes nothing', async () => {
    const c = await activeCustomer(t.ok, 'S1');
    const before = count('audit_log');
    const r1 = await t.call('service:create-task', { customerId: c, title: '', dueOn: '2026-02-30' });
    expect(r1.ok).toBe(false);
    if (!r1.ok) expect(r1.error.code).toBe('VALIDATION');
    const r2 = await t.call('service:create-task', { customerId: c, title: '回访', dueOn: '2032-01-01' });
    expect(r2).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'dueOn' } });
    const r3 = await t.call('service:add-satisfaction', {
      customerId: c,
      surveyedOn: '2026-11-30',
      score: 6,
      channel: 'phone',
    });
    expect(r3).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'score' } });
    const r4 = await t.call('service:add-satisfaction', {
      customerId: c,
      surveyedOn: '2026-12-01',
      score: 4,
      channel: 'phone',
    });
    expect(r4).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'surveyedOn' } });
    expect([count('service_tasks'), count('satisfaction_records'), count('audit_log')]).toEqual([0, 0, before]);
  });
});

describe('loyalty type and distribution', () => {
  it('computes loyal / switching / none from the book and satisfaction, and a hand-set type wins', async () => {
    const steady = await activeCustomer(t.ok, 'L1');
    const unhappy = await activeCustomer(t.ok, 'L2');
    const patchy = await activeCustomer(t.ok, 'L3');
    const rare = await activeCustomer(t.ok, 'L4');
    await buyIn(steady, MONTHS.slice(3)); // 9 months
    await buyIn(unhappy, MONTHS); // 12 months
    await buyIn(patchy, ['2026-01', '2026-05', '2026-09']);
    await buyIn(rare, ['2026-03', '2026-04']);
    for (const score of [3, 3])
      await t.ok('service:add-satisfaction', {
        customerId: unhappy,
        surveyedOn: '2026-10-01',
        score,
        channel: 'visit',
      });
    await t.ok('service:add-satisfaction', {
      customerId: steady,
      surveyedOn: '2026-11-02',
      score: 4,
      channel: 'phone',
      note: '交货准时',
    });
    const of = async (id: number) => (await t.ok('service:customer', { customerId: id })).loyalty;
    expect(await of(steady)).toMatchObject({
      from: '2025-12-01',
      to: '2026-11-30',
      activeMonths: 9,
      scoreSum: 4,
      scoreCount: 1,
      computed: 'loyal',
      manual: null,
      type: 'loyal',
    });
    expect(await of(unhappy)).toMatchObject({ activeMonths: 12, computed: 'switching', type: 'switching' });
    expect(await of(patchy)).toMatchObject({ activeMonths: 3, type: 'switching' });
    expect(await of(rare)).toMatchObject({ activeMonths: 2, type: 'none' });

    let d = await t.ok('service:loyalty-distribution', {});
    expect(d.rows).toEqual([
      { type: 'loyal', customers: 1, manual: 0, sales: 900_000 },
      { type: 'switching', customers: 2, manual: 0, sales: 1_500_000 },
      { type: 'none', customers: 1, manual: 0, sales: 200_000 },
    ]);
    expect(d).toMatchObject({ scores: 3, averageScore100: 333, openTasks: 0 });

    const set = await t.ok('service:set-loyalty', { customerId: rare, type: 'loyal', note: '长期合同' });
    expect(set).toMatchObject({ computed: 'none', manual: 'loyal', manualOn: '2026-11-30', type: 'loyal' });
    d = await t.ok('service:loyalty-distribution', {});
    expect(d.rows.map((r: any) => [r.type, r.customers, r.manual])).toEqual([
      ['loyal', 2, 1],
      ['switching', 2, 0],
      ['none', 0, 0],
    ]);
    const back = await t.ok('service:set-loyalty', { customerId: rare, type: null });
    expect(back).toMatchObject({ manual: null, type: 'none' });
    const audit = await t.ok('audit:list', { entity: 'loyalty' });
    expect(audit.rows.map((r: any) => r.action).sort()).toEqual(['clear', 'set']);
  });

  it('the SQL facts of every customer equal the pure rule on random documents', async () => {
    const ids = [await activeCustomer(t.ok, 'R1'), await activeCustomer(t.ok, 'R2'), await activeCustomer(t.ok, 'R3')];
    const s = sqlite();
    const addI = s.prepare(
      `INSERT INTO invoices (customer_id, number, issue_date, due_date, amount, open_amount, created_at, voided_at) VALUES (?, ?, ?, ?, ?, 0, 'x', ?)`,
    );
    const addN = s.prepare(
      `INSERT INTO credit_notes (customer_id, number, date, amount, unapplied, kind, created_at, voided_at) VALUES (?, ?, ?, ?, 0, 'return', 'x', ?)`,
    );
    const addS = s.prepare(
      `INSERT INTO satisfaction_records (customer_id, surveyed_on, score, channel, created_at) VALUES (?, ?, ?, 'phone', 'x')`,
    );
    const month = fc.integer({ min: 0, max: 14 }).map((b) => {
      const idx = 2026 * 12 + 10 - b; // back from 2026-11
      return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
    });
    const doc = fc.record({
      who: fc.integer({ min: 0, max: 2 }),
      date: fc.tuple(month, fc.integer({ min: 1, max: 28 })).map(([m, d]) => `${m}-${String(d).padStart(2, '0')}`),
      amount: fc.integer({ min: 1, max: 500_000 }),
      voided: fc.boolean(),
    });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(doc, { maxLength: 40, size: 'max' }),
        fc.array(doc, { maxLength: 8 }),
        fc.array(doc, { maxLength: 5 }),
        async (inv, cn, sc) => {
          s.exec('DELETE FROM invoices; DELETE FROM credit_notes; DELETE FROM satisfaction_records;');
          for (const i of inv) addI.run(ids[i.who], `X${n++}`, i.date, i.date, i.amount, i.voided ? 'v' : null);
          for (const c of cn) addN.run(ids[c.who], `N${n++}`, c.date, c.amount, c.voided ? 'v' : null);
          for (const x of sc) addS.run(ids[x.who], x.date, (x.amount % 5) + 1);
          const asOf = '2026-11-30';
          const w = loyaltyWindow(asOf);
          const got = [...allLoyaltyFacts(s, w.from, w.to)];
          for (const [k, id] of ids.entries()) {
            const pick = <T extends { who: number }>(xs: T[]) => xs.filter((x) => x.who === k);
            const want = loyaltyFacts(
              pick(inv),
              pick(cn),
              pick(sc).map((x) => ({ date: x.date, score: (x.amount % 5) + 1 })),
              w,
            );
            const row = got.find((r) => r.customerId === id)!;
            expect({ activeMonths: row.activeMonths, scoreSum: row.scoreSum, scoreCount: row.scoreCount }).toEqual(
              want,
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
