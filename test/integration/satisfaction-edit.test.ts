// Editing and deleting satisfaction records (SPEC §7) through the IPC channels as the card calls
// them: the average score and the loyalty type by rule follow at once; a bad score or a future
// date is refused naming the field with nothing changed; each write leaves one audit row with the
// operator, before and after; a viewer (只读) is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

let t: TestDesk;
let c = 0;
beforeEach(async () => {
  t = await openTestDesk({ now: '2026-11-30T09:00:00.000Z' });
  c = await activeCustomer(t.ok, 'S1');
  // bought in every month of the window (2025-12..2026-11 as of 2026-11-30)
  for (let i = 0; i < 12; i++) {
    const m = new Date(Date.UTC(2025, 11 + i, 10)).toISOString().slice(0, 10);
    await t.ok('invoices:create', { customerId: c, number: `I-${i}`, issueDate: m, amount: 100_000 });
  }
});
afterEach(() => t.close());

const sqlite = () => t.desk.ctx.book.sqlite;
const records = () =>
  sqlite().prepare('SELECT id, surveyed_on, score, channel, note FROM satisfaction_records ORDER BY id').all();
const auditCount = () => (sqlite().prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

/** What the card and the analysis page show: the card's records, its loyalty, the book's average. */
async function shown() {
  const view = await t.ok('service:customer', { customerId: c });
  const dist = await t.ok('service:loyalty-distribution', {});
  return {
    scores: view.satisfaction.map((s: any) => [s.surveyedOn, s.score, s.channel, s.note]),
    loyalty: [view.loyalty.scoreSum, view.loyalty.scoreCount, view.loyalty.computed],
    average: [dist.averageScore100, dist.scores],
  };
}

describe('editing and deleting satisfaction records', () => {
  it('an edit changes the score and the average; a delete removes the record; loyalty follows; audited', async () => {
    const a = await t.ok('service:add-satisfaction', {
      customerId: c,
      surveyedOn: '2026-10-01',
      score: 4,
      channel: 'phone',
    });
    const b = await t.ok('service:add-satisfaction', {
      customerId: c,
      surveyedOn: '2026-11-02',
      score: 2,
      channel: 'visit',
      note: '交货延迟',
    });
    expect(await shown()).toEqual({
      scores: [
        ['2026-11-02', 2, 'visit', '交货延迟'],
        ['2026-10-01', 4, 'phone', null],
      ],
      loyalty: [6, 2, 'switching'], // average 3.0 < 3.5
      average: [300, 2],
    });

    // the low score was a mistake: 5 by phone after the follow-up call
    const edited = await t.ok('service:update-satisfaction', {
      id: b.id,
      surveyedOn: '2026-11-03',
      score: 5,
      channel: 'online',
      note: '  回访后改评  ',
    });
    expect(edited).toEqual({
      id: b.id,
      customerId: c,
      surveyedOn: '2026-11-03',
      score: 5,
      channel: 'online',
      note: '回访后改评',
    });
    expect(await shown()).toEqual({
      scores: [
        ['2026-11-03', 5, 'online', '回访后改评'],
        ['2026-10-01', 4, 'phone', null],
      ],
      loyalty: [9, 2, 'loyal'], // average 4.5
      average: [450, 2],
    });

    // the other one is deleted; one score of 5 is left
    expect(await t.ok('service:delete-satisfaction', { id: a.id })).toEqual({ id: a.id });
    expect(await shown()).toEqual({
      scores: [['2026-11-03', 5, 'online', '回访后改评']],
      loyalty: [5, 1, 'loyal'],
      average: [500, 1],
    });
    // an edit down to 1 makes the customer brand-switching by the rule
    await t.ok('service:update-satisfaction', { id: b.id, surveyedOn: '2026-11-03', score: 1, channel: 'online' });
    expect((await shown()).loyalty).toEqual([1, 1, 'switching']);
    expect((await shown()).scores).toEqual([['2026-11-03', 1, 'online', null]]);
    // deleting the last record: no scores, the average is empty, loyal on purchases alone
    await t.ok('service:delete-satisfaction', { id: b.id });
    expect(await shown()).toEqual({ scores: [], loyalty: [0, 0, 'loyal'], average: [null, 0] });

    const audit = await t.ok('audit:list', { entity: 'satisfaction' });
    const rows = [...audit.rows].sort((x: any, y: any) => x.id - y.id);
    expect(rows.map((r: any) => [Number(r.entityId), r.action, r.operatorName, r.customerId])).toEqual([
      [a.id, 'create', '管理员', c],
      [b.id, 'create', '管理员', c],
      [b.id, 'update', '管理员', c],
      [a.id, 'delete', '管理员', c],
      [b.id, 'update', '管理员', c],
      [b.id, 'delete', '管理员', c],
    ]);
    expect(rows[2]).toMatchObject({
      before: { id: b.id, surveyedOn: '2026-11-02', score: 2, channel: 'visit', note: '交货延迟' },
      after: { id: b.id, surveyedOn: '2026-11-03', score: 5, channel: 'online', note: '回访后改评' },
    });
    expect(rows[3]).toMatchObject({
      before: { id: a.id, surveyedOn: '2026-10-01', score: 4, channel: 'phone', note: null },
      after: null,
    });
  });

  it('a bad score, a future date, a bad channel or an unknown record is refused naming the field; nothing changes', async () => {
    const a = await t.ok('service:add-satisfaction', {
      customerId: c,
      surveyedOn: '2026-10-01',
      score: 4,
      channel: 'phone',
    });
    const before = [records(), auditCount(), await shown()];
    const edit = (patch: Record<string, unknown>) =>
      t.call('service:update-satisfaction', {
        id: a.id,
        surveyedOn: '2026-10-01',
        score: 4,
        channel: 'phone',
        ...patch,
      });
    expect(await edit({ score: 6 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'score' } });
    expect(await edit({ score: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'score' } });
    expect(await edit({ score: 3.5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'score' } });
    expect(await edit({ score: '5' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'score' } });
    expect(await edit({ surveyedOn: '2026-12-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'surveyedOn' },
    });
    expect(await edit({ surveyedOn: '2026-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'surveyedOn' },
    });
    expect(await edit({ channel: 'fax' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'channel' },
    });
    expect(await edit({ customerId: c })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } }); // not movable
    expect(await edit({ id: a.id + 99 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id' } });
    expect(await t.call('service:delete-satisfaction', { id: a.id + 99 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'id' },
    });
    expect(await t.call('service:delete-satisfaction', { id: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'id' },
    });
    expect([records(), auditCount(), await shown()]).toEqual(before);
  });

  it('a viewer (只读) can neither edit nor delete', async () => {
    const a = await t.ok('service:add-satisfaction', {
      customerId: c,
      surveyedOn: '2026-10-01',
      score: 4,
      channel: 'phone',
    });
    const viewer = await t.ok('operators:create', { name: '赵只读', password: 'v-secret', role: 'viewer' });
    await t.ok('operators:login', { id: viewer.id, password: 'v-secret' });
    const before = [records(), auditCount()];
    expect(
      await t.call('service:update-satisfaction', { id: a.id, surveyedOn: '2026-10-01', score: 1, channel: 'phone' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('service:delete-satisfaction', { id: a.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect([records(), auditCount()]).toEqual(before);
  });
});
