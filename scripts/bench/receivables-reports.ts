// The receivables report figures on an existing book, in a process of its own that loads what
// the Electron main process loads (Desk, handlers, dispatch) and nothing else: no demo
// generator (faker's locale tables are tens of MB of heap the app never has), so rssMb is the
// memory of a process that opens the book and runs the reports (with the report worker thread,
// which lives in the same process). receivables.ts starts it (bundled by esbuild, as Electron
// runs the code) and merges its figures.
// `node bin/run-ts.mjs scripts/bench/receivables-reports.ts --book FILE [--dir DIR]` (prints JSON)
import fs from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Desk } from '../../main/app/desk';
import { createHandlers } from '../../main/ipc/handlers';
import { dispatch } from '../../main/ipc/register';
import { fixedClock } from '../../main/services/context';
import { addDays } from '../../main/domain/dates';
import type { AgeingReportWire } from '../../shared/types-receivables';
import type { Plugin } from 'esbuild';

const round = (n: number) => Math.round(n * 10) / 10;
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const median = (values: number[]) => round(pct(values, 50));
const loadAvg = () =>
  os
    .loadavg()
    .map((x) => Math.round(x * 100) / 100)
    .join(' ');

/**
 * The report figures on an existing book, measured through `dispatch` as the app calls them.
 * Run in a process of its own so rssMb is the memory of a process that opens the book and runs
 * the reports (with the report worker thread, which lives in the same process).
 */
