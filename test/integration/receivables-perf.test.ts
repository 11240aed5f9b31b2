// The report worker path (main/workers): long receivables reports run on a worker thread with
// its own read-only connection. Functional checks, not timings: the worker gives exactly the
// in-thread answers (ageing current / as of past dates / both bases / custom buckets, tie-out,
// dashboard, export), sees every committed write (its result cache is invalidated), turns
// errors into the same AppErrors, and lets go of the book file when the book closes.
import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { demoCustomerRefs, writeDemoReceivables } from '../../main/demo/receivables';
import {
  AUTO_MIN_INVOICES,
  reportWorkerStats,
  reportWorkerUnavailable,
  setReportWorkerMode,
} from '../../main/workers/report-client';
import { openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk;

beforeAll(async () => {
  t = await openTestDesk();
  await insertDemoCustomers(t.desk.ctx, makeDemoCustomers(120, 7));
  writeDemoReceivables(t.desk.ctx, demoCustomerRefs(t.desk.ctx), 1500, 7);
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

describe('report worker', () => {
  it('ages the book exactly as the main thread does, as of today and past dates, on both bases', async () => {
    const quarter = [
      { key: 'q1', from: null, to: 90 },
      { key: 'q2', from: 91, to: 400 },
      { key: 'q3', from: 401, to: null },
    ];
    const cases = [
      { asOf: '2026-11-23' },
      { asOf: '2026-11-23', basis: 'issue' },
      { asOf: '2026-09-30' },
      { asOf: '2026-06-30', basis: 'issue' },
      { asOf: '2026-03-31', buckets: quarter },
      { asOf: '2026-11-30', buckets: quarter, basis: 'issue' },
      { asOf: '2025-12-31' },
      { asOf: '2024-01-01' },
      { asOf: '2026-11-23', rebuild: true },
    ];
    for (const q of cases) {
      const { local, remote } = await both('ageing:report', q);
      expect(strip(remote)).toEqual(strip(local));
      expect(remote.rows.length).toBe(local.rows.length);
    }
    // the rebuilt past position equals the kept one today, and something is open
    const { local } = await both('ageing:report', { asOf: '2026-11-23' });
    expect(local.rows.length).toBeGreaterThan(10);
    const rebuilt = await t.ok('ageing:report', { asOf: '2026-11-23', rebuild: true });
    expect(rebuilt.method).toBe('as_of');
    expect(rebuilt.totals).toEqual(local.totals);
  });

  it('tie-out, dashboard and export give the in-thread answers', async () => {
    for (const asOf of ['2026-11-23', '2026-07-31']) {
      const tie = await both('ageing:tie-out', { asOf });
      expect(tie.remote).toEqual(tie.local);
      expect(tie.remote.difference).toBe(0);
      const dash = await both('receivables:dashboard', { asOf });
      expect(strip(dash.remote)).toEqual(strip(dash.local));
    }
    const csv = await both('ageing:export', { asOf: '2026-08-31', format: 'csv', locale: 'en' });
    expect(csv.remote).toEqual(csv.local);
    const text = Buffer.from(csv.remote.base64, 'base64').toString('utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFcustomer_code,customer_name,not_due,1-30,31-60,61-90,91-180,181-365,over_365,unapplied,total,credit_limit,limit_used_pct',
    );
    expect(text.split('\r\n').length).toBe(csv.remote.rows + 2);
  });

  it('sees every committed write (no stale cached report) and reports errors as AppErrors', async () => {
    setReportWorkerMode('always');
    const first = await t.ok('ageing:report', { asOf: '2026-11-23' });
    const again = await t.ok('ageing:report', { asOf: '2026-11-23' });
    expect(strip(again)).toEqual(strip(first));
    const target = first.rows[0];
    await t.ok('invoices:create', {
      customerId: target.customerId,
      number: 'PERF-NEW-1',
      issueDate: '2026-11-23',
      amount: 12345,
    });
    const after = await t.ok('ageing:report', { asOf: '2026-11-23' });
    expect(after.rows.find((r: any) => r.customerId === target.customerId).total).toBe(target.total + 12345);
    expect(after.totals.total).toBe(first.totals.total + 12345);
    const tie = await t.ok('ageing:tie-out', { asOf: '2026-11-23' });
    expect(tie.difference).toBe(0);

    const bad = await t.call('ageing:report', { asOf: '2026-11-23', preset: 'no such preset' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'preset' } });
  });

  it("keeps small books in-thread by default ('auto')", async () => {
    setReportWorkerMode('auto');
    const n = (t.desk.ctx.book.sqlite.prepare('SELECT max(id) AS n FROM invoices').get() as { n: number }).n;
    expect(n).toBeLessThan(AUTO_MIN_INVOICES);
    const before = reportWorkerStats().jobs;
    await t.ok('ageing:report', { asOf: '2026-09-30' });
    expect(reportWorkerStats().jobs).toBe(before);
  });
});

describe('report worker lifecycle', () => {
  it('stops with the book: no handle on the file is left open', async () => {
    const d = await openTestDesk();
    try {
      setReportWorkerMode('always');
      await insertDemoCustomers(d.desk.ctx, makeDemoCustomers(10, 3));
      writeDemoReceivables(d.desk.ctx, demoCustomerRefs(d.desk.ctx), 50, 3);
      const started = reportWorkerStats().workersStarted;
      const path = d.desk.ctx.book.path;
      await d.ok('ageing:report', { asOf: '2026-10-31' });
      expect(reportWorkerStats().workersStarted).toBe(started + 1);
      const openHandles = () =>
        fs.existsSync('/proc/self/fd')
          ? fs.readdirSync('/proc/self/fd').filter((fd) => {
              try {
                return fs.readlinkSync(`/proc/self/fd/${fd}`) === path;
              } catch {
                return false;
              }
            }).length
          : 0;
      if (fs.existsSync('/proc/self/fd')) expect(openHandles()).toBeGreaterThanOrEqual(2); // main + worker
      await d.desk.close();
      expect(openHandles()).toBe(0);
    } finally {
      await d.close();
    }
  });
});
