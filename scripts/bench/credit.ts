// Credit benchmark on a given book (the receivables bench's, or a `creditdesk demo` book):
// gives every customer a rating history row and a class (inside a copy, the book itself is
// never touched), then times the credit overview, the back-test and the credit check at
// invoice entry (p95 over 200 customers). The overview also as the app meets it: in fresh
// processes, the first visit after opening the book and a later one (creditOverviewFirstVisit…,
// creditOverviewLaterVisit…, median of 3; a later visit with nothing written since gets the
// kept answer, creditOverviewAfterWrite… is one after a write). Each timed step gives wall time and this process's
// CPU time (…CpuMs): on a loaded machine wall time swings several-fold. The back-test is timed
// as the app runs it — on the report worker, with progress events (creditBacktestMs; the main
// thread's busy time meanwhile in creditBacktestMainThreadBusyMs) — and in-thread as before.
//
//   node bin/run-ts.mjs scripts/bench/credit.ts /path/to/book.creditdesk
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance as perf } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { openBook } from '../../main/db/connection';
import { creditOverview } from '../../main/reports/credit-overview';
import { creditBacktest } from '../../main/reports/credit-backtest';
import { runInWorker, setReportWorkerMode } from '../../main/workers/report-client';
import { creditCheckSync } from '../../main/services/receivables/credit';
import { DEFAULT_AR_SETTINGS } from '../../main/services/receivables/settings';

const GRADES = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D'];

