// A bulk write into an EMPTY table (the first batch of a demo book) fills it faster without its
// secondary indexes: each insert would land on a random page of every date- or amount-keyed
// index, while building the index afterwards is one sort. So the writer drops the table's
// non-unique indexes inside its own transaction and creates them again from their stored SQL,
// unchanged, before the kept rows are rebuilt and before the commit: no reader ever sees them
// missing, a rolled-back write rolls the drop back too, and the book ends up with the same
// indexes holding the same entries. Unique indexes stay (they check the rows as they come), and
// so do indexes led by a foreign-key column: inserting a parent row under deferred foreign keys
// looks its children up through them (without one, every invoice insert scans the allocations).
// A partial index `WHERE <column> IS NOT NULL` on a column the writer leaves NULL (a receipts
// import's allocations have no credit note or write-off) stays too: it gets no entry, while
// building it again would cost a scan of the whole table.
import { availableParallelism } from 'node:os';
import type Database from 'better-sqlite3';

type Sqlite = Database.Database;

/** On everywhere but in the equivalence test, which builds the same book with every index kept. */
export const bulkIndexDrop = { enabled: true };

/**
 * Drops the non-unique indexes of those `tables` that hold no row yet, but for the partial
 * indexes on a column of `leftNull` (columns the bulk write never sets); returns their CREATE
 * statements.
 */
export function dropIndexesOfEmptyTables(
  sqlite: Sqlite,
  tables: readonly string[],
  leftNull: readonly string[] = [],
): string[] {
  if (!sqlite.inTransaction) throw new Error('dropIndexesOfEmptyTables: only inside the bulk write transaction');
  const dropped: string[] = [];
  if (!bulkIndexDrop.enabled) return dropped;
  for (const table of tables) {
    if (sqlite.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get() !== undefined) continue;
    dropped.push(...dropSecondaryIndexes(sqlite, table, leftNull));
  }
  return dropped;
}

/**
 * The same for a table with rows, for a bulk write that changes a large part of it (an import
 * paying most of the book's invoices): one sort per index at the end instead of a random page
 * per row. Returns the CREATE statements.
 */
export function dropSecondaryIndexes(sqlite: Sqlite, table: string, leftNull: readonly string[] = []): string[] {
  if (!sqlite.inTransaction) throw new Error('dropSecondaryIndexes: only inside the bulk write transaction');
  if (!bulkIndexDrop.enabled) return [];
  const indexes = sqlite.prepare(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL
       AND upper(substr(ltrim(sql), 1, 13)) <> 'CREATE UNIQUE' ORDER BY rowid`,
  );
  const firstColumn = sqlite.prepare('SELECT name FROM pragma_index_info(?) WHERE seqno = 0').pluck();
  const foreignKeys = new Set(
    sqlite.prepare('SELECT "from" FROM pragma_foreign_key_list(?)').pluck().all(table) as string[],
  );
  const dropped: string[] = [];
  for (const ix of indexes.all(table) as { name: string; sql: string }[]) {
    if (foreignKeys.has(firstColumn.get(ix.name) as string)) continue;
    if (leftNull.includes(partialOnColumn(ix.sql) ?? '')) continue;
    sqlite.exec(`DROP INDEX "${ix.name}"`);
    dropped.push(ix.sql);
  }
  return dropped;
}

/** The column of an index `… WHERE <column> IS NOT NULL` (its only condition), else null. */
export function partialOnColumn(createSql: string): string | null {
  const m = /\bWHERE\s+"?(\w+)"?\s+IS\s+NOT\s+NULL\s*$/i.exec(createSql);
  return m ? m[1] : null;
}

/** Creates the dropped indexes again (call before anything reads the tables, inside the same transaction). */
export function recreateIndexes(sqlite: Sqlite, createStatements: readonly string[]): void {
  if (createStatements.length === 0) return;
  const restore = sortOnHelperThreads(sqlite);
  try {
    for (const sql of createStatements) sqlite.exec(sql);
  } finally {
    restore();
  }
}

/** Page cache while indexes are built (KiB): the size of each sorted run the sorter writes. */
const BUILD_CACHE_KIB = 8000;

/**
 * CREATE INDEX sorts every row of the table. SQLite's sorter sorts its runs on helper threads
 * (PRAGMA threads), but only when they go to temp files, not with temp_store = MEMORY (a bulk
 * write asks for files with withBulkCache's `indexBuilds`). So for the builds: a helper thread
 * per spare core (at most 3) and a smaller cache, i.e. smaller runs, more of them sorted at
 * once. On two cores this took the rebuild of a 664k-receipt import's five largest indexes from
 * 8.0-8.2 s to 4.9-5.5 s of wall time (the same CPU). Both pragmas are put back after.
 */
function sortOnHelperThreads(sqlite: Sqlite): () => void {
  const helpers = Math.min(3, availableParallelism() - 1);
  const MEMORY = 2;
  if (helpers < 1 || Number(sqlite.pragma('temp_store', { simple: true })) === MEMORY) return () => {};
  const threads = Number(sqlite.pragma('threads', { simple: true }));
  const cacheSize = Number(sqlite.pragma('cache_size', { simple: true }));
  sqlite.pragma(`threads = ${helpers}`);
  sqlite.pragma(`cache_size = -${BUILD_CACHE_KIB}`);
  return () => {
    sqlite.pragma(`cache_size = ${cacheSize}`);
    sqlite.pragma(`threads = ${threads}`);
  };
}
