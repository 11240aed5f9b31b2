// Main-thread side of the report worker: one worker thread per open book, started on the first
// long report, with its own read-only connection (WAL: it reads the last committed state while
// the main connection keeps writing). Closing the book stops the worker first, so no stray
// handle keeps the file (restore replaces it; Windows refuses to replace an open file).
//
// Where the worker script is: beside the bundle (dist/electron/report-worker.mjs, built by
// scripts/build.mjs) when running from the esbuild bundle (Electron); otherwise the TypeScript
// source (dev, CLI, tests), loaded through tsx inside the worker. If a worker cannot start at
// all, reports run on the calling thread as before (and stay there for the process).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Book } from '../db/connection';
import { sqliteNativeBinding } from '../db/native-binding';
import { maxInvoiceId } from '../db/lookups';
import { AppError, type ErrorCode } from '../../shared/result';
import type { JobOutput, ReportJob, ReportJobs } from '../reports/jobs';
import type { AgeingColumns } from '../reports/ageing';
import { joinResult } from './chunked';
import { KeptCustomerNames } from '../reports/collections/customer-names';
import type { PromiseStatusColumns } from '../reports/collections/promise-status-columns';
import type { BacktestProgress } from '../reports/credit-backtest';
import type { ReportWorkerData } from './report-worker';
import { packedAt, type PackedStrings } from './packed-strings';

type PackedDirectory = { rev: number; code: PackedStrings; name: PackedStrings };
type AgeingByRank = AgeingColumns & { directory?: PackedDirectory };

export type ReportWorkerMode = 'auto' | 'always' | 'never';

/** 'auto': the worker for books with at least this many invoices (small books answer in a few ms in-thread). */
export const AUTO_MIN_INVOICES = 20_000;

function envMode(): ReportWorkerMode {
  const v = process.env.CREDITDESK_REPORT_WORKER;
  return v === 'always' || v === 'never' ? v : 'auto';
}
let mode: ReportWorkerMode = envMode();
let unavailable: string | null = null;

/** Tests and tools: force the worker on ('always'), off ('never'), or size-based ('auto'). */
export function setReportWorkerMode(m: ReportWorkerMode): void {
  mode = m;
  if (m === 'always') unavailable = null;
}

const stats = { workersStarted: 0, jobs: 0 };

/** Counters (tests, diagnostics): worker threads started, jobs answered by a worker. */
export function reportWorkerStats(): { workersStarted: number; jobs: number } {
  return { ...stats };
}

/** Why reports run in-thread although a worker was wanted (null while workers start fine). */
export function reportWorkerUnavailable(): string | null {
  return unavailable;
}

export function wantsWorker(book: Book): boolean {
  if (mode === 'never' || unavailable !== null || !book.sqlite.open) return false;
  if (book.path === ':memory:' || book.sqlite.memory) return false;
  if (mode === 'always') return true;
  return maxInvoiceId(book.sqlite) >= AUTO_MIN_INVOICES;
}

/** The worker shares the process's memory with the window: a small young generation has a
 *  report's garbage collected early instead of growing the heap (1,000,000 invoices, five
 *  ageing reports in a row: peak RSS about 270 MB instead of 410 MB). A job too big for the old
 *  generation kills the worker and runs again on the main thread (ReportWorkerUnavailable). */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 160 };

interface WorkerScript {
  url: URL;
  /** TypeScript source: tsx is registered inside the worker first */
  ts: boolean;
}

function workerScript(): WorkerScript {
  const forced = process.env.CREDITDESK_REPORT_WORKER_SCRIPT; // a bundle to try in dev (bench)
  if (forced) return { url: pathToFileURL(forced), ts: forced.endsWith('.ts') };
  const bundled = new URL('./report-worker.mjs', import.meta.url);
  if (bundled.protocol === 'file:') {
    const file = fileURLToPath(bundled);
    // packaged app: prefer an unpacked copy (electron-builder asarUnpack) over one inside app.asar
    const unpacked = file.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
    if (unpacked !== file && fs.existsSync(unpacked)) return { url: pathToFileURL(unpacked), ts: false };
    if (fs.existsSync(file)) return { url: bundled, ts: false };
  }
  return { url: new URL('./report-worker.ts', import.meta.url), ts: true };
}

