// Handlers for the receivables channels (shared/ipc/receivables.ts).
import type { receivablesChannels } from '../../shared/ipc/receivables';
import type { Desk } from '../app/desk';
import type { Handler } from './handlers';

type ReceivablesChannel = keyof typeof receivablesChannels;

export function receivablesHandlers(desk: Desk): { [C in ReceivablesChannel]: Handler<C> } {
  void desk;
  return {};
}
