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
  keptWorklistMeta,
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
import { serialize } from '../book-queue';
import type { ServiceContext } from '../context';
import { runCollectionsReport } from './run-report';

/** More stale customers than this are left to a background rebuild rather than the write's transaction. */
const INLINE_MAX = 2_000;
/** Rows per chunk of a rebuild: one short write each (a few tens of ms on the window's thread); tests make it small. */
export const keptWorklistChunk = { rows: 4_000 };

/** A turn of the event loop between chunks, so the window's events run between them. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const rebuilding = new WeakMap<Book, Promise<void>>();

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
      if (big) void rebuildKeptWorklist(ctx);
      else await rebuildAtOnce(book, today);
      return;
    }
    const stale = staleWorklistCustomers(book.sqlite);
    if (stale.length === 0) return;
    if (big && stale.length > INLINE_MAX) void rebuildKeptWorklist(ctx);
    else {
      const rows = (await worklistRowsOf(book, today, stale)).map(keptRow);
      book.sqlite.transaction(() => writeKeptWorklistOf(book.sqlite, stale, rows))();
    }
  } catch (e) {
    book.sqlite.transaction(() => dropKeptWorklist(book.sqlite))();
    console.error('kept worklist not refreshed:', e);
  }
}

/** When a writer opens the book: today's kept worklist, at once (small book) or in the background. */
export async function keepWorklistOnOpen(ctx: ServiceContext): Promise<void> {
  if (wantsWorker(ctx.book)) void rebuildKeptWorklist(ctx);
  else await keepWorklistUp(ctx);
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

/**
 * Rebuilds the day's kept worklist in the background (one at a time per book); resolves when
 * it is in (tests and the bench wait for it). Failures are logged: readers then keep working
 * the worklist out themselves.
 */
export function rebuildKeptWorklist(ctx: ServiceContext): Promise<void> {
  const running = rebuilding.get(ctx.book);
  if (running) return running;
  const run = (async () => {
    // a write or a settings change during a rebuild makes it start again (a few times at most)
    for (let tries = 0; tries < 3; tries++) if (await rebuildOnce(ctx)) return;
  })()
    .catch((e: unknown) => {
      if (ctx.book.sqlite.open) console.error('kept worklist not rebuilt:', e);
    })
    .finally(() => rebuilding.delete(ctx.book));
  rebuilding.set(ctx.book, run);
  return run;
}

/** One rebuild; false when the date or settings moved under it. */
async function rebuildOnce(ctx: ServiceContext): Promise<boolean> {
  const { book } = ctx;
  const sqlite = book.sqlite;
  const asOf = ctx.clock.today();
  const settings = await serialize(ctx, () => {
    if (keptWorklistIsFor(book, asOf)) return null;
    const fingerprint = worklistSettingsFingerprint(book);
    sqlite.transaction(() => startKeptWorklist(sqlite, { asOf, settings: fingerprint }))();
    return fingerprint;
  });
  if (settings === null) return true;
  const rows = await runCollectionsReport(ctx, 'collections:worklist-kept-rows', { asOf });
  const still = () => {
    const meta = keptWorklistMeta(sqlite);
    return (
      meta?.ready === 0 &&
      meta.asOf === asOf &&
      meta.settings === settings &&
      worklistSettingsFingerprint(book) === settings
    );
  };
  const size = keptWorklistChunk.rows;
  for (let i = 0; i === 0 || i < rows.length; i += size) {
    await nextTurn();
    const put = await serialize(ctx, () => {
      if (!still()) return false;
      sqlite.transaction(() => putKeptRows(sqlite, rows.slice(i, i + size), i === 0))();
      return true;
    });
    if (!put) return false;
  }
  await nextTurn();
  return serialize(ctx, async () => {
    if (!still()) return false;
    // the writes made while the rows were worked out and written
    const stale = staleWorklistCustomers(sqlite);
    const fresh = stale.length > 0 ? (await worklistRowsOf(book, asOf, stale)).map(keptRow) : [];
    sqlite.transaction(() => {
      if (stale.length > 0) writeKeptWorklistOf(sqlite, stale, fresh);
      finishKeptWorklist(sqlite);
    })();
    return true;
  });
}
