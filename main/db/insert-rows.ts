// Many rows into one table on the raw connection, one prepared statement per column set: a bulk
// import's rows as kysely would write them (a column whose value is undefined is left to its
// default), without building and preparing a new multi-row statement for every chunk (that was
// about a sixth of a 100,000-customer import). Call inside the caller's transaction.
import type Database from 'better-sqlite3';
import { stmt } from './receivables/prepared';

type Row = Record<string, string | number | bigint | Buffer | null | undefined>;

/** Inserts `rows` in order; returns the rowid of each. */
export function insertRows(sqlite: Database.Database, table: string, rows: readonly Row[]): number[] {
  const ids: number[] = [];
  for (const row of rows) {
    const columns = Object.keys(row).filter((k) => row[k] !== undefined);
    const sql = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    const values = columns.map((c) => row[c]);
    ids.push(Number(stmt(sqlite, sql).run(values).lastInsertRowid));
  }
  return ids;
}
