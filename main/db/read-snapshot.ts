// One read snapshot for a report whose steps may await (calendar sources can be async):
// better-sqlite3's transaction() takes only synchronous functions, so the read transaction is
// opened and closed by hand. The report worker reads while the app's connection commits; inside
// the transaction every query of the report sees the same committed state (WAL).
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Book } from './connection';
import { bookFileOfConnection } from './read-only-open';
import type { DB } from './schema';

export async function inReadSnapshot<T>(sqlite: Database.Database, fn: () => T | Promise<T>): Promise<T> {
  if (sqlite.inTransaction) return fn();
  sqlite.prepare('BEGIN').run();
  try {
    return await fn();
  } finally {
    if (sqlite.inTransaction) sqlite.prepare('COMMIT').run();
  }
}

/** A Book over a bare connection (the report worker's read-only one), for reports written against Book. */
export function bookOfConnection(sqlite: Database.Database): Book {
  let book = books.get(sqlite);
  if (book) return book;
  let db: Kysely<DB> | null = null;
  book = {
    path: bookFileOfConnection(sqlite),
    sqlite,
    get db() {
      db ??= kyselyOver(sqlite);
      return db;
    },
    close: async () => undefined, // the worker owns and closes the connection
  };
  books.set(sqlite, book);
  return book;
}
const books = new WeakMap<Database.Database, Book>();

/**
 * kysely loaded on first use only: no report job on a bare connection queries through it, and
 * its ~280 modules cost the report worker ~0.2 s of CPU before its first report (a static import
 * hoisted into the worker's bundle). Synchronous (the getter is), hence require.
 */
function kyselyOver(sqlite: Database.Database): Kysely<DB> {
  const { Kysely: K, SqliteDialect } = createRequire(import.meta.url)('kysely') as typeof import('kysely');
  return new K<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
}
