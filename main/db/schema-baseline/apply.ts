// A new, empty book gets the current schema in one step: the baseline script (the migrations'
// result, generated and checked by a test) in one transaction, with the migrations it stands for
// recorded as applied. About 22 migrations, each its own kysely round trip, become one exec.
// Existing books keep migrating step by step, and migrations newer than the baseline run after it.
import type Database from 'better-sqlite3';
import { BASELINE_MIGRATIONS, BASELINE_SQL } from './baseline-sql';
import { MIGRATION_TABLE } from './dump';

/** The baseline stands for the first N known migrations, in order (else it is not used). */
export function baselineUsable(knownMigrations: readonly string[]): boolean {
  const known = [...knownMigrations].sort();
  return BASELINE_MIGRATIONS.length <= known.length && BASELINE_MIGRATIONS.every((n, i) => known[i] === n);
}

/** True when the file holds no schema at all (a new book). */
export function isEmptyDatabase(sqlite: Database.Database): boolean {
  return sqlite.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get() === undefined;
}

/** Writes the baseline into an empty database; returns how many migrations it recorded. */
export function applyBaseline(sqlite: Database.Database, now = new Date()): number {
  const at = now.toISOString();
  sqlite.transaction(() => {
    sqlite.exec(BASELINE_SQL.join(';\n'));
    const record = sqlite.prepare(`INSERT INTO ${MIGRATION_TABLE} (name, timestamp) VALUES (?, ?)`);
    for (const name of BASELINE_MIGRATIONS) record.run(name, at);
  })();
  return BASELINE_MIGRATIONS.length;
}
