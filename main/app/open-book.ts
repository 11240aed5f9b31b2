// Opening a book, the one way for every front end: the desktop app and browser mode (Desk), the
// command line (cli/book.ts) and the benchmarks. A foreign file is refused before anything
// touches it; writers take the book lock first (one writer per book); a new book gets its
// company row.
import fs from 'node:fs';
import path from 'node:path';
import { openBook, type Book } from '../db/connection';
import { assertBookFile, bookWriteAccess } from '../db/book-file';
import { acquireBookLock, type BookLock, type LockPurpose } from '../db/lock';
import type { Clock, ServiceContext } from '../services/context';
import { initCompany } from '../services/settings';
import { refreshKeptPromisesInTurns } from '../services/collections/kept-promises';
import { keepWorklistOnOpen } from '../services/collections/kept-worklist-rebuild';
import { refreshKeptDirectory } from '../db/receivables/directory-kept';
import type { Operator } from '../../shared/types';

export interface OpenBookOptions {
  create?: boolean;
  /** Company name of a new book (or a new name for an existing one). */
  company?: string;
  /** Company name when a new book is created without one. */
  defaultCompany: string;
  /** Take the book lock as this kind of writer; null: a reader, no lock. */
  lock: LockPurpose | null;
  clock: Clock;
  operator: Operator | null;
  /** Open read-only (a book on a read-only disk): no lock, nothing written. */
  readonly?: boolean;
  /** A reader on a read-only disk opens the book read-only instead of failing. */
  readonlyWhenNotWritable?: boolean;
  /** Take over a lock whose owner cannot be confirmed (the user chose "open anyway"). */
  openAnyway?: boolean;
}

export async function openBookContext(
  file: string,
  o: OpenBookOptions,
): Promise<{ ctx: ServiceContext; lock: BookLock | null; readonly: boolean }> {
  const abs = path.resolve(file);
  const existed = fs.existsSync(abs);
  const readonly =
    !!o.readonly || (!!o.readonlyWhenNotWritable && existed && bookWriteAccess(abs, path.dirname(abs)) !== 'ok');
  // every path (readers too) refuses a foreign file before anything touches it
  assertBookFile(abs, path.dirname(abs), { create: o.create, readonly });
  if (o.create) fs.mkdirSync(path.dirname(abs), { recursive: true });
  const lock =
    o.lock && !readonly && (existed || o.create)
      ? acquireBookLock(abs, { purpose: o.lock, openAnyway: o.openAnyway })
      : null;
  try {
    const book = await openBook(abs, { create: o.create, readonly });
    const ctx: ServiceContext = { book, clock: o.clock, session: { operator: o.operator } };
    if (!readonly && (!existed || o.company)) await initCompany(ctx, o.company ?? o.defaultCompany);
    // a writer brings kept data up to date (after a migration or writes made outside the app)
    if (lock) await refreshKeptPromisesInTurns(book);
    if (lock) keepDirectoryAtOpenAndClose(book);
    // the app keeps today's worklist from the start (a command-line write keeps it up once it is kept)
    if (lock && o.lock !== 'cli') await keepWorklistOnOpen(ctx);
    return { ctx, lock, readonly };
  } catch (e) {
    lock?.release();
    throw e;
  }
}

/**
 * The customer directory that one-off readers (`creditdesk ageing`) read as one kept row
 * (db/receivables/directory-kept.ts): kept again by a writer when it opens the book and when it
 * closes it, if the customers changed meanwhile (~0.35 s of CPU at 100,000 customers, only then:
 * SQLite writes the binary form value by value).
 * A failure leaves the kept row stale, which readers notice and pass over: it never stops a close.
 */
function keepDirectoryAtOpenAndClose(book: Book): void {
  keepDirectory(book);
  const close = book.close;
  book.close = async () => {
    keepDirectory(book);
    await close();
  };
}

function keepDirectory(book: Book): void {
  try {
    if (book.sqlite.open && !book.sqlite.readonly) refreshKeptDirectory(book.sqlite);
  } catch {
    /* kept data only: readers read the customers instead */
  }
}
