// Keeps each promise's final received amount (migration 0022) up to date: the customers the
// triggers listed as stale (a write to their promises or receipts) are worked out again over
// all their promises and receipts — as of a date after every window, which is each promise's
// amount once its window has closed (reports/collections/promise-status.ts) — and written back.
// Runs at the end of every write transaction (book-queue.ts: usually a handful of customers, or
// none) and when a writer opens the book (app/open-book.ts: after a migration or writes made
// outside the app). Readers never write: a stale customer is worked out in full until then.
import type { Book } from '../../db/connection';
import { collectionsSettings } from '../../db/collections-store';
import { keptGraceDiffers, staleFinalCustomers, writeFinalRows } from '../../db/collections/promise-final';
import { promiseStatesInScope } from '../../reports/collections/promise-status';

/** A date after every promise's window: its received amount there is the final one. */
const AFTER_EVERY_WINDOW = '9999-12-31';

/** Works the stale customers' kept rows out again (in the caller's transaction, if any); how many customers. */
export function refreshKeptPromises(book: Book): number {
  const sqlite = book.sqlite;
  const graceDays = collectionsSettings(sqlite).promiseGraceDays;
  const stale = staleFinalCustomers(sqlite, graceDays);
  if (stale.length === 0) return 0;
  sqlite.transaction(() => refreshCustomers(book, stale, graceDays))();
  return stale.length;
}

/**
 * The same when a writer opens the book, a chunk of customers per turn of the event loop: after a
 * big import or migration every customer can be stale (100k customers: about a second of work),
 * and the window's requests must not wait behind one block. Each chunk is its own transaction;
 * customers not reached yet stay marked stale, which readers work out in full (always correct).
 * Under another kept grace every customer is redone in one transaction: the kept grace is what
 * tells which rows are stale.
 */
export async function refreshKeptPromisesInTurns(book: Book, customersPerTurn = 500): Promise<number> {
  const sqlite = book.sqlite;
  const graceDays = collectionsSettings(sqlite).promiseGraceDays;
  if (keptGraceDiffers(sqlite, graceDays)) return refreshKeptPromises(book);
  const stale = staleFinalCustomers(sqlite, graceDays);
  for (let i = 0; i < stale.length; i += customersPerTurn) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const chunk = stale.slice(i, i + customersPerTurn);
    sqlite.transaction(() => refreshCustomers(book, chunk, graceDays))();
  }
  return stale.length;
}

function refreshCustomers(book: Book, customerIds: number[], graceDays: number): void {
  const { promises, states } = promiseStatesInScope(book, { asOf: AFTER_EVERY_WINDOW, customerIds }, graceDays);
  const rows = promises.map((p): [number, number, number] => [p.id, p.customerId, states.get(p.id)!.received]);
  writeFinalRows(book.sqlite, customerIds, rows, graceDays);
}
