// Backups of a book by file name, for the command line (`creditdesk backup | verify | restore`):
// the same core (main/db/backup) as the desk's BackupService, without a desk — the CLI has no
// user-data folder, history or progress bar. Bad input (no such book, not a book) is an AppError
// NOT_FOUND / VALIDATION; the core's BackupError says itself whether it is bad input.
import { serverError } from '../../../shared/messages/server-messages';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  APP_SCHEMA_VERSION,
  createBackup,
  readAppVersion,
  readCompanyName,
  readSchemaVersion,
  restoreBackup,
  verifyBackup,
  type BackupManifest,
  type RestoreResult,
} from '../../db/backup';
import { assertReadableSqlite, openRawSqlite } from '../../db/backup/book-info';
import { assertBookFile } from '../../db/book-file';
import { acquireBookLock } from '../../db/lock';

export interface BookFileBackupOptions {
  password?: string;
  /** Schema version this app understands (default: the app's migrations). */
  maxSchemaVersion?: number;
  /** Check the image against the app's migrations (default true; the format's tests use synthetic books). */
  appSchema?: boolean;
  appVersion?: string;
  now?: Date;
  /** scrypt cost (tests use a cheap one). */
  kdf?: { N: number; r: number; p: number };
}

/** A verified backup of the book at `dbPath` into `toDir` (safe while the app has it open). */
export async function backupBookFile(
  dbPath: string,
  toDir: string,
  o: BookFileBackupOptions = {},
): Promise<{ file: string; manifest: BackupManifest }> {
  try {
    await fs.access(dbPath);
  } catch {
    throw serverError('NOT_FOUND', 'book_not_found', { file: dbPath }, { field: 'db', bare: true });
  }
  assertBookFile(dbPath, path.dirname(dbPath), { readonly: true }); // a foreign file is refused untouched
  let sqlite;
  try {
    sqlite = openRawSqlite(dbPath, { fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    assertReadableSqlite(sqlite);
  } catch (e) {
    sqlite?.close();
    throw serverError(
      'VALIDATION',
      'not_a_book_detail',
      { detail: (e as Error).message, file: dbPath },
      { field: 'db', bare: true },
    );
  }
  try {
    const { file, manifest } = await createBackup({
      sqlite,
      toDir,
      password: o.password,
      company: readCompanyName(sqlite, dbPath),
      schemaVersion: readSchemaVersion(sqlite),
      appVersion: o.appVersion ?? readAppVersion(),
      now: o.now ?? new Date(),
      kdf: o.kdf,
    });
    return { file, manifest };
  } finally {
    sqlite.close();
  }
}

export async function verifyBackupFile(
  file: string,
  o: BookFileBackupOptions = {},
): Promise<{ manifest: BackupManifest }> {
  return verifyBackup(file, {
    password: o.password,
    maxSchemaVersion: o.maxSchemaVersion ?? APP_SCHEMA_VERSION,
    appSchema: o.appSchema ?? true,
  });
}

/** Restores `file` over the book at `dbPath`, holding the book lock (refused while the app has it open). */
export async function restoreBookFile(
  file: string,
  dbPath: string,
  o: BookFileBackupOptions = {},
): Promise<RestoreResult> {
  await fs.mkdir(path.dirname(dbPath), { recursive: true }).catch(() => undefined);
  const lock = acquireBookLock(dbPath, { purpose: 'cli' });
  try {
    return await restoreBackup(file, {
      dbPath,
      password: o.password,
      maxSchemaVersion: o.maxSchemaVersion ?? APP_SCHEMA_VERSION,
      appSchema: o.appSchema ?? true,
      now: o.now ?? new Date(),
    });
  } finally {
    lock.release();
  }
}
