// Today's worklist page by page (collections:worklist-page, issue #13: the first screenful ≤ 300 ms
// on 100k customers): the pages, put together, are the whole worklist in rank order, equal to
// the plain whole-book computation. On a big book the day's kept worklist is rebuilt in the
// background (worked out on the report worker, written in chunks): writes made after the rows
// were worked out end up in it.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { demoCustomerRefs, writeDemoReceivables } from '../../main/demo/receivables';
import { addDays } from '../../main/domain/dates';
import { dropKeptWorklist, keptWorklistMeta, staleWorklistCustomers } from '../../main/db/collections/worklist-kept';
import { keptWorklistChunk, rebuildKeptWorklist } from '../../main/services/collections/kept-worklist-rebuild';
import { setReportWorkerMode } from '../../main/workers/report-client';
import type { WorklistPage } from '../../shared/types-worklist-page';
import type { WorklistRow } from '../../shared/types-collections';
import { openTestDesk, type TestDesk } from '../support/book';
import { rawRecordInsert, restoreWorklistDefaults } from '../support/collections-book';
import { worklistFullReference } from '../support/worklist-reference';

const TODAY = '2026-11-23';
let t: TestDesk;

beforeAll(async () => {
  t = await openTestDesk({ now: `${TODAY}T09:00:00.000Z` });
  await insertDemoCustomers(t.desk.ctx, makeDemoCustomers(60, 5));
  writeDemoReceivables(t.desk.ctx, demoCustomerRefs(t.desk.ctx), 600, 5);
  const sqlite = t.desk.ctx.book.sqlite;
  const ids = sqlite.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
  const insR = rawRecordInsert(sqlite);
  ids.forEach((id, i) =>
    insR.run(id, addDays(TODAY, -(i % 40)), i % 3 ? 'call' : 'visit', addDays(TODAY, -(i % 25)), TODAY),
  );
  // a write (through the app) keeps today's worklist
  const s = await t.ok('collections:settings', {} as never);
  await t.ok('collections:settings-update', { ...s, slipFollowUpDays: s.slipFollowUpDays } as never);
}, 120_000);
afterEach(restoreWorklistDefaults);
afterAll(async () => {
  await t?.close();
});

async function allPages(limit: number): Promise<{ rows: WorklistRow[]; totals: number[] }> {
  const rows: WorklistRow[] = [];
  const totals: number[] = [];
  for (let offset = 0; ; offset += limit) {
    const p: WorklistPage = await t.ok('collections:worklist-page', { asOf: TODAY, offset, limit });
    expect(p.offset).toBe(offset);
    totals.push(p.total);
    rows.push(...p.rows);
    if (p.rows.length < limit) return { rows, totals };
  }
}

describe('worklist page by page', () => {
  it('the pages put together are the whole worklist, as the plain computation ranks it', async () => {
    const want = await worklistFullReference(t.desk.ctx.book, TODAY);
    expect(want.length).toBeGreaterThan(30);
    expect(keptWorklistMeta(t.desk.ctx.book.sqlite)).toMatchObject({ asOf: TODAY, ready: 1 });
    const { rows, totals } = await allPages(7);
    expect(rows).toEqual(want);
    expect(new Set(totals)).toEqual(new Set([want.length]));
    expect((await t.ok('collections:worklist', { asOf: TODAY })).rows).toEqual(want);
    // another date is worked out in full
    const other = addDays(TODAY, -3);
    const p = await t.ok('collections:worklist-page', { asOf: other, offset: 2, limit: 5 });
    expect(p.rows).toEqual((await worklistFullReference(t.desk.ctx.book, other)).slice(2, 7));
  });

  it('a background rebuild takes in the writes made while it runs', async () => {
    setReportWorkerMode('always'); // a big book's path: rows worked out on the worker
    keptWorklistChunk.rows = 5; // many chunks, each its own write
    const sqlite = t.desk.ctx.book.sqlite;
    const ids = sqlite.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
    dropKeptWorklist(sqlite); // no rows yet: the first rows counted are the first chunk's
    // a settings change: the write starts the rebuild under the new grace days
    const s = await t.ok('collections:settings', {} as never);
    await t.ok('collections:settings-update', { ...s, promiseGraceDays: s.promiseGraceDays + 2 } as never);
    const rebuild = rebuildKeptWorklist(t.desk.ctx); // the one the write started
    // once the first chunk is in (the rows were worked out before it), a write through the app
    // and one straight into the table (listed stale by the triggers)
    const rowsIn = () => sqlite.prepare('SELECT COUNT(*) FROM worklist_kept').pluck().get() as number;
    for (;;) {
      const meta = keptWorklistMeta(sqlite);
      const started = !!meta?.settings.includes(`"promiseGraceDays":${s.promiseGraceDays + 2}`);
      expect(started && meta?.ready === 1).toBe(false); // not finished before the writes below
      if (started && rowsIn() > 0) break;
      await new Promise((r) => setImmediate(r));
    }
    const calls = [
      t.ok('collections:record-create', {
        customerId: ids[3],
        date: TODAY,
        channel: 'call',
        outcome: '已联系',
        nextStep: 'visit',
        nextDate: TODAY,
      }),
      t.ok('invoices:create', { customerId: ids[5], number: 'WK-1', issueDate: addDays(TODAY, -200), amount: 777_700 }),
    ];
    sqlite
      .prepare(
        "INSERT INTO collection_records (customer_id, date, channel, outcome, next_step, next_date, source, created_at) VALUES (?, ?, 'call', 't', 'call', ?, 't', ?)",
      )
      .run(ids[7], TODAY, TODAY, TODAY);
    // meanwhile the pages are worked out in full
    expect((await t.ok('collections:worklist-page', { asOf: TODAY, offset: 0, limit: 500 })).rows).toEqual(
      await worklistFullReference(t.desk.ctx.book, TODAY),
    );
    await Promise.all(calls);
    await rebuild;
    expect(keptWorklistMeta(sqlite)).toMatchObject({ asOf: TODAY, ready: 1 });
    expect(staleWorklistCustomers(sqlite)).toEqual([]);
    const want = await worklistFullReference(t.desk.ctx.book, TODAY);
    expect(want.map((r) => r.customerId)).toEqual(expect.arrayContaining([ids[3], ids[5], ids[7]]));
    expect((await allPages(11)).rows).toEqual(want);
  });
});
