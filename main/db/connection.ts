// Opening a book: one SQLite file per company (账套). SQLite-specific pragmas: sqlite-file.ts.
import { serverError } from '../../shared/messages/server-messages';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import type { DB } from './schema';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { bookSchemaVersion } from './migrations/schema-version';
import { BOOK_APPLICATION_ID, assertBookFile } from './book-file';
import { openSqlite } from './sqlite-file';
import { applyBaseline, baselineUsable, isEmptyDatabase } from './schema-baseline/apply';

export interface Book {
  path: string;
  sqlite: Database.Database;
  db: Kysely<DB>;
  close(): Promise<void>;
}

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export { openSqlite };

/**
 * Open (or with create: true, create) a book and bring its schema up to date.
 * Refuses a book written by a newer app version.
 */
export async function openBook(file: string, opts: { create?: boolean; readonly?: boolean } = {}): Promise<Book> {
  const abs = path.resolve(file);
  // before anything writes: a foreign file is refused and left byte-identical (book-file.ts)
  assertBookFile(abs, path.dirname(abs), { create: opts.create, readonly: opts.readonly });
  if (opts.create) fs.mkdirSync(path.dirname(abs), { recursive: true });
  let sqlite: Database.Database;
  try {
    sqlite = openSqlite(abs, { readonly: opts.readonly, fileMustExist: opts.readonly });
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (e) {
    throw serverError(
      'VALIDATION',
      'not_a_book_detail',
      { detail: (e as Error).message, file: abs },
      { field: 'db', bare: true },
    );
  }
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const book: Book = {
    path: abs,
    sqlite,
    db,
    close: async () => {
      // kysely closes the handle only if it ever ran a query, which a new book made from the
      // baseline may not have: close it here, at once (callers that do not await still find the
      // WAL folded in and the file released), then let kysely let go of its (closed) connection
      const destroyed = db.destroy();
      if (sqlite.open) sqlite.close();
      await destroyed;
    },
  };
  try {
    if (opts.readonly) {
      if (bookSchemaVersion(sqlite) !== SCHEMA_VERSION) {
        throw serverError('VALIDATION', 'book_needs_update_read_only', {}, { field: 'db', bare: true });
      }
    } else await migrateBook(book);
  } catch (e) {
    await book.close();
    throw e;
  }
  return book;
}

export async function migrateBook(book: Book): Promise<void> {
  const applied = bookSchemaVersion(book.sqlite);
  if (applied > SCHEMA_VERSION) {
    throw serverError('VALIDATION', 'book_newer_schema', { applied, known: SCHEMA_VERSION });
  }
  if (applied === SCHEMA_VERSION) return;
  book.sqlite.pragma(`application_id = ${BOOK_APPLICATION_ID}`); // marks the file as a CreditDesk book
  // a new book: the whole schema in one step; only migrations newer than the baseline run below
  if (applied === 0 && isEmptyDatabase(book.sqlite) && baselineUsable(Object.keys(MIGRATIONS))) {
    if (applyBaseline(book.sqlite) === SCHEMA_VERSION) return;
  }
  const migrator = new Migrator({ db: book.db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw serverError('INTERNAL', 'migration_failed', {
      name: failed?.migrationName ?? '',
      detail: String((error as Error).message ?? error),
    });
  }
}

/** Number of migrations applied to a book (0 for an empty file). */
export { bookSchemaVersion };
