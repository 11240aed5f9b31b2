// One read snapshot for a report whose steps may await (calendar sources can be async):
// better-sqlite3's transaction() takes only synchronous functions, so the read transaction is
// opened and closed by hand. The report worker reads while the app's connection commits; inside
// the transaction every query of the report sees the same committed state (WAL).
import type Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
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
      db ??= new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
      return db;
    },
    close: async () => undefined, // the worker owns and closes the connection
  };
  books.set(sqlite, book);
  return book;
}
const books = new WeakMap<Database.Database, Book>();
