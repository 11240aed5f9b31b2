// Is this file a CreditDesk book we may write? Checked BEFORE anything writes to it (no WAL
// switch, no migrations, no lock next to a stranger's file): a foreign SQLite file stays
// byte-identical. A book carries PRAGMA application_id = BOOK_APPLICATION_ID (set when it is
// created or migrated); books made before the marker existed are recognised by their
// migrations table. Only creating a new book initialises a missing or empty file.
import { serverError } from '../../shared/messages/server-messages';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { hasWal, openReadOnlySqlite } from './read-only-open';
import { AppError } from '../../shared/result';

/** "CDBK" — SQLite's application_id identifies the file type to tools like `file(1)`. */
export const BOOK_APPLICATION_ID = 0x4344424b;

export const READ_ONLY_DISK_MESSAGE = 'this book is on a read-only disk: open it read-only or copy it to your PC';

export type BookFileKind = 'missing' | 'empty' | 'book' | 'foreign';

/** What is at `file`, read without writing anything. Throws "not a CreditDesk book" for non-SQLite content. */
export function inspectBookFile(file: string): BookFileKind {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw serverError(
      'VALIDATION',
      'cannot_read_book',
      { file, detail: (e as Error).message },
      { field: 'db', bare: true },
    );
  }
  if (!st.isFile()) throw serverError('VALIDATION', 'not_a_book_not_file', { file }, { field: 'db', bare: true });
  if (st.size === 0) return 'empty';
  if (headerSaysBook(file)) return 'book';
  let db: Database.Database | undefined;
  try {
    db = openReadOnlySqlite(file); // a book on a read-only disk is read, not called foreign
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId === BOOK_APPLICATION_ID) return 'book';
    const migrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='kysely_migration'").get();
    return migrations ? 'book' : 'foreign';
  } catch (e) {
    if (e instanceof AppError) throw e; // already says what is wrong (e.g. a journal left on a read-only disk)
    throw serverError(
      'VALIDATION',
      'not_a_book_detail',
      { detail: (e as Error).message, file },
      { field: 'db', bare: true },
    );
  } finally {
    db?.close();
  }
}

/**
 * The book marker read from the file's 100-byte SQLite header (application_id at offset 68),
 * without opening SQLite: a second connection would parse the whole schema (196 tables,
 * indexes and triggers) once more on every open. Only when no -wal has content beside the file
 * (uncommitted pages could change the header, and a crash's journal on a read-only disk gets its
 * own message from the full check); anything else takes the full check below.
 */
function headerSaysBook(file: string): boolean {
  if (hasWal(file)) return false;
  const header = Buffer.alloc(100);
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return header.toString('latin1', 0, 16) === 'SQLite format 3\0' && header.readUInt32BE(68) === BOOK_APPLICATION_ID;
}

/** Can this process write the book's file and its folder (journal, lock)? 'read-only-disk' for EROFS. */
export function bookWriteAccess(file: string, dir: string): 'ok' | 'read-only-disk' | 'no-permission' {
  for (const target of [file, dir]) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue;
      return code === 'EROFS' ? 'read-only-disk' : 'no-permission';
    }
  }
  return 'ok';
}

/**
 * Throws unless `file` may be opened as a book: a CreditDesk book, or (only when creating) a
 * missing or empty file. With `readonly` a book on a read-only disk is accepted.
 */
export function assertBookFile(
  file: string,
  dir: string,
  opts: { create?: boolean; readonly?: boolean } = {},
): BookFileKind {
  const kind = inspectBookFile(file);
  if (kind === 'missing') {
    if (!opts.create) throw serverError('NOT_FOUND', 'book_not_found', { file }, { field: 'db', bare: true });
    return kind;
  }
  if (kind === 'foreign' || (kind === 'empty' && !opts.create)) {
    throw serverError('VALIDATION', 'not_a_book', { file }, { field: 'db', bare: true });
  }
  if (!opts.readonly) {
    const access = bookWriteAccess(file, dir);
    if (access === 'read-only-disk')
      throw serverError('FORBIDDEN', 'book_read_only_disk', { file }, { field: 'db', bare: true });
    if (access === 'no-permission')
      throw serverError('FORBIDDEN', 'book_no_write_permission', { file }, { field: 'db', bare: true });
  }
  return kind;
}
