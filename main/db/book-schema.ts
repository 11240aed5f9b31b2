// What a CreditDesk book's schema must look like at a given schema version, and a check of a
// SQLite image (a backup's contents) against it. The reference is built by running the app's
// own migrations (the first N of MIGRATIONS) on an empty in-memory book, so the comparison
// follows every migration added later without a hand-written list. Cached per version.
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration } from 'kysely';
import { MIGRATIONS } from './migrations';
import { sqliteNativeBinding } from './native-binding';
import { applyBaseline, baselineUsable } from './schema-baseline/apply';
import { BASELINE_MIGRATIONS } from './schema-baseline/baseline-sql';

/** One schema object as SQLite stores it: `type:name` → normalised CREATE statement. */
export type SchemaShape = Map<string, string>;

const MIGRATION_TABLE = 'kysely_migration';

function normaliseSql(sql: string): string {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),])\s*/g, '$1')
    .trim();
}

/** Tables, indexes, triggers and views of a database (SQLite internals and kysely's lock table excluded). */
export function readSchemaShape(db: Database.Database): SchemaShape {
  const rows = db
    .prepare(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type, name",
    )
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  const out: SchemaShape = new Map();
  for (const r of rows) {
    if (r.name === 'kysely_migration_lock') continue; // kysely's own lock row, recreated when missing
    // autoindexes have no SQL: their table's SQL already describes them
    out.set(`${r.type}:${r.name}`, r.sql === null ? `(automatic on ${r.tbl_name})` : normaliseSql(r.sql));
    if (r.type === 'table' && r.sql !== null) {
      const cols = db
        .prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?) ORDER BY cid`)
        .all(r.name);
      out.set(`columns:${r.name}`, JSON.stringify(cols));
    }
  }
  return out;
}

const cache = new Map<number, Promise<SchemaShape>>();

/** The schema the app's first `version` migrations produce on an empty book. */
export function referenceSchema(version: number): Promise<SchemaShape> {
  let p = cache.get(version);
  if (!p) {
    p = buildReference(version);
    cache.set(version, p);
    p.catch(() => cache.delete(version));
  }
  return p;
}

async function buildReference(version: number): Promise<SchemaShape> {
  const names = Object.keys(MIGRATIONS).sort().slice(0, version);
  const subset: Record<string, Migration> = {};
  for (const n of names) subset[n] = MIGRATIONS[n];
  const nb = sqliteNativeBinding();
  const sqlite = new Database(':memory:', nb ? { nativeBinding: nb } : {});
  // the baseline script is the first migrations' result (test: schema-baseline.test.ts)
  if (version >= BASELINE_MIGRATIONS.length && baselineUsable(names)) {
    applyBaseline(sqlite);
    if (version === BASELINE_MIGRATIONS.length) {
      const shape = readSchemaShape(sqlite);
      sqlite.close();
      return shape;
    }
  }
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => subset } });
    const { error } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));
    return readSchemaShape(sqlite);
  } finally {
    await db.destroy();
  }
}

export interface ImageProblem {
  kind: 'no-migrations' | 'schema-version' | 'schema-differs' | 'foreign-keys';
  message: string;
}

const LABEL: Record<string, string> = {
  table: 'table',
  index: 'index',
  trigger: 'trigger',
  view: 'view',
  columns: 'columns of table',
};

function describeKey(key: string): string {
  const i = key.indexOf(':');
  return `${LABEL[key.slice(0, i)] ?? key.slice(0, i)} "${key.slice(i + 1)}"`;
}

/**
 * Is this SQLite image a CreditDesk book of exactly `expectedVersion`? Returns the first
 * problem found (null when it is): the migrations table, the applied migrations (names and
 * count), every table/column/index/trigger/view, and foreign_key_check.
 */
export async function checkBookImage(db: Database.Database, expectedVersion: number): Promise<ImageProblem | null> {
  const hasMigrations = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?").get(MIGRATION_TABLE);
  if (!hasMigrations)
    return { kind: 'no-migrations', message: 'the book inside has no migrations table: it is not a CreditDesk book' };
  const applied = (db.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[]).map(
    (r) => r.name,
  );
  if (applied.length > expectedVersion) {
    return {
      kind: 'schema-version',
      message: `the book inside has schema ${applied.length}, newer than the ${expectedVersion} its manifest states`,
    };
  }
  const known = Object.keys(MIGRATIONS).sort().slice(0, expectedVersion);
  if (applied.length !== known.length || applied.some((n, i) => n !== known[i])) {
    return {
      kind: 'schema-version',
      message: `the book inside has migrations [${applied.join(', ') || 'none'}], not the ${expectedVersion} its manifest states`,
    };
  }
  const ref = await referenceSchema(expectedVersion);
  const got = readSchemaShape(db);
  const diffs: string[] = [];
  for (const [k, sql] of got) {
    if (!ref.has(k)) diffs.push(`unexpected ${describeKey(k)}`);
    else if (ref.get(k) !== sql) diffs.push(`${describeKey(k)} was changed`);
  }
  for (const k of ref.keys()) if (!got.has(k)) diffs.push(`${describeKey(k)} is missing`);
  if (diffs.length) {
    return {
      kind: 'schema-differs',
      message: `the book inside does not have CreditDesk's structure: ${diffs.slice(0, 5).join('; ')}`,
    };
  }
  const fk = db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number; parent: string }[];
  if (fk.length) {
    const first = fk.slice(0, 3).map((r) => `${r.table} row ${r.rowid} → missing ${r.parent}`);
    return {
      kind: 'foreign-keys',
      message: `the book inside has ${fk.length} broken reference(s): ${first.join('; ')}`,
    };
  }
  return null;
}