function tsxApi(): string {
  try {
    const cjs = createRequire(import.meta.url).resolve('tsx/esm/api');
    const esm = cjs.replace(/\.cjs$/, '.mjs');
    return pathToFileURL(fs.existsSync(esm) ? esm : cjs).href;
  } catch {
    return 'tsx/esm/api';
  }
}

/** A report worker could not run (not a report error): the caller falls back to in-thread. */
export class ReportWorkerUnavailable extends Error {}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  /** a result arriving in chunks (chunked.ts) */
  chunks?: unknown[][];
  onProgress?: (p: BacktestProgress) => void;
}

/** Progress and cancel for a job on the worker (the back-test reports them). */
export interface WorkerJobOptions {
  onProgress?: (p: BacktestProgress) => void;
  /** a SharedArrayBuffer of one Int32: store 1 to cancel (the worker reads it between slices) */
  cancel?: SharedArrayBuffer;
}

class ReportWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private waiting = 0;
  private ready: Promise<void>;
  dead = false;
  /** the worker opened the book (a later failure is one job's, not "workers cannot run here") */
  started = false;

  constructor(file: string) {
    const script = workerScript();
    const data: ReportWorkerData = { file, nativeBinding: sqliteNativeBinding() };
    this.worker = script.ts
      ? new Worker(
          `import(${JSON.stringify(tsxApi())}).then((m) => { m.register(); return import(${JSON.stringify(script.url.href)}); });`,
          { eval: true, workerData: data, resourceLimits: RESOURCE_LIMITS },
        )
      : new Worker(script.url, { workerData: data, resourceLimits: RESOURCE_LIMITS });
    this.worker.unref();
    this.ready = new Promise<void>((resolve, reject) => {
      const onFirst = (m: { ready?: boolean; message?: string }) => {
        if (m.ready === true) {
          this.started = true;
          stats.workersStarted++;
          resolve();
        } else if (m.ready === false)
          reject(new ReportWorkerUnavailable(m.message ?? 'the report worker could not open the book'));
      };
      this.worker.once('message', onFirst);
      this.worker.once('error', (e) => reject(new ReportWorkerUnavailable(e.message)));
      this.worker.once('exit', (code) => reject(new ReportWorkerUnavailable(`the report worker exited (${code})`)));
    });
    this.ready.catch(() => undefined);
    this.worker.on(
      'message',
      (m: {
        id?: number;
        progress?: BacktestProgress;
        ok?: boolean;
        result?: unknown;
        chunk?: unknown[];
        chunked?: boolean;
        error?: {
          name?: string;
          code?: string;
          message: string;
          field?: string;
          rows?: unknown;
          key?: string;
          values?: Record<string, string | number>;
        };
      }) => {
        if (m.id === undefined) return;
        const p = this.pending.get(m.id);
        if (!p) return;
        if (m.chunk) {
          (p.chunks ??= []).push(m.chunk);
          const id = m.id;
          // the next chunk on a later turn: the window's own work runs in between
          setImmediate(() => !this.dead && this.worker.postMessage({ id, ack: p.chunks!.length }));
          return;
        }
        if (m.progress) {
          p.onProgress?.(m.progress);
          return;
        }
        this.pending.delete(m.id);
        if (m.ok) p.resolve(m.chunked ? joinResult(m.result, p.chunks ?? []) : m.result);
        else if (m.error?.name === 'AppError' && m.error.code) {
          p.reject(
            new AppError(m.error.code as ErrorCode, m.error.message, {
              field: m.error.field,
              rows: m.error.rows as never,
              key: m.error.key,
              values: m.error.values,
            }),
          );
        } else p.reject(new Error(m.error?.message ?? 'report failed'));
      },
    );
    const fail = (e: Error) => {
      this.dead = true;
      for (const p of this.pending.values()) p.reject(new ReportWorkerUnavailable(e.message));
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the report worker exited (${code})`)));
  }

  /** The customer directory's codes and names, as last sent by the worker (report-worker.ts). */
  private directory: PackedDirectory | null = null;

  /** An ageing result with its codes and names put back from the rows' directory ranks. */
  withNames(r: AgeingByRank): AgeingColumns {
    const { directory, ...cols } = r;
    if (directory) this.directory = directory;
    if (cols.code.length === cols.rank.length) return cols; // sent with its strings
    const dir = this.directory;
    if (!dir || dir.rev !== cols.dirRev) throw new Error('report worker: customer directory out of step');
    cols.code = Array.from(cols.rank, (k) => packedAt(dir.code, k));
    cols.name = Array.from(cols.rank, (k) => packedAt(dir.name, k));
    return cols;
  }

  /** The promise statuses' customers as last sent by the worker (report-worker.ts). */
  readonly promiseCustomers = new KeptCustomerNames();

  async run<J extends ReportJob>(
    job: J,
    args: ReportJobs[J]['args'],
    opts: WorkerJobOptions = {},
  ): Promise<ReportJobs[J]['result']> {
    this.waiting++;
    this.worker.ref(); // a CLI waiting for a report must not exit meanwhile
    try {
      await this.ready;
      if (this.dead) throw new ReportWorkerUnavailable('the report worker has stopped');
      const id = this.nextId++;
      return await new Promise((resolve, reject) => {
        this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress: opts.onProgress });
        this.worker.postMessage({ id, job, args, cancel: opts.cancel });
      });
    } finally {
      if (--this.waiting === 0 && !this.dead) this.worker.unref();
    }
  }

  /** Closes the worker's connection, then the thread (terminated if it does not answer). */
  async stop(): Promise<void> {
    if (this.dead) return;
    this.dead = true;
    this.worker.ref();
    const id = this.nextId++;
    let timer: NodeJS.Timeout | undefined;
    const closed = new Promise<void>((resolve) => {
      this.pending.set(id, { resolve: () => resolve(), reject: () => resolve() });
      this.worker.postMessage({ id, close: true });
    });
    await Promise.race([closed, new Promise<void>((r) => (timer = setTimeout(r, 2000)))]);
    clearTimeout(timer);
    await this.worker.terminate();
  }
}

const workers = new WeakMap<Book, ReportWorker>();

function workerFor(book: Book): ReportWorker {
  let w = workers.get(book);
  if (w && !w.dead) return w;
  w = new ReportWorker(book.path);
  workers.set(book, w);
  if (!closeHooked.has(book)) {
    closeHooked.add(book);
    const close = book.close.bind(book);
    book.close = async () => {
      await workers.get(book)?.stop();
      await close();
    };
  }
  return w;
}
const closeHooked = new WeakSet<Book>();

/** Runs a report job on the book's worker; ReportWorkerUnavailable when no worker can run it. */
export async function runInWorker<J extends ReportJob>(
  book: Book,
  job: J,
  args: ReportJobs[J]['args'],
  opts: WorkerJobOptions = {},
): Promise<ReportJobs[J]['result']> {
  const w = workerFor(book);
  try {
    const result = await w.run(job, args, opts);
    stats.jobs++;
    if (job === 'collections:promises') {
      const r = result as PromiseStatusColumns;
      return { ...r, customers: w.promiseCustomers.of(r.customersRev, r.customers) } as ReportJobs[J]['result'];
    }
    return job === 'ageing' ? (w.withNames(result as AgeingByRank) as ReportJobs[J]['result']) : result;
  } catch (e) {
    if (e instanceof ReportWorkerUnavailable && !w.started) unavailable = e.message;
    throw e;
  }
}

export type { JobOutput };
