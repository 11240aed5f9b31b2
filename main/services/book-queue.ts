// The book's queue: every read and write of the book's single better-sqlite3 connection by the
// receivables and statements services (and the areas after them) goes through here.
import type Database from 'better-sqlite3';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema';
import type { Book } from '../db/connection';
import { withBulkCache, type BulkOptions } from '../db/receivables/prepared';
import type { ServiceContext } from './context';
import { refreshKeptPromises, refreshKeptPromisesInTurns } from './collections/kept-promises';
import { keepWorklistUp } from './collections/kept-worklist';

// Receivables work runs raw statements on the book's single connection, partly inside kysely
// transactions. One queue per book keeps a report from reading a half-written transaction and
// two writes from interleaving.
const queues = new WeakMap<Book, Promise<unknown>>();

export function serialize<T>(ctx: ServiceContext, fn: () => Promise<T> | T): Promise<T> {
  const prev = queues.get(ctx.book) ?? Promise.resolve();
  const run = prev.then(fn, fn);
  queues.set(
    ctx.book,
    run.catch(() => undefined),
  );
  return run;
}

/** One write: serialized, in a kysely transaction (for writeAudit) on the same connection. */
export function write<T>(
  ctx: ServiceContext,
  fn: (trx: Transaction<DB>, sqlite: Database.Database) => Promise<T>,
): Promise<T> {
  return serialize(ctx, () => ctx.book.db.transaction().execute((trx) => keepingUp(ctx, fn(trx, ctx.book.sqlite))));
}

/**
 * At the end of a write's transaction, the kept data the triggers marked stale is worked out
 * again. After a bulk write that can be every customer (a receipts import): then in chunks with
 * turns of the event loop between them (the queue is held, so nothing else writes meanwhile).
 */
async function keepingUp<T>(ctx: ServiceContext, result: Promise<T>, bulk = false): Promise<T> {
  const r = await result;
  if (bulk) await refreshKeptPromisesInTurns(ctx.book);
  else refreshKeptPromises(ctx.book);
  await keepWorklistUp(ctx);
  return r;
}

/** A bulk write (imports): the same, with a large page cache for the transaction (withBulkCache, `opts`). */
export function writeBulk<T>(
  ctx: ServiceContext,
  opts: BulkOptions,
  fn: (trx: Transaction<DB>, sqlite: Database.Database) => Promise<T>,
): Promise<T> {
  return serialize(ctx, () =>
    withBulkCache(ctx.book.sqlite, opts, () =>
      ctx.book.db.transaction().execute((trx) => keepingUp(ctx, fn(trx, ctx.book.sqlite), true)),
    ),
  );
}

export function read<T>(ctx: ServiceContext, fn: (sqlite: Database.Database) => T | Promise<T>): Promise<T> {
  return serialize(ctx, () => fn(ctx.book.sqlite));
}
