// A bulk write (a CSV import, the demo book) may pause per-row triggers and do their work once,
// set-based, at the end (receivables/kept-pause.ts, receivables/receipt-import.ts,
// customers/insert-pause.ts). The pause is a DROP inside the writer's own transaction and the
// resume creates the triggers again from their stored SQL, unchanged, before the commit: no
// reader ever sees them gone, and a rolled-back write rolls the drop back too. Hence the drop
// is refused outside a transaction, where it would be committed at once.
import type Database from 'better-sqlite3';

type Sqlite = Database.Database;

/** A trigger of the book's schema as sqlite_master holds it. */
export interface StoredTrigger {
  name: string;
  sql: string;
}

/** The book's triggers (not temp ones), in schema order: those named, or every one on the tables given. */
export function storedTriggers(
  sqlite: Sqlite,
  which: { names: readonly string[] } | { tables: readonly string[] },
): StoredTrigger[] {
  const [column, values] = 'names' in which ? ['name', which.names] : ['tbl_name', which.tables];
  return sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master
        WHERE type = 'trigger' AND ${column} IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
    )
    .all(JSON.stringify(values)) as StoredTrigger[];
}

/**
 * Drops the triggers named that the book has, inside the open transaction; returns their CREATE
 * statements for recreateTriggers. `enabled` false: drops nothing and returns none (the
 * equivalence tests' per-row book), but is refused outside a transaction all the same.
 */
export function pauseTriggers(sqlite: Sqlite, names: readonly string[], enabled = true): string[] {
  if (!sqlite.inTransaction) throw new Error('pauseTriggers: only inside the bulk write transaction');
  if (!enabled) return [];
  return storedTriggers(sqlite, { names }).map((t) => {
    sqlite.exec(`DROP TRIGGER "${t.name.replaceAll('"', '""')}"`);
    return t.sql;
  });
}

/** The paused triggers back, as they were (call before the transaction commits). */
export function recreateTriggers(sqlite: Sqlite, creates: readonly string[]): void {
  for (const sql of creates) sqlite.exec(sql);
}
