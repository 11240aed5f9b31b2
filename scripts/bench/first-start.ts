// Cold figures a new user meets (issue 16), each in fresh processes:
//   nodeBaselineMs      `node -e 0` (what any Node command costs on this machine), median
//   cliHelpMs           `creditdesk --help` whole process, median (target ≤ 150)
//   cliAgeingPastMs     `creditdesk ageing --as-of <past date>` whole process, JSON to a file
//   referenceQueryMs    one plain set-based SQLite query of the same ageing (open amount per
//                       invoice = amount − Σ allocations up to D, bucketed, grouped by customer),
//                       the query alone on a fresh connection; cliAgeingRatio = cli / reference
//                       (target ≤ 0.5); on a loaded machine wall times swing with the other
//                       processes, so the same pair is also given as CPU time (cliAgeingPastCpuMs:
//                       user + system of the whole CLI process; referenceQueryCpuMs: the query's
//                       own process CPU) and cliAgeingCpuRatio
//   appOpenToAgeing*Ms  open the book as the app does (Desk) → first ageing report through the
//                       IPC dispatch, today and a past date, in a fresh process (target ≤ 1000);
//                       *CpuMs: that stretch's CPU (main thread + report worker); appProcessToAgeing*CpuMs:
//                       the whole process's CPU up to then, Node's start and module loading included
//   browserCold*Ms      browser mode in a new Chromium profile: first-contentful-paint (≤ 1000) and
//                       the customer list on screen (interactive, ≤ 2000), browser-first-paint.ts
//   cliImport*Ms        `creditdesk import` whole process, each, wall and CPU (all its threads: the
//                       index sorts and the CSV parsing use a second core; issue 16's target:
//                       1M invoices + their receipts ≤ 60 s, cliImportInvoicesReceiptsMs / …CpuMs;
//                       cliImportTotalMs / cliImportTotalCpuMs add the 100k customers):
//                       customers.csv into a new empty book, then invoices.csv and receipts.csv
//                       into a copy of base.creditdesk (the same customers); and the invoices and
//                       receipts through the app's import path (appImport*Ms), same run. Files:
//                       --import-dir DIR (import-files.ts output) and --base-book, or, from `npm
//                       run bench` (--customers/--invoices given), written by import-files.ts at
//                       the run's size first (--skip-import leaves the imports out)
// `node bin/run-ts.mjs scripts/bench/first-start.ts --book FILE [--past YYYY-MM-DD] [--skip-browser] [--skip-import] [--import-dir DIR --base-book FILE [--import-only]]`
// (import-files.ts writes DIR/base.creditdesk, invoices.csv and receipts.csv)
// Without --book a small demo book is made (--customers N, default 2,000).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runBrowserFirstPaint } from './browser-first-paint';
import { bundle, importInChildProcess } from './receivables-reports';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'bin', 'creditdesk.mjs');
const loadAvg = () =>
  os
    .loadavg()
    .map((x) => Math.round(x * 100) / 100)
    .join(' ');

function wallMs(args: string[], opts: { env?: NodeJS.ProcessEnv; stdout?: number | 'ignore' } = {}): number {
  const t = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', opts.stdout ?? 'ignore', 'inherit'],
    env: opts.env ?? process.env,
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return ms;
}
const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]);

// the reference: no kept open amounts, no date-side choice, no customer directory — the query
// anyone would write first, run by better-sqlite3 in a process of its own
const REFERENCE = `
const Database = require('better-sqlite3');
const [file, d] = process.argv.slice(1);
const db = new Database(file, { readonly: true });
const t = performance.now();
const c0 = process.cpuUsage();
const back = (n) => new Date(Date.parse(d + 'T00:00:00Z') - n * 86400000).toISOString().slice(0, 10);
const p = { d, b30: back(30), b60: back(60), b90: back(90), b180: back(180), b365: back(365) };
const rows = db.prepare(\`
  SELECT i.customer_id AS cid,
         CASE WHEN i.due_date >= @d THEN 0 WHEN i.due_date >= @b30 THEN 1 WHEN i.due_date >= @b60 THEN 2 WHEN i.due_date >= @b90 THEN 3
              WHEN i.due_date >= @b180 THEN 4 WHEN i.due_date >= @b365 THEN 5 ELSE 6 END AS bucket,
         SUM(i.amount - COALESCE(a.s, 0)) AS open
  FROM invoices i LEFT JOIN (SELECT invoice_id, SUM(amount) AS s FROM allocations WHERE date <= @d GROUP BY invoice_id) a ON a.invoice_id = i.id
  WHERE i.issue_date <= @d AND i.voided_at IS NULL AND i.amount - COALESCE(a.s, 0) <> 0
  GROUP BY cid, bucket\`).raw().all(p);
const c = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ ms: performance.now() - t, cpuMs: (c.user + c.system) / 1000, rows: rows.length }));
`;

