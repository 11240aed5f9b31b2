// When a book has passwords, nothing but logging in works until an operator has logged in:
// reads, exports and backups included. Applied to every handler (channels added later are
// covered without a list to maintain); OPEN_CHANNELS are the few needed to choose who works.
import type { Desk } from '../app/desk';
import { anyOperatorWithPassword } from '../db/lookups';
import { AppError } from '../../shared/result';
import type { Channel } from '../../shared/ipc/contract';
import type { HandlerMap } from './handlers';

/** Channels that work before an operator is chosen. */
export const OPEN_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'app:info',
  'app:set-locale',
  'operators:list',
  'operators:login',
  'books:open',
  'books:create',
]);

/** Is a book open, nobody logged in, and does the book have an active operator with a password? */
export function loginRequired(desk: Desk): boolean {
  let ctx;
  try {
    ctx = desk.ctx;
  } catch {
    return false; // no book open: the handler answers that itself
  }
  if (ctx.session.operator !== null) return false;
  return anyOperatorWithPassword(ctx.book.sqlite);
}

export function requireOperator(desk: Desk, handlers: HandlerMap): HandlerMap {
  const out = {} as Record<string, unknown>;
  for (const [channel, handler] of Object.entries(handlers) as [Channel, (input: unknown) => Promise<unknown>][]) {
    out[channel] = OPEN_CHANNELS.has(channel)
      ? handler
      : async (input: unknown) => {
          if (loginRequired(desk)) {
            throw new AppError('NO_OPERATOR', 'log in first: this book has passwords');
          }
          return handler(input);
        };
  }
  return out as HandlerMap;
}