export async function runReportsBench(book: string, dir: string): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  out.loadAvgBefore = loadAvg();
  const rss0 = process.memoryUsage().rss;
  const desk = new Desk({ mode: 'browser', userDataDir: dir, clock: fixedClock('2026-11-23T09:00:00.000Z') });
  const open0 = performance.now();
  await desk.open(book);
  out.bookOpenMs = round(performance.now() - open0);
  const handlers = createHandlers(desk);
  const trail: string[] = [];
  let serializedBytes = 0;
  const sized = new Set<string>();
  const call = async (channel: string, input: unknown) => {
    const s = performance.now();
    const r = await dispatch(handlers, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    // the size of the answer as Electron's IPC sends it (V8's serializer, as structured clone),
    // once per channel: Electron serializes into native memory freed on sending, where a Buffer
    // here would wait for a garbage collection and inflate this process's figure
    if (!sized.has(channel)) {
      sized.add(channel);
      serializedBytes = Math.max(serializedBytes, v8.serialize(r).length);
    }
    const ms = performance.now() - s;
    if (process.env.BENCH_RSS_TRAIL) {
      const m = process.memoryUsage();
      trail.push(
        `${channel} ${JSON.stringify(input)} ${Math.round(ms)}ms rss ${Math.round(m.rss / 1048576)} heap ${Math.round(m.heapUsed / 1048576)}/${Math.round(m.heapTotal / 1048576)} external ${Math.round(m.external / 1048576)} peak ${peakMb()}`,
      );
    }
    return { ms, data: r.data as Record<string, unknown> };
  };
  const times = async (n: number, channel: string, input: unknown) => {
    const ms: number[] = [];
    let data: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const r = await call(channel, input);
      ms.push(r.ms);
      data = r.data;
    }
    return { ms, data };
  };
  // The report worker keeps the last few results while the book is unchanged, so a repeated
  // request is nearly free; the headline figures are computed ones (every call a different
  // date: a cache miss, the same work), the *CachedMs ones repeat the same request.
  const days = (from: string, n: number, step: number) => Array.from({ length: n }, (_, i) => addDays(from, i * step));
  const each = async (channel: string, inputs: unknown[]) => {
    const ms: number[] = [];
    let data: Record<string, unknown> = {};
    for (const input of inputs) {
      const r = await call(channel, input);
      ms.push(r.ms);
      data = r.data;
    }
    return { ms, data };
  };
  // the first report starts the worker thread (and loads the customer directory there)
  const first = await call('ageing:report', { asOf: '2026-11-23' });
  out.ageingTodayFirstCallMs = round(first.ms);
  const rows = (first.data as unknown as AgeingReportWire).columns.customerId;
  out.ageingRows = rows.length;
  out.ageingTodayMethod = first.data.method as string;
  first.data = {};
  // "today" on later days: the kept open amounts (method current), a different bucket cut each time
  let r = await each(
    'ageing:report',
    days('2026-11-24', 7, 1).map((asOf) => ({ asOf })),
  );
  out.ageingTodayMs = median(r.ms);
  out.ageingTodayMs_max = round(Math.max(...r.ms));
  r = await each(
    'ageing:report',
    days('2026-11-23', 5, 0).map((asOf) => ({ asOf })),
  );
  out.ageingTodayCachedMs = median(r.ms);
  r = await each(
    'ageing:report',
    days('2026-09-26', 5, 1).map((asOf) => ({ asOf })),
  );
  out.ageingPastMs = median(r.ms);
  out.ageingPastMs_max = round(Math.max(...r.ms));
  out.ageingPastMethod = r.data.method as string;
  r = await each(
    'ageing:report',
    days('2026-06-28', 3, 1).map((asOf) => ({ asOf })),
  );
  out.ageingPast5MonthsMs = median(r.ms);
  r = await each(
    'ageing:report',
    days('2026-11-24', 3, 1).map((asOf) => ({ asOf, basis: 'issue' })),
  );
  out.ageingIssueBasisMs = median(r.ms);
  r = { ms: [], data: {} };

  // longest main-thread block while an as-of-past-date ageing runs (5 ms interval lag monitor)
  const blocks: number[] = [];
  for (const asOf of ['2026-09-30', '2026-06-30', '2026-03-31']) {
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last - 5);
      last = now;
    }, 5);
    await call('ageing:report', { asOf });
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    clearInterval(timer);
    blocks.push(longest);
  }
  out.longestMainThreadBlockMs = round(Math.max(...blocks));

  const drill: number[] = [];
  for (let i = 0; i < 50; i++)
    drill.push(
      (await call('ageing:drilldown', { asOf: '2026-11-23', customerId: rows[Math.floor((i * rows.length) / 50)] })).ms,
    );
  out.drilldownMs_p95 = round(pct(drill, 95));
  const drillPast: number[] = [];
  for (let i = 0; i < 20; i++)
    drillPast.push(
      (await call('ageing:drilldown', { asOf: '2026-06-30', customerId: rows[(i * 7) % rows.length] })).ms,
    );
  out.drilldownPastMs_p95 = round(pct(drillPast, 95));

  // the dashboard as of today (the page's default), on different period ends: computed each time
  const dash = await each(
    'receivables:dashboard',
    days('2026-11-24', 5, 1).map((asOf) => ({ asOf })),
  );
  out.dashboardMs = median(dash.ms);
  out.totalReceivableFen = (dash.data.totalReceivable as number) ?? 0;
  out.dashboardCachedMs = median((await times(3, 'receivables:dashboard', {})).ms);
  const dashPast = await each(
    'receivables:dashboard',
    days('2026-09-26', 3, 1).map((asOf) => ({ asOf })),
  );
  out.dashboardPastMs = median(dashPast.ms);
  const tie = await each(
    'ageing:tie-out',
    days('2026-11-24', 3, 1).map((asOf) => ({ asOf })),
  );
  out.tieOutMs = median(tie.ms);
  out.tieOutDifference = tie.data.difference as number;
  const tiePast = await times(1, 'ageing:tie-out', { asOf: '2026-06-30' });
  out.tieOutPastDifference = tiePast.data.difference as number;
  const ledger: number[] = [];
  for (let i = 0; i < 20; i++)
    ledger.push((await call('ledger:customer', { customerId: rows[(i * 13) % rows.length] })).ms);
  out.customerLedgerMs_p95 = round(pct(ledger, 95));
  const credit: number[] = [];
  for (let i = 0; i < 20; i++)
    credit.push((await call('credit:check', { customerId: rows[(i * 11) % rows.length], amount: 100000 })).ms);
  out.creditCheckMs_p95 = round(pct(credit, 95));
  const exp = await call('ageing:export', { asOf: '2026-11-23', format: 'csv' });
  out.exportCsvMs = round(exp.ms);
  out.rssBeforeOpenMb = Math.round(rss0 / 1048576);
  out.rssMb = peakMb();
  out.largestAnswerKb = Math.round(serializedBytes / 1024);
  // what is live: RSS after a full collection (the peak above includes report rows already
  // dropped but not yet collected; V8 collects its old generation lazily)
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 50));
    out.rssAfterGcMb = Math.round(process.memoryUsage().rss / 1048576);
  }
  await desk.close();
  out.loadAvgAfter = loadAvg();
  if (trail.length) process.stderr.write(trail.join('\n') + '\n');
  return out;
}

/**
 * The code as Electron runs it: bundled by esbuild (scripts/build.mjs does the same), not the
 * TypeScript source through tsx (a dev-only loader that costs memory and start-up time): the
 * report worker, and this file for the process that opens the book and runs the reports.
 */
