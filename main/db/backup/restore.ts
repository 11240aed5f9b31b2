// Restoring a book from a backup. Only a file that verifies completely is restored; the current
// book is first saved aside; the switch is one atomic rename in the book's folder, so after a
// failure or a crash the book is either the old one or the restored one — never a mix.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { timeStamp, type BackupManifest } from './format';
import { BackupError, ioError, keyedBackupError } from './errors';
import { existsSync, fsyncFile, rmQuiet, rmSqliteFiles, syncDir, tmpName } from './fsutil';
import { verifyInto, type ProgressFn } from './verify';
import { openRawSqlite } from './book-info';
import { bookLockHolder } from '../lock';

export interface RestoreOptions {
  /** The book to replace (created if it does not exist). The caller must have closed its own
   *  connections to it; another live process holding the book's lock makes restore refuse. */
  dbPath: string;
  password?: string;
  maxSchemaVersion: number;
  /** See VerifyOptions.appSchema. */
  appSchema?: boolean;
  now?: Date;
  onProgress?: ProgressFn;
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the previous book was saved (null when there was none). */
  savedAside: string | null;
  manifest: BackupManifest;
}

export async function restoreBackup(file: string, opts: RestoreOptions): Promise<RestoreResult> {
  const dbPath = path.resolve(opts.dbPath);
  const dir = path.dirname(dbPath);
  const base = path.basename(dbPath);
  const now = opts.now ?? new Date();

  const holder = bookLockHolder(dbPath);
  if (holder && !(holder.pid === process.pid)) {
    const values = { pid: holder.pid, since: holder.startedAt };
    throw keyedBackupError('book-in-use', 'backup_book_in_use', values, { field: 'db' });
  }
  try {
    await fsp.mkdir(dir, { recursive: true });
  } catch (e) {
    throw ioError(e, dir, 'prepare the book folder');
  }

  // 1. verify into a temp file next to the book (same file system: the final rename is atomic)
  const temp = tmpName(dir, base, 'restore');
  let aside: string | null = null;
  let done = false;
  try {
    const manifest = await verifyInto(file, {
      password: opts.password,
      maxSchemaVersion: opts.maxSchemaVersion,
      appSchema: opts.appSchema,
      plainOut: temp,
      sync: true,
      onProgress: opts.onProgress,
    }).catch((e: unknown) => {
      throw ioError(e, dir, 'verify the backup');
    });
    await rmQuiet(`${temp}-wal`);
    await rmQuiet(`${temp}-shm`);

    // 2. save the current book aside (consistent copy including its WAL), then checkpoint it
    if (existsSync(dbPath)) {
      aside = await saveAside(dbPath, now);
    } else {
      await rmQuiet(`${dbPath}-wal`);
      await rmQuiet(`${dbPath}-shm`);
    }

    // 3. the switch: stale -wal/-shm are gone (fully checkpointed above), atomic rename
    try {
      await fsp.rename(temp, dbPath);
    } catch (e) {
      throw ioError(e, dir, 'replace the book');
    }
    done = true;
    await syncDir(dir);
    return { restoredFrom: path.resolve(file), savedAside: aside, manifest };
  } finally {
    if (!done) await rmSqliteFiles(temp);
  }
}

/** Copy the book to `<dbPath>.before-restore-<stamp>` and leave it checkpointed without -wal. */
async function saveAside(dbPath: string, now: Date): Promise<string> {
  let target = `${dbPath}.before-restore-${timeStamp(now)}`;
  for (let i = 2; existsSync(target); i++) target = `${dbPath}.before-restore-${timeStamp(now)}-${i}`;
  const partial = `${target}.partial`;
  let db: Database.Database | undefined;
  try {
    try {
      db = openRawSqlite(dbPath, { fileMustExist: true });
      db.pragma('busy_timeout = 5000');
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      // not an openable SQLite book (damaged, foreign): keep its raw files instead
      db?.close();
      db = undefined;
      await copyRaw(dbPath, target);
      await rmQuiet(`${dbPath}-wal`);
      await rmQuiet(`${dbPath}-shm`);
      return target;
    }
    // Fold the WAL into the main file first: the main file alone is then the whole book, and a
    // plain file copy of it (the kernel's, a tenth of the CPU of a page-by-page SQLite copy) is
    // consistent — the caller has closed its connections and the lock keeps other processes out.
    if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal') {
      const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
      if (r && r.busy !== 0) {
        throw keyedBackupError('book-in-use', 'backup_checkpoint_busy', {}, { field: 'db' });
      }
    }
    db.close();
    db = undefined;
    const wal = `${dbPath}-wal`;
    if (existsSync(wal) && (await fsp.stat(wal)).size > 0) {
      throw keyedBackupError('book-in-use', 'backup_journal_busy', {}, { field: 'db' });
    }
    try {
      await fsp.copyFile(dbPath, partial, fs.constants.COPYFILE_EXCL);
      // the copy's pages go to disk off the window's thread first: the journal-mode change below
      // syncs the file synchronously, which with the whole copy still unwritten blocked the
      // thread ~100 ms (58 MB book); now it syncs one header page
      await fsyncFile(partial);
      toRollbackJournal(partial); // one self-contained file, as the book was saved aside before
      await fsyncFile(partial);
      await fsp.rename(partial, target);
    } catch (e) {
      throw ioError(e, path.dirname(dbPath), 'save the current book aside');
    }
    await syncDir(path.dirname(dbPath));
    await rmQuiet(wal);
    await rmQuiet(`${dbPath}-shm`);
    return target;
  } catch (e) {
    await rmSqliteFiles(partial);
    if (e instanceof BackupError) throw e;
    throw ioError(e, path.dirname(dbPath), 'save the current book aside');
  } finally {
    db?.close();
  }
}

/** The saved copy of a WAL book says WAL in its header: make it a rollback-journal file. */
function toRollbackJournal(file: string): void {
  const copy = openRawSqlite(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

async function copyRaw(dbPath: string, target: string): Promise<void> {
  await fsp.copyFile(dbPath, target);
  await fsyncFile(target);
  for (const s of ['-wal', '-shm']) {
    if (existsSync(dbPath + s)) await fsp.copyFile(dbPath + s, target + s);
  }
}
