// Opening a book from the command line. Writers take the book lock (so a CLI import cannot
// write a book that the app has open) and are attributed to the operator name
// "creditdesk-cli" (id 0: not an operators row; the audit log stores its id as null).
import fs from 'node:fs';
import path from 'node:path';
import { openBook } from '../db/connection';
import { assertBookFile, bookWriteAccess } from '../db/book-file';
import { acquireBookLock } from '../db/lock';
import { systemClock, type ServiceContext } from '../services/context';
import { initCompany } from '../services/settings';

export async function openCliBook(file: string, opts: { create?: boolean; company?: string; write?: boolean; openAnyway?: boolean } = {}): Promise<ServiceContext> {
  const existed = fs.existsSync(file);
  const abs = path.resolve(file);
  // readers on a read-only disk open the book read-only instead of failing
  const readonly = opts.write === false && existed && bookWriteAccess(abs, path.dirname(abs)) !== 'ok';
  // every --db command (readers too) refuses a foreign file before anything touches it
  assertBookFile(abs, path.dirname(abs), { create: opts.create, readonly });
  if (opts.create) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const lock = opts.write !== false && (existed || opts.create) ? acquireBookLock(path.resolve(file), { purpose: 'cli', openAnyway: opts.openAnyway }) : null;
  try {
    const book = await openBook(file, { create: opts.create, readonly });
    const close = book.close;
    book.close = async () => {
      await close();
      lock?.release();
    };
    const ctx: ServiceContext = { book, clock: systemClock, session: { operator: { id: 0, name: 'creditdesk-cli', hasPassword: false } } };
    if (!readonly && (!existed || opts.company)) await initCompany(ctx, opts.company ?? 'CreditDesk');
    return ctx;
  } catch (e) {
    lock?.release();
    throw e;
  }
}
