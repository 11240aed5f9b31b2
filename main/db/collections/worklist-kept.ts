// SQL of today's worklist kept between writes (migration 0023): the date and settings it was
// worked out for, the stale customers the triggers listed, the kept rows in rank order, and
// writing them back (all of them, or the stale customers').
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';
import { inKeyOrder } from './worklist';

type Sqlite = Database.Database;

export interface KeptWorklistMeta {
  asOf: string;
  /** the settings fingerprint it was worked out under (reports/collections/worklist-kept.ts) */
  settings: string;
}

export function keptWorklistMeta(sqlite: Sqlite): KeptWorklistMeta | undefined {
  return stmt(sqlite, 'SELECT as_of AS asOf, settings FROM worklist_kept_meta WHERE id = 1').get() as
    KeptWorklistMeta | undefined;
}

export function staleWorklistCustomers(sqlite: Sqlite): number[] {
  return stmt(sqlite, 'SELECT customer_id FROM worklist_kept_stale').pluck().all() as number[];
}

/** The kept rows' JSON of every customer not stale, in rank key order. */
export function keptWorklistRows(sqlite: Sqlite): [string, string][] {
  return stmt(
    sqlite,
    `SELECT rank_key, row FROM worklist_kept INDEXED BY worklist_kept_rank
      WHERE customer_id NOT IN (SELECT customer_id FROM worklist_kept_stale) ORDER BY rank_key`,
  )
    .raw()
    .all() as [string, string][];
}

/** A kept row: [customer id, rank key, row JSON]. */
export type KeptRowIn = [number, string, string];

/** Replaces the whole kept worklist by `rows`, as of D under `settings`; nothing stale. */
export function writeWholeKeptWorklist(sqlite: Sqlite, meta: KeptWorklistMeta, rows: readonly KeptRowIn[]): void {
  stmt(sqlite, 'DELETE FROM worklist_kept').run();
  stmt(sqlite, 'DELETE FROM worklist_kept_stale').run();
  insertRows(sqlite, rows);
  stmt(
    sqlite,
    'INSERT INTO worklist_kept_meta (id, as_of, settings) VALUES (1, @asOf, @settings) ON CONFLICT (id) DO UPDATE SET as_of = excluded.as_of, settings = excluded.settings',
  ).run(meta);
}

/** Replaces the kept rows of these customers by `rows` (theirs; a customer off the list has none) and clears them as stale. */
export function writeKeptWorklistOf(sqlite: Sqlite, customerIds: readonly number[], rows: readonly KeptRowIn[]): void {
  const json = inKeyOrder(customerIds);
  stmt(sqlite, 'DELETE FROM worklist_kept WHERE customer_id IN (SELECT value FROM json_each(?))').run(json);
  insertRows(sqlite, rows);
  stmt(sqlite, 'DELETE FROM worklist_kept_stale WHERE customer_id IN (SELECT value FROM json_each(?))').run(json);
}

/** Lists customers as stale (a bulk write that paused the triggers), while a worklist is kept. */
export function markWorklistStale(sqlite: Sqlite, customerIds: readonly number[]): void {
  stmt(
    sqlite,
    `INSERT OR IGNORE INTO worklist_kept_stale (customer_id)
     SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM worklist_kept_meta)`,
  ).run(JSON.stringify(customerIds));
}

function insertRows(sqlite: Sqlite, rows: readonly KeptRowIn[]): void {
  const ins = stmt(sqlite, 'INSERT INTO worklist_kept (customer_id, rank_key, row) VALUES (?, ?, ?)');
  for (const [cid, key, row] of rows) ins.run(cid, key, row);
}

/** Forgets the kept worklist (readers then work it out in full until the next refresh). */
export function dropKeptWorklist(sqlite: Sqlite): void {
  stmt(sqlite, 'DELETE FROM worklist_kept_meta').run();
  stmt(sqlite, 'DELETE FROM worklist_kept').run();
  stmt(sqlite, 'DELETE FROM worklist_kept_stale').run();
}
