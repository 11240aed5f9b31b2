// The report worker (worker_threads): long receivables reports (whole-book ageing as of any
// date, dashboard, tie-out, export) run here on a read-only better-sqlite3 connection to the
// same WAL book, so the Electron main process keeps serving the window meanwhile. Started by
// report-client.ts; bundled for Electron as dist/electron/report-worker.mjs (scripts/build.mjs).
import v8 from 'node:v8';
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite } from '../db/sqlite-file';
import { setSqliteNativeBinding } from '../db/native-binding';
import { dataVersion } from '../db/receivables/as-of';
import { customerDirectory } from '../db/receivables/directory';
import { columnBuffers, type AgeingColumns } from '../reports/ageing';
import { runJob, type JobControl, type JobOutput, type ReportJob } from '../reports/jobs';
import { isCollectionsJob } from '../reports/collections/jobs';
import { splitResult } from './chunked';
import { packStrings, type PackedStrings } from './packed-strings';
import type { PromiseStatusColumns } from '../reports/collections/promise-status-columns';

export interface ReportWorkerData {
  file: string;
  nativeBinding?: string;
}

interface Request {
  id: number;
  job?: ReportJob;
  args?: unknown;
  close?: boolean;
  /** the main thread has taken chunk `ack` of request `id` (chunked.ts) */
  ack?: number;
  /** one Int32: the main thread stores 1 to cancel (read between slices, no message needed) */
  cancel?: SharedArrayBuffer;
}

/** Progress goes out as its own messages ({id, progress}); cancel is read from the shared flag. */
function controlFor(m: Request): JobControl {
  const flag = m.cancel ? new Int32Array(m.cancel) : null;
  return {
    onProgress: (progress) => port!.postMessage({ id: m.id, progress }),
    isCancelled: () => flag !== null && Atomics.load(flag, 0) !== 0,
  };
}

const port = parentPort;
if (!port) throw new Error('report-worker.ts runs as a worker thread');
const data = workerData as ReportWorkerData;
setSqliteNativeBinding(data.nativeBinding);
let sqlite: ReturnType<typeof openSqlite> | null = null;
try {
  sqlite = openSqlite(data.file, { readonly: true, fileMustExist: true });
  port.postMessage({ ready: true });
} catch (e) {
  port.postMessage({ ready: false, message: (e as Error)?.message ?? String(e) });
}

// The last few results, valid while the book is unchanged: PRAGMA data_version moves whenever
// another connection (the app's) commits, so a report asked again (page revisited, refetch on
// focus, another tab) is answered without recomputing, and never stale.
const CACHEABLE = new Set<ReportJob>(['ageing', 'tie-out', 'dashboard']);
const MAX_CACHED = 3;
let cacheVersion = -1;
const cache = new Map<string, JobOutput<ReportJob>>();

// The customer directory's strings cross to the main thread once per revision; each report then
// carries only the rows' ranks (42,000 codes and names cloned per report were megabytes of
// short-lived main-thread heap). report-client.ts puts the strings back. They cross packed (one
// text per column, packed-strings.ts): the main thread does not decode 100,000 of each.
let sentDirRev: number | null = null;

function copyColumns(c: AgeingColumns): JobOutput<'ageing'> {
  let directory: { rev: number; code: PackedStrings; name: PackedStrings } | undefined;
  const dir = sqlite ? customerDirectory(sqlite) : null;
  const byRank = dir !== null && dir.rev === c.dirRev; // else (never expected) the strings go along
  if (byRank && sentDirRev !== dir.rev) {
    directory = { rev: dir.rev, code: packStrings(dir.code), name: packStrings(dir.name) };
    sentDirRev = dir.rev;
  }
  const cols: AgeingColumns & { directory?: typeof directory } = {
    ...c,
    code: byRank ? [] : c.code,
    name: byRank ? [] : c.name,
    directory,
    rank: c.rank.slice(),
    customerId: c.customerId.slice(),
    cells: c.cells.slice(),
    unapplied: c.unapplied.slice(),
    total: c.total.slice(),
    creditLimit: c.creditLimit.slice(),
    limitUsedBp: c.limitUsedBp.slice(),
  };
  const transfer = columnBuffers(cols);
  if (directory) transfer.push(directory.code.end.buffer as ArrayBuffer, directory.name.end.buffer as ArrayBuffer);
  return { result: cols, transfer };
}

