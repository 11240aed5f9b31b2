// The customer directory as JSON text, kept in the book (migration 0031): the row of lists that
// directory-quoted.ts reads from the customers' covering index (ids, limits, quoted codes and
// names), stored with the customers' revision counter at the time (revisions.rev 'customers',
// moved by triggers on every insert, update and delete of a customer, from any connection).
// A one-off reader (`creditdesk ageing`) then reads one row instead of aggregating 100,000 (about
// a tenth of a cold 1M-invoice ageing's CPU), but only while that revision is still the book's:
// after any write to the customers the kept row is ignored, and the directory read as before, until
// a writer keeps it again (when it opens or closes the book: app/open-book.ts). The kept row is
// never a source of truth: a stale one is only slower, never different.
import type Database from 'better-sqlite3';
import { stmt } from './prepared';
import {
  DIRECTORY_LISTS_SQL,
  quotedCustomerDirectory,
  quotedFromLists,
  type DirectoryLists,
  type QuotedDirectory,
} from './directory-quoted';

type Sqlite = Database.Database;

/** The kept lists when their revision is the customers' one now (one row, a primary-key read). */
const KEPT_LISTS_SQL = `SELECT k.ids, k.limits, k.codes, k.names, k.odd FROM customer_directory_kept k
    JOIN revisions r ON r.name = 'customers' AND r.rev = k.rev WHERE k.id = 1`;

/** Whether the kept directory is the one of the customers now. */
export function keptDirectoryFresh(sqlite: Sqlite): boolean {
  return (
    stmt(
      sqlite,
      `SELECT 1 FROM customer_directory_kept k JOIN revisions r ON r.name = 'customers' AND r.rev = k.rev WHERE k.id = 1`,
    ).get() !== undefined
  );
}

/**
 * Keeps the directory of the customers now, unless the kept one is already theirs (or the book has
 * no revision counter to stamp it with). In one transaction, so the lists and their revision are
 * read from the same state. Returns whether it wrote.
 */
export function refreshKeptDirectory(sqlite: Sqlite): boolean {
  return sqlite
    .transaction(() => {
      if (keptDirectoryFresh(sqlite)) return false;
      const rev = stmt(sqlite, "SELECT rev FROM revisions WHERE name = 'customers'").pluck().get() as
        number | undefined;
      if (rev === undefined) return false;
      stmt(
        sqlite,
        `INSERT OR REPLACE INTO customer_directory_kept (id, rev, ids, limits, codes, names, odd)
         SELECT 1, ?, * FROM (${DIRECTORY_LISTS_SQL})`,
      ).run(rev);
      return true;
    })
    .immediate();
}

/**
 * quotedCustomerDirectory, from the kept lists when they are the customers' now. Call inside a
 * read transaction (the revision and the lists, or the customers, from one state).
 */
export function keptQuotedDirectory(sqlite: Sqlite): QuotedDirectory | null {
  const kept = stmt(sqlite, KEPT_LISTS_SQL).raw().get() as DirectoryLists | undefined;
  return kept ? quotedFromLists(kept) : quotedCustomerDirectory(sqlite);
}
