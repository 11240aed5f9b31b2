// The migrations this app knows, by name only, and the schema version they make: what a reader
// needs to tell whether a book is at this app's version without loading the migrations' code
// (and kysely with it: ~50 ms of a command line run's start). index.ts holds the code and refuses
// to load when its list and this one differ, so a new migration is added to both.
import type Database from 'better-sqlite3';

export const MIGRATION_NAMES: readonly string[] = [
  '2026-11-23-0001-foundation',
  '2026-11-23-0002-receivables',
  '2026-11-23-0003-statements',
  '2026-11-30-0004-analysis',
  '2026-11-30-0005-credit',
  '2026-11-30-0006-collections',
  '2026-11-30-0007-complaints',
  '2026-11-30-0008-visits',
  '2026-11-30-0009-service-loyalty',
  '2026-11-30-0010-collection-runs',
  '2026-11-30-0011-ageing-speed',
  '2026-11-30-0012-monthly-sales',
  '2026-11-30-0013-credit-speed',
  '2026-11-30-0014-collections-speed',
  '2026-11-30-0015-collections-summary',
  '2026-11-30-0017-credit-facts',
  '2026-11-30-0018-ageing-asof',
  '2026-11-30-0019-collection-late-days',
  '2026-11-30-0021-book-size',
  '2026-11-30-0022-collections-kept',
  '2026-12-01-0023-worklist-kept',
  '2026-12-01-0024-sensitive-customers',
  '2026-12-01-0028-customer-due-index',
  '2026-12-01-0029-monthly-sales-by-month',
  '2026-12-01-0031-past-ageing-reads',
];

/** Schema version of this app = number of migrations it knows. */
export const SCHEMA_VERSION = MIGRATION_NAMES.length;

/** How many migrations the book has applied (0: not a book yet). */
export function bookSchemaVersion(sqlite: Database.Database): number {
  const has = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='kysely_migration'").get();
  if (!has) return 0;
  return (sqlite.prepare('SELECT count(*) AS n FROM kysely_migration').get() as { n: number }).n;
}