/** Wall and CPU (user + system, from /usr/bin/time) of a whole child process. */
export function wallAndCpuMs(args: string[], stdout: number): { ms: number; cpuMs: number } {
  if (!fs.existsSync('/usr/bin/time')) return { ms: wallMs(args, { stdout }), cpuMs: NaN };
  const tf = path.join(os.tmpdir(), `creditdesk-time-${process.pid}.txt`);
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', tf, process.execPath, ...args], {
    cwd: root,
    stdio: ['ignore', stdout, 'inherit'],
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  const [u, sys] = fs.readFileSync(tf, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  fs.rmSync(tf, { force: true });
  return { ms, cpuMs: (u + sys) * 1000 };
}

function referenceQuery(book: string, asOf: string): { ms: number; cpuMs: number; rows: number } {
  const r = spawnSync(process.execPath, ['-e', REFERENCE, book, asOf], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (r.status !== 0) throw new Error('reference query failed');
  return JSON.parse(r.stdout) as { ms: number; cpuMs: number; rows: number };
}

export async function runFirstStartBench(opts: {
  book?: string;
  past?: string;
  importDir?: string;
  baseBook?: string;
  customers?: number;
  invoices?: number;
  dir: string;
  importOnly?: boolean;
  /** leave out the browser figures (a run about the CLI and the app process only) */
  skipBrowser?: boolean;
  skipImport?: boolean;
}) {
  const out: Record<string, number | string> = { loadAvgStart: loadAvg() };
  if (!opts.importOnly) await coldFigures(opts, out);
  if (!opts.importDir && opts.customers && !opts.skipImport) {
    // `npm run bench`: the import files at the run's size
    const importDir = path.join(opts.dir, 'import-files');
    const n = opts.customers;
    wallMs([
      path.join(root, 'bin', 'run-ts.mjs'),
      path.join(root, 'scripts', 'bench', 'import-files.ts'),
      importDir,
      '--customers',
      String(n),
      '--invoices',
      String(opts.invoices ?? n * 10),
    ]);
    out.importCustomers = n;
    out.importInvoices = opts.invoices ?? n * 10;
    Object.assign(opts, { importDir, baseBook: path.join(importDir, 'base.creditdesk') });
  }
  if (opts.importDir && opts.baseBook)
    await importFigures(opts as typeof opts & { importDir: string; baseBook: string }, out);
  out.loadAvgEnd = loadAvg();
  for (const k of Object.keys(out)) if (typeof out[k] === 'number') out[k] = Math.round((out[k] as number) * 100) / 100;
  return out;
}

async function coldFigures(
  opts: { book?: string; past?: string; customers?: number; invoices?: number; dir: string; skipBrowser?: boolean },
  out: Record<string, number | string>,
) {
  wallMs([cli, '--help']); // builds dist/cli when missing or stale (not part of the figure)
  const base: number[] = [];
  const help: number[] = [];
  for (let i = 0; i < 9; i++) {
    base.push(wallMs(['-e', '0']));
    help.push(wallMs([cli, '--help']));
  }
  out.nodeBaselineMs = median(base);
  out.cliHelpMs = median(help);
  out.cliHelpOverNodeMs = out.cliHelpMs - out.nodeBaselineMs;

  let book = opts.book;
  if (!book) {
    book = path.join(opts.dir, 'first-start.creditdesk');
    const n = opts.customers ?? 2000;
    wallMs([cli, 'demo', '--db', book, '--customers', String(n), '--invoices', String(opts.invoices ?? n * 10)]);
  }
  out.book = book;
  out.bookMb = Math.round(fs.statSync(book).size / 1e6);
  const past = opts.past ?? '2026-06-30';
  out.pastDate = past;
  const json = path.join(opts.dir, 'ageing.json');
  const cliRuns: number[] = [];
  const cliCpu: number[] = [];
  const refRuns: number[] = [];
  const refCpu: number[] = [];
  for (let i = 0; i < 3; i++) {
    const c = wallAndCpuMs([cli, 'ageing', '--db', book, '--as-of', past], fs.openSync(json, 'w'));
    cliRuns.push(c.ms);
    cliCpu.push(c.cpuMs);
    const r = referenceQuery(book, past);
    refRuns.push(r.ms);
    refCpu.push(r.cpuMs);
  }
  out.cliAgeingPastMs = median(cliRuns);
  out.referenceQueryMs = median(refRuns);
  out.cliAgeingRatio = Math.round((out.cliAgeingPastMs / out.referenceQueryMs) * 100) / 100;
  out.cliAgeingPastCpuMs = median(cliCpu);
  out.referenceQueryCpuMs = median(refCpu);
  out.cliAgeingCpuRatio = Math.round((out.cliAgeingPastCpuMs / out.referenceQueryCpuMs) * 100) / 100;
  out.cliAgeingRows = (JSON.parse(fs.readFileSync(json, 'utf8')) as { rows: unknown[] }).rows.length;

  // open → first ageing in the app's code, in a fresh process each (cold: nothing cached), bundled
  // by esbuild as Electron runs it (tsx compiling the sources cost seconds of the figure)
  const coldOpen = await bundle('scripts/bench/cold-open.ts', 'cold-open.mjs');
  const worker = await bundle('main/workers/report-worker.ts', 'report-worker.mjs');
  out.appProcess = coldOpen && worker ? 'bundled (esbuild, as in Electron)' : 'TypeScript source via tsx';
  for (const [key, asOf] of [
    ['Today', '2026-11-23'],
    ['Past', past],
  ] as const) {
    const r = spawnSync(
      process.execPath,
      coldOpen
        ? [coldOpen, book, asOf]
        : [path.join(root, 'bin', 'run-ts.mjs'), path.join(root, 'scripts', 'bench', 'cold-open.ts'), book, asOf],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          CREDITDESK_REPORT_WORKER_SCRIPT: worker ?? path.join(root, 'dist', 'cli', 'report-worker.mjs'),
        },
      },
    );
    if (r.status !== 0) throw new Error('cold-open failed');
    const got = JSON.parse(r.stdout) as {
      openMs: number;
      firstAgeingMs: number;
      rows: number;
      cpuMs: number;
      processCpuMs: number;
    };
    out[`appOpenMs_${key}`] = got.openMs;
    out[`appOpenToAgeing${key}Ms`] = Math.round(got.openMs + got.firstAgeingMs);
    out[`appOpenToAgeing${key}CpuMs`] = got.cpuMs; // main thread + report worker, the whole process
    out[`appProcessToAgeing${key}CpuMs`] = got.processCpuMs;
  }

  if (!opts.skipBrowser) Object.assign(out, await runBrowserFirstPaint(book));
}

