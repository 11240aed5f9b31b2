// Keeps today's worklist (migration 0023) up to date: at the end of every write transaction
// (book-queue.ts: the customers the write touched, usually one) and when a writer opens the book
// (app/open-book.ts). On a new day, under changed settings, or with nothing kept yet, the whole
// worklist is worked out once and written; otherwise only the customers the triggers listed as
// stale. Readers never write (reports/collections/worklist-kept.ts).
import type { Book } from '../../db/connection';
import {
  dropKeptWorklist,
  keptWorklistMeta,
  staleWorklistCustomers,
  writeKeptWorklistOf,
  writeWholeKeptWorklist,
  type KeptRowIn,
} from '../../db/collections/worklist-kept';
import { worklistRowsOf, type RankedRow } from '../../reports/collections/worklist';
import { worklistSettingsFingerprint } from '../../reports/collections/worklist-kept';

const keptRow = (r: RankedRow): KeptRowIn => [r.row.customerId, r.key, JSON.stringify(r.row)];

/**
 * Brings the kept worklist to `today` (in the caller's transaction, if any); how many customers
 * were worked out. A failure leaves no kept worklist (readers then work it out in full) rather
 * than failing the write it follows.
 */
export async function refreshKeptWorklist(book: Book, today: string): Promise<number> {
  const sqlite = book.sqlite;
  const meta = keptWorklistMeta(sqlite);
  const settings = worklistSettingsFingerprint(book);
  try {
    if (!meta || meta.asOf !== today || meta.settings !== settings) {
      const rows = await worklistRowsOf(book, today, null);
      sqlite.transaction(() => writeWholeKeptWorklist(sqlite, { asOf: today, settings }, rows.map(keptRow)))();
      return rows.length;
    }
    const stale = staleWorklistCustomers(sqlite);
    if (stale.length === 0) return 0;
    const rows = await worklistRowsOf(book, today, stale);
    sqlite.transaction(() => writeKeptWorklistOf(sqlite, stale, rows.map(keptRow)))();
    return stale.length;
  } catch (e) {
    sqlite.transaction(() => dropKeptWorklist(sqlite))();
    console.error('kept worklist not refreshed:', e);
    return 0;
  }
}
