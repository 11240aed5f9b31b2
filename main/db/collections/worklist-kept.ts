// SQL of today's worklist kept between writes (migration 0023): the date and settings it was
// worked out for (and whether all its rows are in), the stale customers the triggers listed, the
// kept rows in rank order, and writing them (the day's rows in chunks, or the stale customers').
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';
import { inKeyOrder } from './worklist';

type Sqlite = Database.Database;

export interface KeptWorklistMeta {
  asOf: string;
  /** the settings fingerprint it was worked out under (reports/collections/worklist-kept.ts) */
  settings: string;
  /** 0 while the day's rows are being written (not to be read), 1 when complete */
  ready: number;
}

export function keptWorklistMeta(sqlite: Sqlite): KeptWorklistMeta | undefined {
  return stmt(sqlite, 'SELECT as_of AS asOf, settings, ready FROM worklist_kept_meta WHERE id = 1').get() as
    KeptWorklistMeta | undefined;
}

export function staleWorklistCustomers(sqlite: Sqlite): number[] {
  return stmt(sqlite, 'SELECT customer_id FROM worklist_kept_stale').pluck().all() as number[];
}

const NOT_STALE = 'customer_id NOT IN (SELECT customer_id FROM worklist_kept_stale)';

/** [rank key, row JSON] of the first `count` kept rows of customers not stale (−1: all), in rank order. */
export function keptWorklistHead(sqlite: Sqlite, count: number): [string, string][] {
  return stmt(
    sqlite,
    `SELECT rank_key, row FROM worklist_kept INDEXED BY worklist_kept_rank WHERE ${NOT_STALE} ORDER BY rank_key LIMIT ?`,
  )
    .raw()
    .all(count) as [string, string][];
}

/** The row JSON of the kept rows [offset, offset + limit) in rank order (none stale; −1: to the end). */
export function keptWorklistPage(sqlite: Sqlite, offset: number, limit: number): string[] {
  return stmt(sqlite, 'SELECT row FROM worklist_kept INDEXED BY worklist_kept_rank ORDER BY rank_key LIMIT ? OFFSET ?')
    .pluck()
    .all(limit, offset) as string[];
}

/** How many customers not stale have a kept row. */
export function keptWorklistCount(sqlite: Sqlite): number {
  return stmt(sqlite, `SELECT COUNT(*) FROM worklist_kept WHERE ${NOT_STALE}`).pluck().get() as number;
}

/** A kept row: [customer id, rank key, row JSON]. */
export type KeptRowIn = [number, string, string];

/**
 * Starts a new kept worklist as of D under `settings`, not ready: from here on the triggers list
 * every write's customers as stale (worked out again once the rows are in).
 */
export function startKeptWorklist(sqlite: Sqlite, meta: Omit<KeptWorklistMeta, 'ready'>): void {
  stmt(
    sqlite,
    `INSERT INTO worklist_kept_meta (id, as_of, settings, ready) VALUES (1, @asOf, @settings, 0)
     ON CONFLICT (id) DO UPDATE SET as_of = excluded.as_of, settings = excluded.settings, ready = 0`,
  ).run(meta);
  stmt(sqlite, 'DELETE FROM worklist_kept_stale').run();
}

/** One chunk of the new kept worklist's rows (the first chunk clears the old rows). */
export function putKeptRows(sqlite: Sqlite, rows: readonly KeptRowIn[], first: boolean): void {
  if (first) stmt(sqlite, 'DELETE FROM worklist_kept').run();
  insertRows(sqlite, rows);
}

/** The new kept worklist's rows are all in: readers may use it. */
export function finishKeptWorklist(sqlite: Sqlite): void {
  stmt(sqlite, 'UPDATE worklist_kept_meta SET ready = 1').run();
}

/** Replaces the kept rows of these customers by `rows` (theirs; a customer off the list has none) and clears them as stale. */
export function writeKeptWorklistOf(sqlite: Sqlite, customerIds: readonly number[], rows: readonly KeptRowIn[]): void {
  const json = inKeyOrder(customerIds);
  stmt(sqlite, 'DELETE FROM worklist_kept WHERE customer_id IN (SELECT value FROM json_each(?))').run(json);
  insertRows(sqlite, rows);
  stmt(sqlite, 'DELETE FROM worklist_kept_stale WHERE customer_id IN (SELECT value FROM json_each(?))').run(json);
}

/** Forgets the kept worklist (readers then work it out in full until the next rebuild). */
export function dropKeptWorklist(sqlite: Sqlite): void {
  stmt(sqlite, 'DELETE FROM worklist_kept_meta').run();
  stmt(sqlite, 'DELETE FROM worklist_kept').run();
  stmt(sqlite, 'DELETE FROM worklist_kept_stale').run();
}

function insertRows(sqlite: Sqlite, rows: readonly KeptRowIn[]): void {
  const ins = stmt(sqlite, 'INSERT INTO worklist_kept (customer_id, rank_key, row) VALUES (?, ?, ?)');
  for (const [cid, key, row] of rows) ins.run(cid, key, row);
}
