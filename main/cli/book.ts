// Opening a book from the command line, through the same opener as the app (app/open-book.ts).
// Writers take the book lock (so a CLI import cannot write a book that the app has open) and are
// attributed to the operator name "creditdesk-cli" (id 0: not an operators row; the audit log
// stores its id as null). Closing the book releases the lock.
import { openBookContext } from '../app/open-book';
import { systemClock, type ServiceContext } from '../services/context';

export const CLI_OPERATOR = { id: 0, name: 'creditdesk-cli', hasPassword: false };

export async function openCliBook(
  file: string,
  opts: { create?: boolean; company?: string; write?: boolean; openAnyway?: boolean } = {},
): Promise<ServiceContext> {
  const { ctx, lock } = await openBookContext(file, {
    create: opts.create,
    company: opts.company,
    defaultCompany: 'CreditDesk',
    lock: opts.write !== false ? 'cli' : null,
    clock: systemClock,
    operator: CLI_OPERATOR,
    // readers on a read-only disk open the book read-only instead of failing
    readonlyWhenNotWritable: opts.write === false,
    openAnyway: opts.openAnyway,
  });
  const close = ctx.book.close;
  ctx.book.close = async () => {
    await close();
    lock?.release();
  };
  return ctx;
}

/** Runs `fn` on the book opened for reading (or writing), closing it however `fn` ends. */
export async function withCliBook<T>(
  db: string,
  fn: (ctx: ServiceContext) => Promise<T> | T,
  opts: { write?: boolean } = {},
): Promise<T> {
  const ctx = await openCliBook(db, { write: opts.write ?? false }); // a reader takes no book lock
  try {
    return await fn(ctx);
  } finally {
    await ctx.book.close();
  }
}
