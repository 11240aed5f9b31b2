// The grade back-test off the window's thread (issue 12, speed): it runs on the report worker
// in slices with progress events, gives exactly the in-thread answer, and stops when cancelled
// (from the start, or between slices); through the IPC channels the page polls its progress,
// cancels it, and a late answer of a cancelled run is dropped.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { demoCustomerRefs, writeDemoReceivables } from '../../main/demo/receivables';
import { BACKTEST_SLICES, creditBacktest, type BacktestProgress } from '../../main/reports/credit-backtest';
import { backtestFinished } from '../../main/services/credit/backtest-job';
import { runReport } from '../../main/services/receivables/reports';
import { reportWorkerStats, reportWorkerUnavailable, setReportWorkerMode } from '../../main/workers/report-client';
import { openTestDesk, type TestDesk } from '../support/book';

const AS_OF = '2026-11-23';
const GRADES = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D'];
let t: TestDesk;

beforeAll(async () => {
  t = await openTestDesk();
  await insertDemoCustomers(t.desk.ctx, makeDemoCustomers(120, 7));
  writeDemoReceivables(t.desk.ctx, demoCustomerRefs(t.desk.ctx), 1500, 7);
  const s = t.desk.ctx.book.sqlite;
  const ids = (s.prepare('SELECT id FROM customers ORDER BY id').raw().all() as [number][]).map((r) => r[0]);
  const rate = s.prepare(
    `INSERT INTO credit_ratings (customer_id, rated_on, scores, weights, thresholds, score_x100, grade, created_at) VALUES (?, ?, '{}', '{}', '[]', 0, ?, '2025-01-01T00:00:00Z')`,
  );
  s.transaction(() =>
    ids.forEach((id, i) => {
      if (i % 5 !== 4) rate.run(id, i % 3 ? '2025-01-01' : '2026-06-30', GRADES[(i * 7) % 10]);
    }),
  )();
}, 120_000);
afterAll(async () => {
  setReportWorkerMode('auto');
  await t?.close();
});
afterEach(() => setReportWorkerMode('auto'));

const cancelFlag = (set: boolean) => {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  if (set) Atomics.store(flag, 0, 1);
  return flag;
};

describe('credit back-test on the report worker', () => {
  it('reports progress slice by slice and answers exactly as the in-thread run', async () => {
    const local = creditBacktest(t.desk.ctx.book.sqlite, AS_OF);
    expect(local.rows.some((r) => r.bad > 0)).toBe(true); // not a trivial book
    expect(local.rows.reduce((n, r) => n + r.customers, 0)).toBeGreaterThan(90);
    setReportWorkerMode('always');
    const jobs = reportWorkerStats().jobs;
    const events: BacktestProgress[] = [];
    const remote = await runReport(
      t.desk.ctx,
      'credit-backtest',
      { asOf: AS_OF },
      { onProgress: (p) => events.push(p) },
    );
    expect(reportWorkerUnavailable()).toBeNull();
    expect(reportWorkerStats().jobs).toBe(jobs + 1); // it ran on the worker
    expect(remote!.rows).toEqual(local.rows);
    expect(events.map((e) => e.done)).toEqual(Array.from({ length: BACKTEST_SLICES }, (_, k) => k + 1));
    expect(events.every((e) => e.total === BACKTEST_SLICES)).toBe(true);
    expect(events.at(-1)!.customers).toBe(local.rows.reduce((n, r) => n + r.customers, 0));
  });

  it('stops when cancelled: before it starts on the worker, and between slices in-thread', async () => {
    setReportWorkerMode('always');
    const events: BacktestProgress[] = [];
    const flag = cancelFlag(true);
    const out = await runReport(
      t.desk.ctx,
      'credit-backtest',
      { asOf: AS_OF },
      { onProgress: (p) => events.push(p), cancel: flag.buffer as SharedArrayBuffer },
    );
    expect(out).toBeNull();
    expect(events).toEqual([]);

    setReportWorkerMode('never');
    const mid = cancelFlag(false);
    const seen: number[] = [];
    const stopped = await runReport(
      t.desk.ctx,
      'credit-backtest',
      { asOf: AS_OF },
      {
        onProgress: (p) => {
          seen.push(p.done);
          if (p.done === 3) Atomics.store(mid, 0, 1);
        },
        cancel: mid.buffer as SharedArrayBuffer,
      },
    );
    expect(stopped).toBeNull();
    expect(seen).toEqual([1, 2, 3]);
  });

  it('runs as a job through IPC: progress polled to the end, cancel, a late answer dropped', async () => {
    setReportWorkerMode('always');
    const direct = await t.ok('credit:backtest', { asOf: AS_OF });
    expect(await t.ok('credit:backtest-progress', {})).toBeNull();
    const started = await t.ok('credit:backtest-start', { asOf: AS_OF });
    expect(started).toMatchObject({ state: 'running', asOf: AS_OF, result: null });
    await backtestFinished(t.desk.ctx.book);
    const done = await t.ok('credit:backtest-progress', {});
    expect(done).toMatchObject({ state: 'done', done: BACKTEST_SLICES, total: BACKTEST_SLICES, error: null });
    expect(done.result.rows).toEqual(direct.rows);

    await t.ok('credit:backtest-start', { asOf: AS_OF });
    const cancelled = await t.ok('credit:backtest-cancel', {});
    expect(cancelled.state).toBe('cancelled');
    await backtestFinished(t.desk.ctx.book);
    expect(await t.ok('credit:backtest-progress', {})).toMatchObject({ state: 'cancelled', result: null });

    // the worker is free again: a new run completes
    await t.ok('credit:backtest-start', { asOf: AS_OF });
    await backtestFinished(t.desk.ctx.book);
    expect((await t.ok('credit:backtest-progress', {})).state).toBe('done');
  });
});