async function importFigures(
  opts: { importDir: string; baseBook: string; dir: string },
  out: Record<string, number | string>,
) {
  {
    const target = path.join(opts.dir, 'import.creditdesk');
    out.loadAvgBeforeImport = loadAvg();
    const devNull = fs.openSync('/dev/null', 'w');
    const cliImport = (key: string, kind: string) => {
      const r = wallAndCpuMs([cli, 'import', '--db', target, kind, path.join(opts.importDir, `${kind}.csv`)], devNull);
      out[`cliImport${key}Ms`] = Math.round(r.ms);
      out[`cliImport${key}CpuMs`] = Math.round(r.cpuMs);
      return r;
    };
    const parts: { ms: number; cpuMs: number }[] = [];
    if (fs.existsSync(path.join(opts.importDir, 'customers.csv'))) {
      for (const ext of ['', '-wal', '-shm']) fs.rmSync(target + ext, { force: true });
      wallMs([cli, 'init', '--db', target]);
      parts.push(cliImport('Customers', 'customers'));
    }
    fs.copyFileSync(opts.baseBook, target);
    for (const ext of ['-wal', '-shm']) fs.rmSync(target + ext, { force: true });
    const documents = [cliImport('Invoices', 'invoices'), cliImport('Receipts', 'receipts')];
    out.cliImportInvoicesReceiptsMs = Math.round(documents[0].ms + documents[1].ms);
    out.cliImportInvoicesReceiptsCpuMs = Math.round(documents[0].cpuMs + documents[1].cpuMs);
    parts.push(...documents);
    out.cliImportTotalMs = Math.round(parts.reduce((s, p) => s + p.ms, 0));
    out.cliImportTotalCpuMs = Math.round(parts.reduce((s, p) => s + p.cpuMs, 0));
    fs.closeSync(devNull);
    // the same files through the app's import path (staged file → IPC handler), same run
    fs.copyFileSync(opts.baseBook, target);
    for (const ext of ['-wal', '-shm']) fs.rmSync(target + ext, { force: true });
    const app = await importInChildProcess(
      target,
      opts.dir,
      path.join(opts.importDir, 'invoices.csv'),
      path.join(opts.importDir, 'receipts.csv'),
    );
    out.appImportInvoicesMs = app.importInvoicesMs;
    out.appImportReceiptsMs = app.importReceiptsMs;
    out.appImportTotalMs = app.importTotalMs;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      book: { type: 'string' },
      past: { type: 'string' },
      'import-dir': { type: 'string' },
      'base-book': { type: 'string' },
      customers: { type: 'string' },
      'import-only': { type: 'boolean' },
      'skip-browser': { type: 'boolean' },
      'skip-import': { type: 'boolean' },
    },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-first-start-'));
  try {
    const r = await runFirstStartBench({
      book: values.book,
      past: values.past,
      importDir: values['import-dir'],
      baseBook: values['base-book'],
      customers: values.customers ? Number(values.customers) : undefined,
      importOnly: values['import-only'],
      skipBrowser: values['skip-browser'],
      skipImport: values['skip-import'],
      dir,
    });
    console.log(JSON.stringify(r, null, 2));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
