// The collections desk's long reports on the report worker (main/workers): today's worklist, the
// dunning list, promise statuses, the calendar and the dashboard KPIs give exactly the in-thread
// answers, also when a result is big enough to come back in chunks (more than CHUNK_ROWS rows or
// calendar items), and the worker sees a promise committed a moment before.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { demoCustomerRefs, writeDemoReceivables } from '../../main/demo/receivables';
import { addDays } from '../../main/domain/dates';
import { CHUNK_ROWS } from '../../main/workers/chunked';
import { reportWorkerStats, reportWorkerUnavailable, setReportWorkerMode } from '../../main/workers/report-client';
import { openTestDesk, type TestDesk } from '../support/book';
import { rawRecordInsert } from '../support/collections-book';

const TODAY = '2026-11-23';
let t: TestDesk;

beforeAll(async () => {
  t = await openTestDesk({ now: `${TODAY}T09:00:00.000Z` });
  await insertDemoCustomers(t.desk.ctx, makeDemoCustomers(150, 11));
  writeDemoReceivables(t.desk.ctx, demoCustomerRefs(t.desk.ctx), 1500, 11);
  // promises and collection records as the bench seeds them: 12 promises and 10 records a customer
  const sqlite = t.desk.ctx.book.sqlite;
  const ids = (sqlite.prepare('SELECT id FROM customers ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const insP = sqlite.prepare(
    "INSERT INTO promises (customer_id, made_on, promised_on, amount, promised_by, form, source, created_at) VALUES (?, ?, ?, ?, '王会计', 'verbal', 'test', ?)",
  );
  const insR = rawRecordInsert(sqlite);
  sqlite.transaction(() => {
    ids.forEach((id, i) => {
      for (let k = 0; k < 12; k++) {
        const made = addDays(TODAY, -((i * 5 + k * 11) % 120));
        insP.run(id, made, addDays(made, 1 + ((i + k) % 25)), 10_000 + ((i * k) % 97) * 1_000, TODAY);
      }
      for (let k = 0; k < 10; k++) {
        const d = addDays(TODAY, -((i * 7 + k * 13) % 90));
        insR.run(id, d, k % 3 ? 'call' : 'visit', addDays(d, 1 + ((i + k) % 30)), TODAY);
      }
    });
  })();
}, 120_000);
afterAll(async () => {
  setReportWorkerMode('auto');
  await t?.close();
});
afterEach(() => setReportWorkerMode('auto'));

const strip = (v: any) => {
  const { ms: _ms, ...rest } = v;
  return rest;
};

/** The same call in-thread and on the worker; returns both answers. */
async function both(channel: string, input: unknown) {
  setReportWorkerMode('never');
  const before = reportWorkerStats().jobs;
  const local = await t.ok(channel as never, input as never);
  expect(reportWorkerStats().jobs).toBe(before);
  setReportWorkerMode('always');
  const remote = await t.ok(channel as never, input as never);
  expect(reportWorkerUnavailable()).toBeNull();
  expect(reportWorkerStats().jobs).toBe(before + 1);
  return { local, remote };
}

describe('collections reports on the report worker', () => {
  it('promise statuses as of today, a past date and for one customer: the same rows, also in chunks', async () => {
    const today = await both('collections:promises', { asOf: TODAY });
    expect(today.local.rows.length).toBeGreaterThan(CHUNK_ROWS); // big enough to come back in chunks
    expect(new Set(today.local.rows.map((r: any) => r.status))).toEqual(
      new Set(['pending', 'kept', 'partly_kept', 'broken']),
    );
    expect(today.remote).toEqual(today.local);
    const past = await both('collections:promises', { asOf: '2026-10-15' });
    expect(past.remote).toEqual(past.local);
    const one = await both('collections:promises', { asOf: TODAY, customerId: today.local.rows[7].customerId });
    expect(one.local.rows.length).toBe(12);
    expect(one.remote).toEqual(one.local);
  });

  it('the dunning list as of today and a past date', async () => {
    for (const asOf of [TODAY, '2026-08-31']) {
      const { local, remote } = await both('collections:dunning', { asOf });
      expect(local.rows.length).toBeGreaterThan(20);
      expect(local.rows.some((r: any) => r.paused)).toBe(true);
      expect(remote).toEqual(local);
    }
  });

  it('the calendar of two months (items in chunks, per day in the same order) and of one week', async () => {
    const month = await both('collections:calendar', { from: '2026-10-15', to: '2026-12-15', asOf: TODAY });
    const items = month.local.days.reduce((s: number, d: any) => s + d.items.length, 0);
    expect(items).toBeGreaterThan(CHUNK_ROWS);
    expect(month.remote).toEqual(month.local);
    const week = await both('collections:calendar', { from: '2026-11-23', to: '2026-11-29', asOf: '2026-11-20' });
    expect(week.remote).toEqual(week.local);
  });

  it("today's worklist and the collections KPIs", async () => {
    const w = await both('collections:worklist', { asOf: TODAY });
    expect(w.local.rows.length).toBeGreaterThan(50);
    expect(w.remote).toEqual(w.local);
    const k = await both('collections:kpis', { asOf: TODAY, from: '2026-08-26', to: TODAY });
    expect(k.local.promiseKept.decided).toBeGreaterThan(0);
    expect(strip(k.remote)).toEqual(strip(k.local));
  });

  it('sees a promise committed just before (nothing stale)', async () => {
    setReportWorkerMode('always');
    const cid = (await t.ok('collections:dunning', { asOf: TODAY })).rows[0].customerId;
    const before = (await t.ok('collections:promises', { asOf: TODAY, customerId: cid })).rows.length;
    await t.ok('collections:promise-create', {
      customerId: cid,
      madeOn: TODAY,
      promisedOn: '2026-11-28',
      amount: 123_400,
      form: 'written',
    } as never);
    const after = (await t.ok('collections:promises', { asOf: TODAY, customerId: cid })).rows;
    expect(after.length).toBe(before + 1);
    expect(after.find((p: any) => p.amount === 123_400)).toMatchObject({ promisedOn: '2026-11-28', status: 'pending' });
  });
});
