// The report worker (worker_threads): long receivables reports (whole-book ageing as of any
// date, dashboard, tie-out, export) run here on a read-only better-sqlite3 connection to the
// same WAL book, so the Electron main process keeps serving the window meanwhile. Started by
// report-client.ts; bundled for Electron as dist/electron/report-worker.mjs (scripts/build.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { openSqlite, setSqliteNativeBinding } from '../db/connection';
import { runJob, type ReportJob } from './report-jobs';

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
    const out = await runJob(sqlite, m.job!, m.args as never);
    port.postMessage({ id: m.id, ok: true, result: out.result }, out.transfer);
  } catch (e) {
    const err = e as { name?: string; code?: string; message?: string; field?: string; rows?: unknown };
    port.postMessage({ id: m.id, ok: false, error: { name: err?.name, code: err?.code, message: err?.message ?? String(e), field: err?.field, rows: err?.rows } });
  }
});
