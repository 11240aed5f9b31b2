// SQL of the kept final received amounts of promises (migration 0022): which customers are
// stale, and writing their rows again. A row is used only under the grace days it was worked
// out with; the triggers delete a customer's rows on every write to its promises or receipts.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';

type Sqlite = Database.Database;

/**
 * Customers whose kept rows must be worked out again (all customers with promises if the grace
 * setting changed). Every refresh writes all rows under one grace (all of them when it changed),
 * so one row tells which grace the kept rows have — without a pass over them on every write.
 */
export function staleFinalCustomers(sqlite: Sqlite, graceDays: number): number[] {
  return stmt(
    sqlite,
    keptGraceDiffers(sqlite, graceDays)
      ? 'SELECT DISTINCT customer_id FROM promises UNION SELECT customer_id FROM promise_final_stale'
      : 'SELECT customer_id FROM promise_final_stale',
  )
    .pluck()
    .all() as number[];
}

/** The kept rows were worked out under another grace setting (then every customer is stale). */
export function keptGraceDiffers(sqlite: Sqlite, graceDays: number): boolean {
  const kept = stmt(sqlite, 'SELECT grace FROM promise_final LIMIT 1').pluck().get() as number | undefined;
  return kept !== undefined && kept !== graceDays;
}

/** Replaces the kept rows of these customers by `rows` ([promise id, customer id, received]) and clears them as stale. */
export function writeFinalRows(
  sqlite: Sqlite,
  customerIds: readonly number[],
  rows: readonly [number, number, number][],
  graceDays: number,
): void {
  const json = JSON.stringify(customerIds);
  stmt(sqlite, 'DELETE FROM promise_final WHERE customer_id IN (SELECT value FROM json_each(?))').run(json);
  const ins = stmt(sqlite, 'INSERT INTO promise_final (promise_id, customer_id, received, grace) VALUES (?, ?, ?, ?)');
  for (const [id, cid, received] of rows) ins.run(id, cid, received, graceDays);
  stmt(sqlite, 'DELETE FROM promise_final_stale WHERE customer_id IN (SELECT value FROM json_each(?))').run(json);
}
