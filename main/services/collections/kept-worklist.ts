// Keeps today's worklist (migration 0023) up to date without blocking the window:
// - at the end of every write transaction (book-queue.ts) the customers the triggers listed as
//   stale (usually the one the write touched) are worked out again, in the write's transaction;
// - on a new day, under changed settings, with nothing kept yet, or after a bulk write that
//   touched many customers, the day's whole worklist is rebuilt: on a small book at once, in the
//   write's transaction; on a big one (the report worker's books) in the background: worked out
//   on the report worker (reports/collections/jobs.ts), then written in chunks, each its own
//   short write. Readers work the worklist out themselves until the last chunk is in, and the
//   writes made meanwhile are listed stale by the triggers and worked out at the end.
// The app starts the rebuild when it opens the book (app/open-book.ts). Readers never write.
import type { Book } from '../../db/connection';
import {
  dropKeptWorklist,
  finishKeptWorklist,
  putKeptRows,
  staleWorklistCustomers,
  startKeptWorklist,
  writeKeptWorklistOf,
} from '../../db/collections/worklist-kept';
import { worklistRowsOf } from '../../reports/collections/worklist';
import {
  keptRow,
  keptWorklistIsFor,
  worklistRowsToKeep,
  worklistSettingsFingerprint,
} from '../../reports/collections/worklist-kept';
import { wantsWorker } from '../../workers/report-client';
import type { ServiceContext } from '../context';

/** More stale customers than this are left to a background rebuild rather than the write's transaction. */
const INLINE_MAX = 2_000;
/**
 * Starts the background rebuild of a big book's kept worklist (set by kept-worklist-rebuild.ts,
 * which the app loads when it opens a book: it needs the book queue, which calls this file).
 */
export const worklistRebuild: { start: ((ctx: ServiceContext) => void) | null } = { start: null };

/**
 * At the end of a write, in its transaction: the stale customers' rows, or the whole day's. A
 * failure leaves no kept worklist (readers then work it out in full) rather than failing the write.
 */
export async function keepWorklistUp(ctx: ServiceContext): Promise<void> {
  const { book } = ctx;
  const today = ctx.clock.today();
  const big = wantsWorker(book);
  try {
    if (!keptWorklistIsFor(book, today)) {
      if (big) worklistRebuild.start?.(ctx);
      else await rebuildAtOnce(book, today);
      return;
    }
    const stale = staleWorklistCustomers(book.sqlite);
    if (stale.length === 0) return;
    if (big && stale.length > INLINE_MAX) worklistRebuild.start?.(ctx);
    else {
      const rows = (await worklistRowsOf(book, today, stale)).map(keptRow);
      book.sqlite.transaction(() => writeKeptWorklistOf(book.sqlite, stale, rows))();
    }
  } catch (e) {
    book.sqlite.transaction(() => dropKeptWorklist(book.sqlite))();
    console.error('kept worklist not refreshed:', e);
  }
}

/** The whole day's kept worklist, worked out and written in one go (the caller's transaction, if any). */
async function rebuildAtOnce(book: Book, asOf: string): Promise<void> {
  const settings = worklistSettingsFingerprint(book);
  const rows = await worklistRowsToKeep(book, asOf);
  book.sqlite.transaction(() => {
    startKeptWorklist(book.sqlite, { asOf, settings });
    putKeptRows(book.sqlite, rows, true);
    finishKeptWorklist(book.sqlite);
  })();
}