export async function bundle(entry: string, name: string): Promise<string | null> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const outfile = path.join(root, 'node_modules/.cache/creditdesk-bench', name); // beside node_modules: better-sqlite3 resolves
  try {
    const { build } = await import('esbuild');
    // @ts-expect-error plain .mjs script (no types)
    const { bundleOnly } = (await import('../bundled-packages.mjs')) as { bundleOnly: (root: string) => Plugin };
    // built beside and renamed over: node_modules is hard-linked between worktrees, and esbuild
    // writes a file in place, so another worktree's bench would run this worktree's code (and
    // migrate its book) — a new file is this worktree's own
    const tmp = `${outfile}.${process.pid}.tmp`;
    await build({
      entryPoints: [path.join(root, entry)],
      outfile: tmp,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      plugins: [bundleOnly(root)], // kysely and zod bundled, as scripts/build.mjs does
      logLevel: 'warning',
    });
    fs.renameSync(tmp, outfile);
    return outfile;
  } catch {
    return null;
  }
}

/**
 * The import through the IPC handlers as the desktop app runs it: each file staged (as the open
 * dialog does) and imported by token, read from disk in chunks. importPeakRssMb is the peak
 * memory of a process that loads what Electron main loads and imports both files.
 */
export async function runImportBench(
  book: string,
  dir: string,
  invoicesCsv: string,
  receiptsCsv: string,
): Promise<Record<string, number | string>> {
  const out: Record<string, number | string> = {};
  const desk = new Desk({ mode: 'browser', userDataDir: dir, clock: fixedClock('2026-11-23T09:00:00.000Z') });
  await desk.open(book);
  const handlers = createHandlers(desk);
  const { stagedFiles } = await import('../../main/services/files/staged-files');
  const upload = async (channel: string, file: string) => {
    const s = performance.now();
    const r = await dispatch(handlers, channel, { fileToken: stagedFiles.stage(file).token });
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error).slice(0, 500)}`);
    return { ms: Math.round(performance.now() - s), data: r.data as { allocations?: number } };
  };
  out.loadAvgBeforeImport = loadAvg();
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const cpu0 = cpuMs();
  out.importInvoicesMs = (await upload('invoices:import', invoicesCsv)).ms;
  const cpu1 = cpuMs();
  const rs = await upload('receipts:import', receiptsCsv);
  out.importReceiptsMs = rs.ms;
  out.importTotalMs = out.importInvoicesMs + out.importReceiptsMs;
  // CPU time of the import process (the figure to judge on a loaded machine)
  out.importInvoicesCpuMs = Math.round(cpu1 - cpu0);
  out.importReceiptsCpuMs = Math.round(cpuMs() - cpu1);
  out.importTotalCpuMs = out.importInvoicesCpuMs + out.importReceiptsCpuMs;
  out.allocations = rs.data.allocations ?? 0;
  out.loadAvgAfterImport = loadAvg();
  out.importPeakRssMb = peakMb();
  await desk.close();
  return out;
}

/** This file's code in a process of its own (bundled as Electron runs it, when esbuild can). */
async function inChildProcess(args: string[]): Promise<{ bundled: boolean; out: Record<string, number | string> }> {
  const self = fileURLToPath(import.meta.url);
  const runTs = path.resolve(path.dirname(self), '../../bin/run-ts.mjs');
  const worker = await bundle('main/workers/report-worker.ts', 'report-worker.mjs');
  const main = worker ? await bundle('scripts/bench/receivables-reports.ts', 'receivables-reports.mjs') : null;
  const env = worker ? { ...process.env, CREDITDESK_REPORT_WORKER_SCRIPT: worker } : process.env;
  const entry = main ? [main] : [runTs, self];
  const r = spawnSync(process.execPath, ['--expose-gc', ...entry, ...args], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
    env,
  });
  if (r.status !== 0) throw new Error(`receivables bench child failed (${r.status})`);
  return { bundled: main !== null, out: JSON.parse(r.stdout) as Record<string, number | string> };
}

export async function reportsInChildProcess(book: string, dir: string): Promise<Record<string, number | string>> {
  const { bundled, out } = await inChildProcess(['--book', book, '--dir', dir]);
  return { reportProcess: bundled ? 'bundled (esbuild, as in Electron)' : 'TypeScript source via tsx', ...out };
}

export async function importInChildProcess(
  book: string,
  dir: string,
  invoicesCsv: string,
  receiptsCsv: string,
): Promise<Record<string, number | string>> {
  return (await inChildProcess(['--book', book, '--dir', dir, '--invoices', invoicesCsv, '--receipts', receiptsCsv]))
    .out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      book: { type: 'string' },
      dir: { type: 'string' },
      invoices: { type: 'string' },
      receipts: { type: 'string' },
    },
  });
  if (!values.book) throw new Error('--book FILE');
  const dir = values.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-ar-reports-'));
  const out =
    values.invoices && values.receipts
      ? await runImportBench(values.book, dir, values.invoices, values.receipts)
      : await runReportsBench(values.book, dir);
  process.stdout.write(JSON.stringify(out));
}
