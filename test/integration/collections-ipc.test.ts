// Collections over IPC: a call with a promise, the receipt that keeps it, bad input refused per
// field with nothing written, audit rows, ladder validation, worklist reasons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

let t: TestDesk;
let cid: number;
beforeAll(async () => {
  t = await openTestDesk({ now: '2026-11-23T09:00:00.000Z' });
  cid = await activeCustomer(t.ok, 'C9');
  await t.ok('invoices:create', { customerId: cid, number: 'X-1', issueDate: '2026-09-01', amount: 500000 }); // due 2026-10-01
});
afterAll(() => t.close());

const count = (table: string) =>
  (t.desk.ctx.book.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('collections over IPC', () => {
  it('a call with a promise turns kept when the receipt comes, and the calendar shows it', async () => {
    const r = await t.ok('collections:record-create', {
      customerId: cid,
      date: '2026-11-20',
      channel: 'call',
      method: 'persistence',
      tactic: 'carrot_stick',
      outcome: '财务答应月底前付清',
      delaySide: 'customer',
      nextStep: 'visit',
      nextDate: '2026-11-30',
      promise: { promisedOn: '2026-11-25', amount: 300000, promisedBy: '王会计', form: 'written' },
    });
    expect(r.promiseId).toBeGreaterThan(0);
    const before = await t.ok('collections:promises', { asOf: '2026-11-23' });
    expect(before.rows.map((p: any) => [p.customerCode, p.amount, p.received, p.status])).toEqual([
      ['C9', 300000, 0, 'pending'],
    ]);
    const cal1 = await t.ok('collections:calendar', { from: '2026-11-01', to: '2026-11-30', asOf: '2026-11-23' });
    expect(cal1.days.map((d: any) => [d.date, d.items.map((i: any) => `${i.kind}:${i.status ?? ''}`)])).toEqual([
      ['2026-11-25', ['promise:pending']],
      ['2026-11-30', ['visit:visit']],
    ]);
    await t.ok('receipts:create', { customerId: cid, date: '2026-11-23', amount: 300000, method: 'bank_transfer' });
    const after = await t.ok('collections:promises', { asOf: '2026-11-23' });
    expect(after.rows[0]).toMatchObject({ received: 300000, status: 'kept' });
    const card = await t.ok('collections:customer', { customerId: cid, asOf: '2026-11-23' });
    expect(card.keptRate).toEqual({ kept: 1, decided: 1, rate: 1 });
    expect(card.records.map((x: any) => [x.channel, x.nextStep, x.nextDate])).toEqual([
      ['call', 'visit', '2026-11-30'],
    ]);
    const audit = t.desk.ctx.book.sqlite
      .prepare("SELECT entity, action FROM audit_log WHERE entity IN ('collection_record','promise') ORDER BY id")
      .all();
    expect(audit).toEqual([
      { entity: 'collection_record', action: 'create' },
      { entity: 'promise', action: 'create' },
    ]);
  });

  it('bad input is refused per field and nothing is written', async () => {
    const records = count('collection_records');
    const promises = count('promises');
    const r = await t.call('collections:record-create', {
      customerId: cid,
      date: '2026-11-20',
      channel: 'pigeon',
      nextStep: 'call',
      promise: { promisedOn: '2026-11-01', amount: 0 },
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error.rows!.map((e) => [e.field, e.message]).sort()).toEqual([
        ['channel', 'invalid_option'],
        ['promise.amount', 'must_be_positive'],
      ]);
    const r2 = await t.call('collections:record-create', {
      customerId: cid,
      date: '2026-11-20',
      channel: 'call',
      nextStep: 'call',
      promise: { promisedOn: '2026-11-01', amount: 5 },
    });
    expect(r2.ok).toBe(false);
    if (!r2.ok)
      expect(r2.error.rows!.map((e) => [e.field, e.message]).sort()).toEqual([
        ['nextDate', 'required'],
        ['promise.promisedOn', 'promise_before_made'],
      ]);
    const p = await t.call('collections:promise-create', {
      customerId: cid,
      madeOn: '2026-11-20',
      promisedOn: '2026-11-19',
      amount: 100,
    });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error.field).toBe('promisedOn');
    expect([count('collection_records'), count('promises')]).toEqual([records, promises]);
  });

  it('the ladder: strictly increasing days, audited', async () => {
    const ladder = await t.ok('collections:ladder', {});
    expect(ladder.map((s: any) => s.days)).toEqual([7, 30, 60, 90, 120]);
    const bad = await t.call('collections:ladder-update', { steps: [{ ...ladder[0] }, { ...ladder[1], days: 5 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.field).toBe('steps.1.days');
    const next = await t.ok('collections:ladder-update', { steps: [{ ...ladder[0], days: 10 }, ladder[1]] });
    expect(next.map((s: any) => [s.level, s.days])).toEqual([
      [1, 10],
      [2, 30],
    ]);
    const d = await t.ok('collections:dunning', { asOf: '2026-11-23' });
    // X-1 due 10-01 (2026-11-23 − 10-01 = 53 days), 2,000.00 still open after the receipt
    expect(d.rows.map((r: any) => [r.customerCode, r.daysOverdue, r.overdue, r.level, r.paused])).toEqual([
      ['C9', 53, 200000, 2, false],
    ]);
    expect(
      t.desk.ctx.book.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'dunning_ladder'").get(),
    ).toEqual({ n: 1 });
    await t.ok('collections:ladder-update', { steps: ladder });
  });

  it('worklist: the planned visit and the message text', async () => {
    const w = await t.ok('collections:worklist', { asOf: '2026-11-30' });
    expect(
      w.rows.map((r: any) => [r.customerCode, r.overdue, r.daysOverdue, r.reasons.map((x: any) => x.key)]),
    ).toEqual([['C9', 200000, 60, ['visit_planned', 'ladder_step']]]);
    const m = await t.ok('collections:message', { customerId: cid, asOf: '2026-11-30' });
    expect(m.text).toContain('逾期款项¥2,000.00');
  });
});
