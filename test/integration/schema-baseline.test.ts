// A new book is created from one ready schema script (main/db/schema-baseline) instead of running
// every migration. It must be exactly the book the migrations build: the same sqlite_master (every
// table, index, trigger and view, same SQL, same creation order), the same seeded rows and
// AUTOINCREMENT counters, the same migrations recorded, the same file marker.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../main/db/migrations';
import { openBook } from '../../main/db/connection';
import { BOOK_APPLICATION_ID } from '../../main/db/book-file';
import { BASELINE_MIGRATIONS, BASELINE_SQL } from '../../main/db/schema-baseline/baseline-sql';
import { baselineUsable } from '../../main/db/schema-baseline/apply';
import { dumpSchemaScript } from '../../main/db/schema-baseline/dump';
import { migrateEmptyInMemory } from '../../main/db/schema-baseline/migrated-empty';
import { allTableRows } from '../support/table-rows';

let dir: string;
let migrated: Database.Database; // every migration, one by one, on a file (the way an old book is updated)
let created: Database.Database; // openBook(create): the baseline (plus any newer migration)

async function migrateStepByStep(file: string): Promise<Database.Database> {
  const sqlite = new Database(file);
  sqlite.pragma(`application_id = ${BOOK_APPLICATION_ID}`);
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const all: Record<string, Migration> = { ...MIGRATIONS };
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => all } }).migrateToLatest();
  if (error) throw error as Error;
  return sqlite;
}

/** sqlite_master in creation order; the root page (where the b-tree happens to sit) left out. */
const master = (db: Database.Database) =>
  db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid').all();

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-baseline-'));
  migrated = await migrateStepByStep(path.join(dir, 'migrated.creditdesk'));
  const book = await openBook(path.join(dir, 'created.creditdesk'), { create: true });
  await book.close();
  created = new Database(path.join(dir, 'created.creditdesk'), { readonly: true });
});

afterAll(() => {
  migrated?.close();
  created?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a new book from the schema baseline', () => {
  it('has the sqlite_master of a book migrated step by step, object for object, in the same order', () => {
    const want = master(migrated);
    expect(want.length).toBeGreaterThan(190);
    expect(master(created)).toEqual(want);
  });

  it('holds the same seeded rows, AUTOINCREMENT counters and list of applied migrations', () => {
    const rows = allTableRows(created);
    expect(rows).toEqual(allTableRows(migrated));
    expect(rows.dunning_levels).toHaveLength(5);
    expect(rows.kysely_migration).toEqual(
      Object.keys(MIGRATIONS)
        .sort()
        .map((n) => [n]),
    );
    expect(rows.kysely_migration).toHaveLength(SCHEMA_VERSION);
  });

  it('carries the same file marker and passes the same integrity checks', () => {
    for (const p of ['application_id', 'user_version', 'auto_vacuum'])
      expect(created.pragma(p, { simple: true }), p).toBe(migrated.pragma(p, { simple: true }));
    expect(created.pragma('application_id', { simple: true })).toBe(BOOK_APPLICATION_ID);
    expect(created.pragma('foreign_key_check')).toEqual([]);
    expect(created.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('is what the generator writes for the migrations it names (regenerate after changing them)', async () => {
    const subset: Record<string, Migration> = {};
    for (const n of BASELINE_MIGRATIONS) subset[n] = MIGRATIONS[n];
    const sqlite = await migrateEmptyInMemory(subset);
    try {
      expect(BASELINE_SQL).toEqual(dumpSchemaScript(sqlite));
    } finally {
      sqlite.close();
    }
  });

  it('is used only while its migrations are the first ones the app knows', () => {
    const known = Object.keys(MIGRATIONS);
    // fails after a merge brings a migration that sorts inside the baseline's range: new books
    // still come out right (step by step), but regenerate the baseline to keep them fast:
    // node bin/run-ts.mjs scripts/gen-schema-baseline.ts && npx prettier --write main/db/schema-baseline/baseline-sql.ts
    expect(baselineUsable(known), 'regenerate: node bin/run-ts.mjs scripts/gen-schema-baseline.ts').toBe(true);
    expect(BASELINE_MIGRATIONS, 'regenerate: node bin/run-ts.mjs scripts/gen-schema-baseline.ts').toEqual(
      [...known].sort(),
    );
    expect(baselineUsable([...known, '2099-01-01-9999-later'])).toBe(true); // newer ones run after it
    expect(baselineUsable(known.slice(1))).toBe(false);
    expect(baselineUsable(known.slice(0, -1))).toBe(false);
  });
});
