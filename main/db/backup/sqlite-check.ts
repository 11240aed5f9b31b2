// SQLite checks of a backup image (integrity_check + row counts) take seconds on a big book and
// are synchronous in better-sqlite3, so they run in a worker thread: the Electron main process
// keeps answering the window meanwhile. If a worker cannot start (unusual bundling), the same
// check runs in-thread.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { backupNativeBinding, openRawSqlite } from './book-info';

export interface SqliteCheck {
  /** integrity_check lines ('ok' alone when healthy) */
  integrity: string[];
  /** rows per user table; null when integrity failed */
  counts: Record<string, number> | null;
}

export const TABLES_SQL =
  "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";

/** Row count per user table (internal sqlite_* tables excluded). */
export function countRows(db: Database.Database): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { name } of db.prepare(TABLES_SQL).all() as { name: string }[]) {
    try {
      out[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
    } catch {
      /* a virtual table whose module is not available: skipped on both sides */
    }
  }
  return out;
}

/** integrity_check reads every index entry's row: through a memory map of the (private, local)
 *  image instead of a read() per page it costs about a sixth less CPU. SQLite caps the size. */
export const CHECK_MMAP_BYTES = 2 ** 31 - 65536;

function checkInThread(file: string, deleteMode: boolean): SqliteCheck {
  const db = openRawSqlite(file, { readonly: !deleteMode, fileMustExist: true });
  try {
    if (deleteMode) db.pragma('journal_mode = DELETE');
    db.pragma(`mmap_size = ${CHECK_MMAP_BYTES}`);
    const integrity = (db.prepare('PRAGMA integrity_check').all() as { integrity_check: string }[]).map(
      (r) => r.integrity_check,
    );
    return { integrity, counts: integrity.length === 1 && integrity[0] === 'ok' ? countRows(db) : null };
  } finally {
    db.close();
  }
}

// The worker is plain JavaScript (no TypeScript loader needed in the worker, bundling-proof).
const WORKER_SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
let db;
try {
  const Database = require(w.modulePath);
  db = new Database(w.file, Object.assign({ readonly: !w.deleteMode, fileMustExist: true }, w.nativeBinding ? { nativeBinding: w.nativeBinding } : {}));
  if (w.deleteMode) db.pragma('journal_mode = DELETE');
  db.pragma('mmap_size = ' + w.mmapBytes);
  const integrity = db.prepare('PRAGMA integrity_check').all().map((r) => r.integrity_check);
  let counts = null;
  if (integrity.length === 1 && integrity[0] === 'ok') {
    counts = {};
    for (const { name } of db.prepare(w.tablesSql).all()) {
      try { counts[name] = db.prepare('SELECT count(*) AS n FROM "' + name.replace(/"/g, '""') + '"').get().n; } catch (e) { /* skipped */ }
    }
  }
  parentPort.postMessage({ ok: true, integrity, counts });
} catch (e) {
  parentPort.postMessage({ ok: false, message: String((e && e.message) || e), code: e && e.code });
} finally {
  try { if (db) db.close(); } catch (e) { /* ignore */ }
}
`;

function betterSqlitePath(): string {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return 'better-sqlite3';
  }
}

export class WorkerUnavailable extends Error {}

export type WorkerReply = {
  ok?: boolean;
  progress?: [number, number];
  note?: string;
  message?: string;
  code?: string;
  [k: string]: unknown;
};

/** Runs a plain-JavaScript worker until its final { ok } message; progress messages go to
 *  onProgress, messages with a `note` (a result known before the end) to onNote. */
export function runWorker(
  source: string,
  data: Record<string, unknown>,
  onProgress?: (done: number, total: number) => void,
  onNote?: (m: WorkerReply) => void,
): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(source, {
        eval: true,
        workerData: { ...data, modulePath: betterSqlitePath(), nativeBinding: backupNativeBinding() },
      });
    } catch (e) {
      reject(new WorkerUnavailable((e as Error).message));
      return;
    }
    let settled = false;
    worker.on('message', (m: WorkerReply) => {
      if (m.progress) {
        onProgress?.(m.progress[0], m.progress[1]);
        return;
      }
      if (m.note) {
        onNote?.(m);
        return;
      }
      settled = true;
      if (m.ok) resolve(m);
      else if (m.code === 'MODULE_NOT_FOUND' || /Cannot find module/.test(m.message ?? ''))
        reject(new WorkerUnavailable(m.message));
      else reject(Object.assign(new Error(m.message), { code: m.code }));
    });
    worker.once('error', (e) => {
      if (!settled) {
        settled = true;
        reject(new WorkerUnavailable(e.message));
      }
    });
    worker.once('exit', () => {
      if (!settled) {
        settled = true;
        reject(new WorkerUnavailable('worker exited'));
      }
    });
  });
}

const checkResult = (m: WorkerReply): SqliteCheck => ({
  integrity: m.integrity as string[],
  counts: (m.counts as Record<string, number> | null) ?? null,
});

async function checkInWorker(file: string, deleteMode: boolean): Promise<SqliteCheck> {
  return checkResult(
    await runWorker(WORKER_SOURCE, { file, deleteMode, tablesSql: TABLES_SQL, mmapBytes: CHECK_MMAP_BYTES }),
  );
}

let workersUsable = true;

/** False once a worker failed to start: later checks and snapshots run in-thread. */
export const workersAvailable = (): boolean => workersUsable;

/**
 * integrity_check and row counts of a SQLite file, off the main thread when possible.
 * deleteMode: first switch the file to rollback-journal mode (a snapshot becoming one
 * self-contained file). Errors opening/reading the file are thrown as they come from SQLite.
 */
export async function checkSqliteFile(
  file: string,
  opts: { deleteMode?: boolean; inThread?: boolean } = {},
): Promise<SqliteCheck> {
  const deleteMode = opts.deleteMode ?? false;
  if (!opts.inThread && workersUsable) {
    try {
      return await checkInWorker(file, deleteMode);
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
      workersUsable = false; // fall through to the in-thread check from now on
    }
  }
  return checkInThread(file, deleteMode);
}
