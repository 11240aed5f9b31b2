// The snapshot a backup is made from: a consistent copy of the book (SQLite backup API, safe
// while the app writes) switched to a rollback journal, then checked (integrity_check, row
// counts). One worker does all three in turn and reports the row counts as soon as it has them
// (a few milliseconds after the copy): the caller writes the backup file while integrity_check
// (about a second per 100k invoices) still runs beside it, and waits for its verdict before the
// file gets its final name.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { BackupError, keyedBackupError } from './errors';
import { rmSqliteFiles } from './fsutil';
import { openRawSqlite } from './book-info';
import {
  CHECK_MMAP_BYTES,
  TABLES_SQL,
  WorkerUnavailable,
  checkSqliteFile,
  runWorker,
  workersAvailable,
  type SqliteCheck,
} from './sqlite-check';
import type { ProgressFn } from './verify';

export interface SnapshotSource {
  /** An open connection to the book (the app's own). */
  sqlite?: Database.Database;
  /** Or the book's file. */
  dbPath?: string;
  pagesPerStep?: number;
  onProgress?: ProgressFn;
}

export interface InspectedSnapshot {
  /** rows per user table of the snapshot */
  tables: Record<string, number>;
  /** settles when integrity_check has finished: rejects with the BackupError a damaged snapshot
   *  gets (the same as when the check ran before anything was written) */
  checked: Promise<void>;
}

const yieldToLoop = () => new Promise<void>((r) => setImmediate(r));

// The worker is plain JavaScript (see sqlite-check.ts). A write by another connection restarts a
// stepped backup; after a few restarts the rest is copied in one step (in WAL mode one consistent
// read that does not block writers). Counting first is safe: a damaged file fails the
// integrity_check that follows, and the backup is refused then.
const SNAPSHOT_SOURCE = `
const { parentPort, workerData: w } = require('node:worker_threads');
(async () => {
  let src, db, phase = 'snapshot';
  try {
    const Database = require(w.modulePath);
    const nb = w.nativeBinding ? { nativeBinding: w.nativeBinding } : {};
    src = new Database(w.source, Object.assign({ fileMustExist: true }, nb));
    src.pragma('busy_timeout = 5000');
    let last = Infinity, restarts = 0;
    await src.backup(w.dest, {
      progress: ({ totalPages, remainingPages }) => {
        if (remainingPages > last) restarts++;
        last = remainingPages;
        parentPort.postMessage({ progress: [totalPages - remainingPages, totalPages] });
        return restarts >= 3 ? 0x7fffffff : w.pages;
      },
    });
    src.close();
    src = undefined;
    const copy = new Database(w.dest, Object.assign({ fileMustExist: true }, nb));
    try { copy.pragma('journal_mode = DELETE'); } finally { copy.close(); }
    phase = 'check';
    parentPort.postMessage({ note: 'snapshot' });
    db = new Database(w.dest, Object.assign({ readonly: true, fileMustExist: true }, nb));
    db.pragma('mmap_size = ' + w.mmapBytes);
    let counts = null, countError = null;
    try {
      counts = {};
      for (const { name } of db.prepare(w.tablesSql).all()) {
        try { counts[name] = db.prepare('SELECT count(*) AS n FROM "' + name.replace(/"/g, '""') + '"').get().n; } catch (e) { /* skipped */ }
      }
    } catch (e) {
      counts = null;
      countError = { message: String((e && e.message) || e), code: e && e.code };
    }
    parentPort.postMessage({ note: 'counts', counts });
    const integrity = db.prepare('PRAGMA integrity_check').all().map((r) => r.integrity_check);
    // a healthy file whose tables could not be listed: reported as unreadable, as a check would
    if (countError && integrity.length === 1 && integrity[0] === 'ok') parentPort.postMessage(Object.assign({ ok: false, phase }, countError));
    else parentPort.postMessage({ ok: true, integrity });
  } catch (e) {
    parentPort.postMessage({ ok: false, phase, message: String((e && e.message) || e), code: e && e.code });
  } finally {
    try { if (src) src.close(); } catch (e) { /* ignore */ }
    try { if (db) db.close(); } catch (e) { /* ignore */ }
  }
})();
`;

/** Copies the book to `snapshot` and checks the copy; resolves once the row counts are known. */
export async function snapshotAndInspect(opts: SnapshotSource, snapshot: string): Promise<InspectedSnapshot> {
  const pages = Math.max(1, opts.pagesPerStep ?? 1000);
  const file = opts.sqlite ? (opts.sqlite.memory ? null : opts.sqlite.name) : path.resolve(opts.dbPath!);
  if (file && workersAvailable()) {
    const inWorker = startInWorker(file, snapshot, pages, opts.onProgress);
    try {
      await inWorker.snapshotted;
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw snapshotError(e, opts.dbPath);
      await rmSqliteFiles(snapshot);
      return inThread(opts, snapshot, pages);
    }
    const checked = inWorker.check.then(judge, (e: unknown) => {
      throw unreadableBook(e);
    });
    const counts = await inWorker.counts;
    if (!counts) {
      await checked; // throws: no counts means the check found the file damaged
      throw unreadableBook(new Error('no row counts'));
    }
    const verdict = checked.then(() => undefined);
    verdict.catch(() => undefined); // observed here, thrown where the caller awaits it
    return { tables: counts, checked: verdict };
  }
  return inThread(opts, snapshot, pages);
}

