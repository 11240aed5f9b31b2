// Reads a freshly migrated empty book back as one SQL script: every schema object in the order
// SQLite stored it, then the rows the migrations seeded. `scripts/gen-schema-baseline.ts` writes
// the result to baseline-sql.ts; the test in test/integration/schema-baseline.test.ts rebuilds
// it and compares, so the script can never drift from the migrations.
import type Database from 'better-sqlite3';

/** kysely's list of applied migrations: apply.ts writes its rows (with the time of creation). */
export const MIGRATION_TABLE = 'kysely_migration';

const quoteName = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** CREATE statements of tables, indexes, triggers and views in creation order (SQLite's own objects left out). */
function schemaStatements(db: Database.Database): string[] {
  const rows = db
    .prepare(
      "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
    )
    .all() as { sql: string }[];
  return rows.map((r) => r.sql);
}

function hasRowid(db: Database.Database, table: string): boolean {
  try {
    db.prepare(`SELECT rowid FROM ${quoteName(table)} LIMIT 0`).all();
    return true;
  } catch {
    return false;
  }
}

/** INSERT statements for every row the migrations left in the book, rowids kept. */
function dataStatements(db: Database.Database): string[] {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
    )
    .pluck()
    .all() as string[];
  const out: string[] = [];
  for (const table of tables) {
    if (table === MIGRATION_TABLE) continue;
    const cols = (db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(table) as string[]).map(
      quoteName,
    );
    const rowid = hasRowid(db, table);
    const names = rowid ? ['rowid', ...cols] : cols;
    const values = names.map((c) => `quote(${c})`).join(` || ',' || `);
    const rows = db
      .prepare(`SELECT ${values} FROM ${quoteName(table)} ORDER BY ${rowid ? 'rowid' : '1'}`)
      .pluck()
      .all() as string[];
    for (const v of rows) out.push(`INSERT INTO ${quoteName(table)} (${names.join(', ')}) VALUES (${v})`);
  }
  // AUTOINCREMENT counters exactly as the migrations left them
  if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get()) {
    const seq = db.prepare(`SELECT quote(name) || ', ' || quote(seq) FROM sqlite_sequence ORDER BY rowid`);
    out.push('DELETE FROM sqlite_sequence');
    for (const v of seq.pluck().all() as string[]) out.push(`INSERT INTO sqlite_sequence (name, seq) VALUES (${v})`);
  }
  return out;
}

/** The whole script: schema, then seeded rows. */
export function dumpSchemaScript(db: Database.Database): string[] {
  return [...schemaStatements(db), ...dataStatements(db)];
}
