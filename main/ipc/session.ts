// Contexts for handlers: reads need an open book; writes also need a chosen operator.
import { serverError } from '../../shared/messages/server-messages';
import type { Desk } from '../app/desk';
import type { ServiceContext } from '../services/context';
import { assertMayWrite } from '../services/credit/roles';

export function readerContext(desk: Desk): ServiceContext {
  return desk.ctx;
}

export function writerContext(desk: Desk): ServiceContext {
  const c = desk.ctx;
  if (!c.session.operator) throw serverError('NO_OPERATOR', 'no_operator');
  assertMayWrite(c); // viewers (只读) cannot write through any channel
  return c;
}

/** Reads that leave an audit row (exports): any chosen operator, viewers included. */
export function auditedReaderContext(desk: Desk): ServiceContext {
  const c = desk.ctx;
  if (!c.session.operator) throw serverError('NO_OPERATOR', 'no_operator');
  return c;
}
