// Opening the SQLite file of a book with the app's pragmas, and nothing else: the report worker
// (main/workers) opens its read-only connection through this file alone, so starting it loads
// better-sqlite3 but not kysely and the migrations (about 300 modules to resolve and read on
// every cold start of the worker, i.e. on the first report after opening a book).
import Database from 'better-sqlite3';
import { openReadOnlySqlite } from './read-only-open';
import { sqliteNativeBinding } from './native-binding';

export function openSqlite(
  file: string,
  opts: { readonly?: boolean; fileMustExist?: boolean } = {},
): Database.Database {
  if (opts.readonly) return withPragmas(openReadOnlySqlite(file));
  const nativeBinding = sqliteNativeBinding();
  const sqlite = new Database(file, {
    readonly: false,
    fileMustExist: opts.fileMustExist ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  sqlite.pragma('journal_mode = WAL');
  return withPragmas(sqlite);
}

function withPragmas(sqlite: Database.Database): Database.Database {
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL'); // with WAL: durable across app crashes; a power cut may lose the last commit, never corrupt
  return sqlite;
}
