// Opening a book, the one way for every front end: the desktop app and browser mode (Desk), the
// command line (cli/book.ts) and the benchmarks. Writers take the book lock first (one writer per
// book); a new book gets its company row.
import fs from 'node:fs';
import path from 'node:path';
import { openBook } from '../db/connection';
import { acquireBookLock, type BookLock, type LockPurpose } from '../db/lock';
import type { Clock, ServiceContext } from '../services/context';
import { initCompany } from '../services/settings';
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
}

export async function openBookContext(
  file: string,
  o: OpenBookOptions,
): Promise<{ ctx: ServiceContext; lock: BookLock | null }> {
  const abs = path.resolve(file);
  const existed = fs.existsSync(abs);
  if (o.create) fs.mkdirSync(path.dirname(abs), { recursive: true });
  const lock = o.lock && (existed || o.create) ? acquireBookLock(abs, { purpose: o.lock }) : null;
  try {
    const book = await openBook(abs, { create: o.create });
    const ctx: ServiceContext = { book, clock: o.clock, session: { operator: o.operator } };
    if (!existed || o.company) await initCompany(ctx, o.company ?? o.defaultCompany);
    return { ctx, lock };
  } catch (e) {
    lock?.release();
    throw e;
  }
}
