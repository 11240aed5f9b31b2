// The background rebuild of a big book's kept worklist (migration 0023, kept-worklist.ts): the
// day's rows worked out on the report worker, then written in chunks, each its own short write
// with a turn of the event loop between them (the window's thread is never held for long).
// Readers work the worklist out themselves until the last chunk is in; the writes made meanwhile
// are listed stale by the triggers and worked out in the last step.
import type { Book } from '../../db/connection';
import {
  finishKeptWorklist,
  keptWorklistMeta,
  putKeptRows,
  staleWorklistCustomers,
  writeKeptWorklistOf,
  startKeptWorklist,
} from '../../db/collections/worklist-kept';
import { worklistRowsOf } from '../../reports/collections/worklist';
import { keptRow, keptWorklistIsFor, worklistSettingsFingerprint } from '../../reports/collections/worklist-kept';
import { wantsWorker } from '../../workers/report-client';
import { serialize } from '../book-queue';
import type { ServiceContext } from '../context';
import { keepWorklistUp, worklistRebuild } from './kept-worklist';
import { runCollectionsReport } from './run-report';

/** Rows per chunk of a rebuild: one short write each (a few tens of ms on the window's thread); tests make it small. */
export const keptWorklistChunk = { rows: 1_000 };

/** A turn of the event loop between chunks, so the window's events run between them. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const rebuilding = new WeakMap<Book, Promise<void>>();

/**
 * How long a big book's rebuild waits after the book opens: the rebuild takes seconds of CPU, and
 * the first screens the user opens (ageing, credit overview, the customer list) come first.
 * Readers work the worklist out themselves until it is in.
 */
export const keptWorklistOnOpenDelay = { ms: 8_000 };

/** When a writer opens the book: today's kept worklist, at once (small book) or in the background. */
export async function keepWorklistOnOpen(ctx: ServiceContext): Promise<void> {
  if (!wantsWorker(ctx.book)) return keepWorklistUp(ctx);
  const timer = setTimeout(() => {
    if (ctx.book.sqlite.open) void rebuildKeptWorklist(ctx); // not if the book was closed meanwhile
  }, keptWorklistOnOpenDelay.ms);
  timer.unref(); // a command that ends sooner does not wait for it
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

worklistRebuild.start = (ctx) => void rebuildKeptWorklist(ctx);
