// Every row of every table of a book, for comparing two books built different ways. Rows are
// sorted by all their columns; kysely_migration keeps only the names (its timestamp is when the
// book was created).
import type Database from 'better-sqlite3';

export function allTableRows(db: Database.Database): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const t of tables) {
    if (t === 'kysely_migration') {
      out[t] = db.prepare('SELECT name FROM kysely_migration ORDER BY name').raw().all();
      continue;
    }
    const n = (db.prepare('SELECT count(*) FROM pragma_table_info(?)').pluck().get(t) as number) || 1;
    const order = Array.from({ length: n }, (_, i) => i + 1).join(', ');
    out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).raw().all();
  }
  return out;
}