// The same for the promise statuses' customers (in SQLite's code order: their own list).
let sentPromiseCustomersRev: number | null = null;

function promiseNamesOnce(c: PromiseStatusColumns): PromiseStatusColumns {
  if (c.customersRev < 0) return c; // names of this result alone
  if (sentPromiseCustomersRev === c.customersRev) return { ...c, customers: undefined };
  sentPromiseCustomersRev = c.customersRev;
  return c;
}

async function answer(
  db: NonNullable<typeof sqlite>,
  job: ReportJob,
  args: unknown,
  ctl: JobControl,
): Promise<JobOutput<ReportJob>> {
  if (!CACHEABLE.has(job)) return runJob(db, job, args as never, ctl);
  const version = dataVersion(db);
  if (version !== cacheVersion) {
    cache.clear();
    cacheVersion = version;
  }
  const key = `${job}\u0000${JSON.stringify(args)}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = await runJob(db, job, args as never);
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, hit);
  }
  // transferred buffers leave this thread: hand over copies, keep the cached ones
  return job === 'ageing' ? copyColumns(hit.result as AgeingColumns) : { result: hit.result, transfer: [] };
}

// A full collection of this thread's heap once an answer has gone out: a report leaves tens of
// MB of garbage that V8 would otherwise keep until the heap grows much larger, and the worker
// shares the process's memory with the window. It runs here, never on the main thread, and
// after the reply, so nobody waits for it. (gc is exposed to this isolate only; if the flag
// cannot be set, V8 collects on its own schedule as before.)
const collect: (() => void) | null = (() => {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
})();
let collectTimer: NodeJS.Timeout | null = null;
function collectSoon(): void {
  if (!collect || collectTimer) return;
  collectTimer = setTimeout(() => {
    collectTimer = null;
    collect();
  }, 20);
}

// Results of the collections jobs go in chunks, each sent once the main thread took the last one.
const acks = new Map<number, () => void>();
async function postChunked(id: number, result: unknown): Promise<boolean> {
  const split = splitResult(result);
  if (!split) return false;
  for (const chunk of split.chunks) {
    const taken = new Promise<void>((resolve) => acks.set(id, resolve));
    port!.postMessage({ id, chunk });
    await taken;
  }
  port!.postMessage({ id, ok: true, result: split.head, chunked: true });
  return true;
}

port.on('message', async (m: Request) => {
  if (m.ack !== undefined) {
    const taken = acks.get(m.id);
    acks.delete(m.id);
    taken?.();
    return;
  }
  if (m.close) {
    try {
      sqlite?.close();
    } catch {
      /* closing anyway */
    }
    sqlite = null;
    port.postMessage({ id: m.id, ok: true, result: null });
    port.close();
    return;
  }
  try {
    if (!sqlite) throw new Error('the report worker has no open book');
    const out = await answer(sqlite, m.job!, m.args, controlFor(m));
    if (m.job === 'collections:promises') out.result = promiseNamesOnce(out.result as PromiseStatusColumns);
    if (!(isCollectionsJob(m.job!) && (await postChunked(m.id, out.result))))
      port.postMessage({ id: m.id, ok: true, result: out.result }, out.transfer);
    collectSoon();
  } catch (e) {
    const err = e as {
      name?: string;
      code?: string;
      message?: string;
      field?: string;
      rows?: unknown;
      key?: string;
      values?: unknown;
    };
    port.postMessage({
      id: m.id,
      ok: false,
      error: {
        name: err?.name,
        code: err?.code,
        message: err?.message ?? String(e),
        field: err?.field,
        rows: err?.rows,
        key: err?.key,
        values: err?.values,
      },
    });
  }
});
