// Handlers for the statement channels (shared/ipc/statements.ts). Reads need an open book;
// anything that prints a confidential customer, records a sent statement or a returned slip,
// or starts a batch needs a chosen operator (it is written to the audit log).
import type { statementsChannels } from '../../shared/ipc/statements';
import type { Desk } from '../app/desk';
import {
  cardsHtmlFor,
  confirmationScan,
  listConfirmations,
  listOutstanding,
  recordConfirmation,
  recordSent,
  resolveDisagreement,
  statementData,
  statementHtmlFor,
  statementPdf,
} from '../services/statements';
import type { Handler } from './handlers';
import { readerContext, writerContext } from './session';

type StatementsChannel = keyof typeof statementsChannels;

export function statementsHandlers(desk: Desk): { [C in StatementsChannel]: Handler<C> } {
  const svc = () => desk.statements;
  const reader = () => readerContext(desk);
  const writer = () => writerContext(desk);
  return {
    'statements:data': async (q) => statementData(reader(), q),
    'statements:html': async (q) => {
      const { data: _data, ...out } = await statementHtmlFor(q.confirmed ? writer() : reader(), { ...q, fonts: 'app' });
      return out;
    },
    'statements:pdf': async (q) => {
      const ctx = writer();
      return svc().withRenderer((r) => statementPdf(ctx, r, q));
    },
    'statements:mark-sent': async (q) => {
      const ctx = writer();
      const d = await statementData(ctx, { customerId: q.customerId, from: q.from, to: q.to, style: q.style });
      await recordSent(ctx, {
        runId: null,
        customerId: d.customer.id,
        from: d.from,
        to: d.to,
        style: d.style,
        closing: d.closing,
        file: null,
      });
      return listOutstanding(ctx, { customerId: q.customerId, latestOnly: true });
    },
    'statements:batch-start': async (input) => svc().startBatch(writer(), input),
    'statements:batch-progress': async () => svc().progress(),
    'statements:batch-cancel': async () => {
      writer();
      return svc().cancel();
    },
    'statements:confirm': async (input) => recordConfirmation(writer(), input),
    'statements:confirmations': async (q) => listConfirmations(reader(), q),
    'statements:resolve': async (input) => resolveDisagreement(writer(), input),
    'statements:scan': async ({ id }) => confirmationScan(reader(), id),
    'statements:outstanding': async (q) => listOutstanding(reader(), q),
    'cards:html': async (q) => cardsHtmlFor(q.confirmed ? writer() : reader(), { ...q, fonts: 'app' }),
  };
}
