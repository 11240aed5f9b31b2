// Credit notes (退货 / 折让 / 索赔补偿): entry and void, also inside a caller's transaction (claims).
import { serverError } from '../../../../shared/messages/server-messages';
import { maxDate } from '../../../domain/dates';
import { bumpDaily, insertAllocation, refreshCredit, refreshInvoice } from '../../../db/receivables/writes';
import { insertCreditNote, numberTaken } from '../../../db/receivables/documents';
import type { AllocationRow, CreditNoteRow } from '../../../../shared/types-receivables';
import type { DB } from '../../../db/schema';
import type { ParsedInputOf } from '../../../../shared/ipc/contract';
import type { Transaction } from 'kysely';
import { writeAudit } from '../../audit';
import type { ServiceContext } from '../../context';
import { assertDateField, assertWritable } from '../common';
import { allocationRows, creditNoteRow, customerById, invoiceRow } from '../../../db/receivables/rows';
import { write } from '../../book-queue';
import { assertGrossRoom } from '../gross-limit';
import { voidDocument } from './void-document';
import { checkNamedInvoice } from './receipts';

const now = (ctx: ServiceContext) => ctx.clock.now().toISOString();

/** As validated by the IPC contract (shared/ipc/receivables.ts). */
export type CreditNoteInput = ParsedInputOf<'credit-notes:create'>;

export async function createCreditNote(
  ctx: ServiceContext,
  input: CreditNoteInput,
): Promise<{ creditNote: CreditNoteRow; allocations: AllocationRow[] }> {
  assertDateField(input.date, 'date');
  return write(ctx, (trx, sqlite) => createCreditNoteIn(ctx, trx, sqlite, input));
}

/** createCreditNote inside a transaction the caller holds (a complaint's claim writes its credit note with it). */
export async function createCreditNoteIn(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  sqlite: import('better-sqlite3').Database,
  input: CreditNoteInput,
): Promise<{ creditNote: CreditNoteRow; allocations: AllocationRow[] }> {
  {
    const c = customerById(sqlite, input.customerId);
    assertWritable(c);
    if (numberTaken(sqlite, 'credit_notes', input.number)) {
      throw serverError('CONFLICT', 'credit_note_exists', { number: input.number }, { field: 'number' });
    }
    checkNamedInvoice(sqlite, input.invoiceId, c.id);
    assertGrossRoom(sqlite, c, input.amount);
    const at = now(ctx);
    const id = insertCreditNote(sqlite, {
      customerId: c.id,
      number: input.number,
      date: input.date,
      amount: input.amount,
      kind: input.kind,
      invoiceId: input.invoiceId ?? null,
      reason: input.reason ?? null,
      createdAt: at,
    });
    bumpDaily(sqlite, input.date, { credited: input.amount, credits_n: 1 });
    const ids: number[] = [];
    if (input.invoiceId) {
      const inv = invoiceRow(sqlite, input.invoiceId);
      const amount = Math.min(inv.open, input.amount);
      if (amount > 0) {
        const date = maxDate(input.date, inv.issueDate);
        ids.push(
          insertAllocation(sqlite, {
            invoice_id: inv.id,
            receipt_id: null,
            credit_note_id: id,
            write_off_id: null,
            amount,
            date,
            kind: 'credit_note',
            created_at: at,
          }),
        );
        refreshInvoice(sqlite, inv.id);
        if (date !== input.date) bumpDaily(sqlite, date, {});
      }
    }
    refreshCredit(sqlite, 'credit_notes', id);
    const out = { creditNote: creditNoteRow(sqlite, id), allocations: allocationRows(sqlite, 'ids', ids) };
    await writeAudit(ctx, trx, {
      entity: 'credit_note',
      entityId: input.number,
      customerId: c.id,
      action: 'create',
      after: out,
    });
    return out;
  }
}

export async function voidCreditNote(
  ctx: ServiceContext,
  input: { id: number; reason: string },
): Promise<CreditNoteRow> {
  return write(ctx, (trx, sqlite) => voidCreditNoteIn(ctx, trx, sqlite, input));
}

/** voidCreditNote inside a transaction the caller holds (voiding a complaint's claim voids its credit note with it). */
export async function voidCreditNoteIn(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  sqlite: import('better-sqlite3').Database,
  input: { id: number; reason: string },
): Promise<CreditNoteRow> {
  return voidDocument(ctx, trx, sqlite, input, {
    row: creditNoteRow,
    alreadyVoid: (before) =>
      serverError('CONFLICT', 'credit_note_already_void', { number: before.number }, { field: 'id', bare: true }),
    kind: 'credit_notes',
    day: (before) => before.date,
    daily: (amount) => ({ credited: -amount, credits_n: -1 }),
    audit: { entity: 'credit_note', entityId: (before) => before.number },
  });
}
