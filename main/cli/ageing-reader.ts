// The short way into a book for `creditdesk ageing`: a read-only SQLite connection and the
// ageing computation, and nothing else. Opening through the app's opener (cli/book.ts) loads the
// receivables services, the IPC schemas and the message catalogues — about a third of a second
// of CPU before the first row is read, most of a small book's ageing and a sixth of a 1M-invoice
// one. This path is taken only when the book is a CreditDesk book already at this app's schema
// version; otherwise (an older book to migrate, a file to refuse, a disk that needs the
// read-only opener's care) the command goes the usual way, with its usual messages and effects.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { assertBookFile, bookWriteAccess } from '../db/book-file';
import { openSqlite } from '../db/sqlite-file';
import { bookSchemaVersion, SCHEMA_VERSION } from '../db/migrations/schema-version';
import { defaultBuckets } from '../domain/ageing';
import { computeAgeingColumns, type AgeingColumns } from '../reports/ageing';
import { keptQuotedDirectory } from '../db/receivables/directory-kept';
import type { QuotedNames } from './output/ageing-json';

/** A read-only connection to a current book on a writable disk, or null (take the usual way). */
export function openCurrentBookReader(file: string): Database.Database | null {
  const abs = path.resolve(file);
  const dir = path.dirname(abs);
  try {
    if (bookWriteAccess(abs, dir) !== 'ok') return null;
    assertBookFile(abs, dir);
  } catch {
    return null;
  }
  let sqlite: Database.Database | null = null;
  try {
    sqlite = openSqlite(abs, { readonly: true, fileMustExist: true });
    if (bookSchemaVersion(sqlite) === SCHEMA_VERSION) return sqlite;
  } catch {
    /* the usual way says what is wrong */
  }
  sqlite?.close();
  return null;
}

/** The default-bucket ageing of the whole book, read in one snapshot (as the report job does).
 *  For JSON the codes and names come as JSON text (`quoted`, by row rank; the columns then hold
 *  no strings) when the book's directory allows it — the kept copy of that text when it is still
 *  the customers' (db/receivables/directory-kept.ts), one row instead of 100,000; otherwise, and
 *  for CSV, only the customers on the report are read from the directory as strings. */
export function ageingColumnsOf(
  sqlite: Database.Database,
  asOf: string,
  basis: 'due' | 'issue',
  format: 'json' | 'csv' = 'json',
): { columns: AgeingColumns; quoted?: QuotedNames } {
  return sqlite.transaction(() => {
    const directory = format === 'json' ? keptQuotedDirectory(sqlite) : null;
    const columns = computeAgeingColumns(
      sqlite,
      asOf,
      basis,
      defaultBuckets(basis),
      directory ? { directory } : { names: 'rows' },
    );
    return { columns, quoted: directory ?? undefined };
  })();
}
