// Notes receivable (应收票据): entry, state moves, list.
import { serverError } from '../../../../shared/messages/server-messages';
import {
  insertNoteReceivable,
  listNoteRows,
  noteById,
  numberTaken,
  setNoteStateRow,
} from '../../../db/receivables/documents';
import type { NoteReceivableRow, NoteState } from '../../../../shared/types-receivables';
import type { ParsedInputOf } from '../../../../shared/ipc/contract';
import { writeAudit } from '../../audit';
import type { ServiceContext } from '../../context';
import { assertDateField, assertWritable } from '../common';
import { customerById } from '../../../db/receivables/rows';
import { read, write } from '../../book-queue';
import { assertGrossRoom } from '../gross-limit';

const now = (ctx: ServiceContext) => ctx.clock.now().toISOString();

/** As validated by the IPC contract (shared/ipc/receivables.ts). */
export type NoteInput = ParsedInputOf<'notes:create'>;

const NOTE_MOVES: Record<NoteState, NoteState[]> = {
  held: ['honoured', 'endorsed', 'discounted', 'dishonoured'],
  dishonoured: ['honoured'],
  honoured: [],
  endorsed: ['dishonoured'],
  discounted: ['dishonoured'],
};

export async function createNote(ctx: ServiceContext, input: NoteInput): Promise<NoteReceivableRow> {
  assertDateField(input.issueDate, 'issueDate');
  assertDateField(input.maturityDate, 'maturityDate');
  if (input.maturityDate < input.issueDate)
    throw serverError('VALIDATION', 'maturity_before_issue', {}, { field: 'maturityDate' });
  return write(ctx, async (trx, sqlite) => {
    const c = customerById(sqlite, input.customerId);
    assertWritable(c);
    if (numberTaken(sqlite, 'notes_receivable', input.number)) {
      throw serverError('CONFLICT', 'note_exists', { number: input.number }, { field: 'number' });
    }
    assertGrossRoom(sqlite, c, input.amount);
    const id = insertNoteReceivable(sqlite, {
      customerId: c.id,
      number: input.number,
      kind: input.kind,
      drawer: input.drawer,
      issueDate: input.issueDate,
      maturityDate: input.maturityDate,
      amount: input.amount,
      createdAt: now(ctx),
    });
    const row = noteById(sqlite, id)!;
    await writeAudit(ctx, trx, {
      entity: 'note_receivable',
      entityId: input.number,
      customerId: c.id,
      action: 'create',
      after: row,
    });
    return row;
  });
}

export async function setNoteState(
  ctx: ServiceContext,
  input: { id: number; state: NoteState; date: string; note?: string },
): Promise<NoteReceivableRow> {
  assertDateField(input.date, 'date');
  return write(ctx, async (trx, sqlite) => {
    const before = noteById(sqlite, input.id);
    if (!before) throw serverError('NOT_FOUND', 'note_not_found', { id: input.id }, { field: 'id', bare: true });
    assertWritable(customerById(sqlite, before.customerId));
    if (!NOTE_MOVES[before.state].includes(input.state)) {
      throw serverError('VALIDATION', 'note_state_change', { from: before.state, to: input.state }, { field: 'state' });
    }
    if (input.date < before.stateDate)
      throw serverError('VALIDATION', 'before_note_change', { date: before.stateDate }, { field: 'date' });
    setNoteStateRow(sqlite, input.id, input.state, input.date);
    const after = noteById(sqlite, input.id)!;
    await writeAudit(ctx, trx, {
      entity: 'note_receivable',
      entityId: before.number,
      customerId: before.customerId,
      action: 'state',
      before,
      after,
      note: input.note ?? null,
    });
    return after;
  });
}

export async function listNotes(ctx: ServiceContext, q: { customerId?: number }): Promise<NoteReceivableRow[]> {
  return read(ctx, (sqlite) => {
    return listNoteRows(sqlite, q.customerId);
  });
}
