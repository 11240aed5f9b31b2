// The report worker (worker_threads): long receivables reports (whole-book ageing as of any
// date, dashboard, tie-out, export) run here on a read-only better-sqlite3 connection to the
// same WAL book, so the Electron main process keeps serving the window meanwhile. Started by
// report-client.ts; bundled for Electron as dist/electron/report-worker.mjs (scripts/build.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite, setSqliteNativeBinding } from '../db/connection';
import { dataVersion } from '../db/receivables-store';
import { columnBuffers, type AgeingColumns } from '../services/receivables/ageing-compute';
import { runJob, type JobOutput, type ReportJob } from './report-jobs';

export interface ReportWorkerData {
  file: string;
  nativeBinding?: string;
}

interface Request {
  id: number;
  job?: ReportJob;
  args?: unknown;
  close?: boolean;
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
const MAX_CACHED = 6;
let cacheVersion = -1;
const cache = new Map<string, JobOutput<ReportJob>>();

function copyColumns(c: AgeingColumns): JobOutput<'ageing'> {
  const cols: AgeingColumns = {
    ...c,
    customerId: c.customerId.slice(),
    cells: c.cells.slice(),
    unapplied: c.unapplied.slice(),
    total: c.total.slice(),
    creditLimit: c.creditLimit.slice(),
    limitUsedBp: c.limitUsedBp.slice(),
  };
  return { result: cols, transfer: columnBuffers(cols) };
}

async function answer(db: NonNullable<typeof sqlite>, job: ReportJob, args: unknown): Promise<JobOutput<ReportJob>> {
  if (!CACHEABLE.has(job)) return runJob(db, job, args as never);
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

port.on('message', async (m: Request) => {
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
    const out = await answer(sqlite, m.job!, m.args);
    port.postMessage({ id: m.id, ok: true, result: out.result }, out.transfer);
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string; field?: string; rows?: unknown };
    port.postMessage({ id: m.id, ok: false, error: { name: err?.name, code: err?.code, message: err?.message ?? String(e), field: err?.field, rows: err?.rows } });
  }
});
