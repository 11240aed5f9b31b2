// Handlers for the complaint channels (shared/ipc/complaints.ts). Reads need an open book;
// writes need a chosen operator (written to the audit log).
import type { complaintsChannels } from '../../shared/ipc/complaints';
import type { Desk } from '../app/desk';
import {
  complaintByCreditNote,
  confirmClaim,
  createComplaint,
  getComplaint,
  listComplaints,
  loadReplyDays,
  moveComplaint,
  saveReplyDays,
  updateComplaint,
  voidClaim,
} from '../services/complaints';
import { complaintAnalysis } from '../reports/complaints';
import { read } from '../services/book-queue';
import type { Handler } from './handlers';
import { readerContext, writerContext } from './session';

type ComplaintsChannel = keyof typeof complaintsChannels;

export function complaintsHandlers(desk: Desk): { [C in ComplaintsChannel]: Handler<C> } {
  const reader = () => readerContext(desk);
  const writer = () => writerContext(desk);
  return {
    'complaints:list': async (q) => listComplaints(reader(), q),
    'complaints:get': async ({ id }) => getComplaint(reader(), id),
    'complaints:create': async (input) => createComplaint(writer(), input),
    'complaints:update': async (input) => updateComplaint(writer(), input),
    'complaints:move': async (input) => moveComplaint(writer(), input),
    'complaints:confirm-claim': async (input) => confirmClaim(writer(), input),
    'complaints:void-claim': async (input) => voidClaim(writer(), input),
    'complaints:by-credit-note': async ({ creditNoteId }) => complaintByCreditNote(reader(), creditNoteId),
    'complaints:analysis': async (q) => {
      const ctx = reader();
      return read(ctx, () => complaintAnalysis(ctx.book, q));
    },
    'complaints:settings': async () => ({ replyDays: await loadReplyDays(reader()) }),
    'complaints:set-settings': async ({ replyDays }) => saveReplyDays(writer(), replyDays),
  };
}
