// Reading a book SQLite cannot open the usual way: a WAL-mode book (every book is) on a
// read-only disk or in a folder this user may not write. A read-only connection to a WAL file
// needs the -shm index beside it; when that cannot be created, SQLite answers "unable to open
// database file". Such a book is then opened with the `immutable=1` URI parameter: no -wal, no
// -shm, no locks — nothing is created or changed beside it. Immutable is only safe when nobody
// writes the file meanwhile, so it is used only when no -wal file exists (no writer has it
// open, nothing uncheckpointed would be skipped); otherwise the error stands.
import fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { serverError } from '../../shared/messages/server-messages';
import { sqliteNativeBinding } from './native-binding';

// better-sqlite3 compiles SQLite with SQLITE_USE_URI=0 and reads this variable once, when its
// addon loads (before the first connection). Book paths are always absolute, so a book named
// "file:…" cannot be mistaken for a URI.
process.env.SQLITE_USE_URI ??= '1';

function connect(target: string): Database.Database {
  const nativeBinding = sqliteNativeBinding();
  return new Database(target, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/** Is there a -wal file with content beside the book (a writer has it open, or crashed)? */
export function hasWal(file: string): boolean {
  try {
    return fs.statSync(`${file}-wal`).size > 0;
  } catch {
    return false;
  }
}

/** A read-only connection that never creates a file beside the book when its disk refuses it. */
export function openReadOnlySqlite(file: string): Database.Database {
  const sqlite = connect(file);
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get(); // opens the WAL index, if it can
    return sqlite;
  } catch (e) {
    sqlite.close();
    if ((e as { code?: string }).code !== 'SQLITE_CANTOPEN') throw e;
    // a journal left by a crash: reading without it would show the book as it was before those
    // changes, so say what to do instead of "not a CreditDesk book"
    if (hasWal(file))
      throw serverError('FORBIDDEN', 'book_read_only_unsaved_journal', { file }, { field: 'db', bare: true });
  }
  const immutable = connect(`${pathToFileURL(file).href}?immutable=1`);
  immutable.prepare('SELECT count(*) FROM sqlite_master').get();
  return immutable;
}

/** The book file of a connection (an immutable one is named by its URI). */
export function bookFileOfConnection(sqlite: Database.Database): string {
  return sqlite.name.startsWith('file:') ? fileURLToPath(sqlite.name.replace(/\?.*$/, '')) : sqlite.name;
}