export async function runCreditBench(bookPath: string): Promise<Record<string, number>> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-bench-credit-'));
  try {
    const file = path.join(work, 'book.creditdesk');
    const src = new Database(path.resolve(bookPath), { readonly: true, fileMustExist: true });
    await src.backup(file);
    src.close();
    const book = await openBook(file); // migrates a book written before credit management
    const s = book.sqlite;
    const ids = (s.prepare('SELECT id FROM customers').raw().all() as [number][]).map((r) => r[0]);
    s.transaction(() => {
      const rate = s.prepare(
        `INSERT INTO credit_ratings (customer_id, rated_on, scores, weights, thresholds, score_x100, grade, note, rated_by, approved_by, created_at) VALUES (?, '2025-06-30', '{}', '{}', '[]', 0, ?, NULL, 'bench', 'bench', '2025-06-30T00:00:00Z')`,
      );
      const cls = s.prepare(
        `INSERT INTO credit_classes (customer_id, class, set_on, reason, set_by, created_at) VALUES (?, ?, '2025-06-30', NULL, 'bench', '2025-06-30T00:00:00Z')`,
      );
      ids.forEach((id, i) => {
        rate.run(id, GRADES[(id * 7) % 10]);
        cls.run(id, 'ABC'[i % 3]);
      });
    })();
    const today =
      (s.prepare('SELECT MAX(issue_date) AS d FROM invoices').get() as { d: string | null }).d ?? '2026-06-30';
    // cold: the first overview reads every customer row and credit fact; warm: the facts are
    // kept per connection until a customer or a credit fact is written (every later visit)
    const timed = <T>(fn: () => T): { ms: number; cpuMs: number; out: T } => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const out = fn();
      const c = process.cpuUsage(c0);
      return { ms: performance.now() - t0, cpuMs: (c.user + c.system) / 1000, out };
    };
    const cold = timed(() => creditOverview(s, today));
    const warm = timed(() => creditOverview(s, today));
    // a visit after any write (the kept answer is dropped): read again, pages already cached
    s.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('bench.touch', '1')`).run();
    const afterWrite = timed(() => creditOverview(s, today));
    s.prepare(`DELETE FROM settings WHERE key = 'bench.touch'`).run();
    const ov = warm.out;
    const inThread = timed(() => creditBacktest(s, today));
    // on the worker, as the credit page runs it (the worker's start-up is not counted)
    setReportWorkerMode('always');
    const stopAtOnce = new Int32Array(new SharedArrayBuffer(4));
    Atomics.store(stopAtOnce, 0, 1);
    await runInWorker(book, 'credit-backtest', { asOf: today }, { cancel: stopAtOnce.buffer as SharedArrayBuffer });
    let progressEvents = 0;
    const c0 = process.cpuUsage(); // the whole process: worker and main thread
    const elu0 = perf.eventLoopUtilization();
    const t0 = performance.now();
    const viaWorker = await runInWorker(
      book,
      'credit-backtest',
      { asOf: today },
      { onProgress: () => progressEvents++ },
    );
    const backtestMs = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    const mainBusy = perf.eventLoopUtilization(elu0).active; // ms the main thread was busy meanwhile
    setReportWorkerMode('auto');
    if (JSON.stringify(viaWorker?.rows) !== JSON.stringify(inThread.out.rows))
      throw new Error('credit bench: the worker back-test differs from the in-thread one');
    const checks: number[] = [];
    const cust = s.prepare(
      'SELECT id, code, name, lifecycle, payment_terms_days, credit_limit FROM customers WHERE id = ?',
    );
    for (let i = 0; i < 200; i++) {
      const c = cust.get(ids[(i * 7919) % ids.length]) as never;
      const t0 = performance.now();
      creditCheckSync(s, DEFAULT_AR_SETTINGS, c, 100_00, today);
      checks.push(performance.now() - t0);
    }
    checks.sort((a, b) => a - b);
    const invoices = (s.prepare('SELECT count(*) AS n FROM invoices').get() as { n: number }).n;
    await book.close();
    const visits = freshProcessVisits(file, today);
    const r1 = (n: number) => Math.round(n * 10) / 10;
    return {
      customers: ov.customers,
      invoices,
      creditOverviewColdMs: r1(cold.ms),
      creditOverviewColdCpuMs: r1(cold.cpuMs),
      creditOverviewMs: r1(warm.ms),
      creditOverviewCpuMs: r1(warm.cpuMs),
      creditOverviewAfterWriteMs: r1(afterWrite.ms),
      creditOverviewAfterWriteCpuMs: r1(afterWrite.cpuMs),
      // as the app meets it: a fresh process opens the book, first visit then a later one (median of 3)
      creditOverviewFirstVisitMs: visits.coldMs,
      creditOverviewFirstVisitCpuMs: visits.coldCpuMs,
      creditOverviewLaterVisitMs: visits.warmMs,
      creditOverviewLaterVisitCpuMs: visits.warmCpuMs,
      creditBacktestMs: r1(backtestMs),
      creditBacktestCpuMs: r1((cpu.user + cpu.system) / 1000),
      creditBacktestMainThreadBusyMs: r1(mainBusy),
      creditBacktestProgressEvents: progressEvents,
      creditBacktestInThreadMs: r1(inThread.ms),
      creditBacktestInThreadCpuMs: r1(inThread.cpuMs),
      creditCheckMs_p95: r1(checks[Math.floor(checks.length * 0.95)]),
      loadAvg1: r1(os.loadavg()[0]),
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The credit overview as the app meets it (credit-cold-visit.ts): three fresh processes, each
 * opening the book as the app does and visiting the overview twice through the IPC dispatch —
 * the first visit after opening (nothing cached) and a later one. Median of each figure.
 */
function freshProcessVisits(
  file: string,
  asOf: string,
): Record<'coldMs' | 'coldCpuMs' | 'warmMs' | 'warmCpuMs', number> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const runs = [0, 1, 2].map(() => {
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'bin', 'run-ts.mjs'), path.join(root, 'scripts', 'bench', 'credit-cold-visit.ts'), file, asOf],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (r.status !== 0) throw new Error(`credit-cold-visit.ts exited ${r.status}`);
    return JSON.parse(r.stdout) as Record<'coldMs' | 'coldCpuMs' | 'warmMs' | 'warmCpuMs', number>;
  });
  const median = (k: keyof (typeof runs)[0]) => runs.map((x) => x[k]).sort((a, b) => a - b)[1];
  return {
    coldMs: median('coldMs'),
    coldCpuMs: median('coldCpuMs'),
    warmMs: median('warmMs'),
    warmCpuMs: median('warmCpuMs'),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const book = process.argv[2];
  if (!book) throw new Error('usage: scripts/bench/credit.ts BOOK');
  console.log(JSON.stringify(await runCreditBench(book), null, 2));
}