interface InWorker {
  snapshotted: Promise<void>;
  counts: Promise<Record<string, number> | null>;
  check: Promise<SqliteCheck>;
}

function startInWorker(source: string, dest: string, pages: number, onProgress?: ProgressFn): InWorker {
  let snapshotted = false;
  let counts: Record<string, number> | null = null;
  let onSnapshot!: () => void;
  let onCounts!: (c: Record<string, number> | null) => void;
  const snap = new Promise<void>((r) => (onSnapshot = r));
  const countsKnown = new Promise<Record<string, number> | null>((r) => (onCounts = r));
  const run = runWorker(
    SNAPSHOT_SOURCE,
    { source, dest, pages, tablesSql: TABLES_SQL, mmapBytes: CHECK_MMAP_BYTES },
    (done, total) => onProgress?.(done, total, 'snapshot'),
    (m) => {
      if (m.note === 'snapshot') {
        snapshotted = true;
        onSnapshot();
      } else if (m.note === 'counts') {
        counts = (m.counts as Record<string, number> | null) ?? null;
        onCounts(counts);
      }
    },
  );
  const check = run.then(
    (m): SqliteCheck => {
      const integrity = m.integrity as string[];
      return { integrity, counts: integrity.length === 1 && integrity[0] === 'ok' ? counts : null };
    },
    (e: unknown) => {
      // a worker lost during the check: the check runs again in this thread, as checkSqliteFile does
      if (!(e instanceof WorkerUnavailable) || !snapshotted) throw e;
      return checkSqliteFile(dest, { inThread: true });
    },
  );
  check.then(
    (c) => onCounts(c.counts),
    () => onCounts(null),
  );
  const snapshotDone = Promise.race([snap, run.then(() => undefined)]);
  return { snapshotted: snapshotDone, counts: countsKnown, check };
}

/** The in-thread way (an in-memory book, or no worker): copy, then check, one after the other. */
async function inThread(opts: SnapshotSource, snapshot: string, pages: number): Promise<InspectedSnapshot> {
  await snapshotInThread(opts, snapshot, pages);
  await toSelfContained(snapshot);
  let check;
  try {
    check = await checkSqliteFile(snapshot);
  } catch (e) {
    throw unreadableBook(e);
  }
  return { tables: judge(check), checked: Promise.resolve() };
}

function judge(check: SqliteCheck): Record<string, number> {
  if (check.integrity.length !== 1 || check.integrity[0] !== 'ok' || !check.counts) {
    const detail = check.integrity.slice(0, 3).join('; ');
    throw keyedBackupError('source-damaged', 'backup_book_integrity', { detail }, { field: 'db' });
  }
  return check.counts;
}

function snapshotError(e: unknown, dbPath?: string): BackupError {
  if (e instanceof BackupError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'SQLITE_CANTOPEN' && dbPath)
    return keyedBackupError('io', 'backup_book_not_found', { db: dbPath }, { code: 'NOT_FOUND', field: 'db' });
  const detail = (e as Error).message;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT')
    return keyedBackupError('source-damaged', 'backup_book_damaged', { detail }, { field: 'db' });
  if (code === 'SQLITE_FULL') return keyedBackupError('disk-full', 'backup_temp_full', {}, { cause: e });
  return keyedBackupError('io', 'backup_snapshot_failed', { detail }, { cause: e });
}

async function snapshotInThread(opts: SnapshotSource, snapshot: string, pages: number): Promise<void> {
  let db = opts.sqlite;
  let own = false;
  if (!db) {
    try {
      db = openRawSqlite(opts.dbPath!, { fileMustExist: true });
      own = true;
      db.pragma('busy_timeout = 5000');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'SQLITE_CANTOPEN') throw snapshotError(e, opts.dbPath);
      const values = { db: opts.dbPath!, detail: (e as Error).message };
      throw keyedBackupError('source-damaged', 'backup_book_unopenable', values, { field: 'db' });
    }
  }
  // A write by another connection or process restarts a stepped backup. After a few restarts,
  // copy the rest in one step: in WAL mode that reads one consistent snapshot and does not
  // block the writers; the event loop is held only for that one step.
  let lastRemaining = Number.POSITIVE_INFINITY;
  let restarts = 0;
  try {
    await db.backup(snapshot, {
      progress: ({ totalPages, remainingPages }) => {
        if (remainingPages > lastRemaining) restarts++;
        lastRemaining = remainingPages;
        opts.onProgress?.(totalPages - remainingPages, totalPages, 'snapshot');
        return restarts >= 3 ? 0x7fffffff : pages;
      },
    });
  } catch (e) {
    throw snapshotError(e);
  } finally {
    if (own) db.close();
  }
  await yieldToLoop();
}

/** A backup-API copy of a WAL book is itself in WAL mode: switch it to a rollback journal. */
async function toSelfContained(snapshot: string): Promise<void> {
  try {
    const db = openRawSqlite(snapshot, { fileMustExist: true });
    try {
      db.pragma('journal_mode = DELETE');
    } finally {
      db.close();
    }
  } catch (e) {
    throw unreadableBook(e);
  }
}

function unreadableBook(e: unknown): BackupError {
  if (e instanceof BackupError) return e;
  return keyedBackupError(
    'source-damaged',
    'backup_book_unreadable',
    { detail: (e as Error).message },
    { field: 'db' },
  );
}
