// Claims become credit notes (索赔补偿): confirming a complaint's compensation or refund writes a
// credit note of kind `claim` on the customer through the receivables code, in the same
// transaction, linked both ways (complaints.credit_note_id; the credit note's reason names the
// complaint and complaints:by-credit-note finds it). The credit note names the oldest-due open
// invoice the complaint concerns (SPEC §2: it reduces that invoice; the rest stands as an
// unapplied credit). Voiding the claim offers to void the credit note, and the receivables side
// asks the other way round.
import type { CreditNoteRow } from '../../../shared/types-receivables';
import type { ComplaintDetail } from '../../../shared/types-complaints';
import { checkCompensation, type Issue } from '../../domain/complaints';
import { creditNoteNumberTaken, markClaimConfirmed, markClaimVoided } from '../../db/complaints/writes';
import type { ServiceContext } from '../context';
import { assertWritable } from '../receivables/common';
import { customerById } from '../../db/receivables/rows';
import { write } from '../book-queue';
import { createCreditNoteIn, voidCreditNoteIn } from '../receivables/documents';
import { audit, detail, fail } from './records';

function creditNoteNumber(sqlite: import('better-sqlite3').Database, complaintNumber: string): string {
  const base = `CN-${complaintNumber}`;
  let n = base;
  for (let i = 2; creditNoteNumberTaken(sqlite, n); i++) n = `${base}-${i}`;
  return n;
}

export async function confirmClaim(
  ctx: ServiceContext,
  input: { id: number; date?: string; confirmedOverInvoices?: boolean },
): Promise<{ complaint: ComplaintDetail; creditNote: CreditNoteRow }> {
  const today = ctx.clock.today();
  const date = input.date ?? today;
  return write(ctx, async (trx, sqlite) => {
    const before = detail(sqlite, input.id, today);
    assertWritable(customerById(sqlite, before.customerId));
    const issues: Issue[] = [];
    if (before.claimConfirmedOn && !before.claimVoidedAt) issues.push({ field: 'id', key: 'claim_already_confirmed' });
    if (before.resolution !== 'compensation' && before.resolution !== 'refund')
      issues.push({ field: 'resolution', key: 'claim_needs_resolution' });
    if (before.compensation <= 0) issues.push({ field: 'compensation', key: 'must_be_positive' });
    if (date < before.receivedOn) issues.push({ field: 'date', key: 'before_received' });
    const invoiceTotal = before.invoices.reduce((s, i) => s + i.amount, 0);
    issues.push(
      ...checkCompensation(
        { compensation: before.compensation, invoiceCount: before.invoices.length, invoiceTotal },
        !!input.confirmedOverInvoices,
      ),
    );
    if (issues.length) fail(issues);
    const named = before.invoices.find((i) => i.open > 0) ?? null;
    const { creditNote } = await createCreditNoteIn(ctx, trx, sqlite, {
      customerId: before.customerId,
      number: creditNoteNumber(sqlite, before.number),
      date,
      amount: before.compensation,
      kind: 'claim',
      invoiceId: named?.id ?? null,
      reason: `${before.number} ${before.resolution === 'refund' ? '退款 refund' : '赔偿 compensation'}`,
    });
    markClaimConfirmed(sqlite, input.id, date, creditNote.id, ctx.clock.now().toISOString());
    const after = detail(sqlite, input.id, today);
    await audit(
      ctx,
      trx,
      after,
      'confirm-claim',
      { claimConfirmedOn: before.claimConfirmedOn, creditNoteId: before.creditNoteId },
      { claimConfirmedOn: date, creditNoteId: creditNote.id, creditNote: creditNote.number, amount: creditNote.amount },
    );
    return { complaint: after, creditNote };
  });
}

export async function voidClaim(
  ctx: ServiceContext,
  input: { id: number; reason: string; voidCreditNote: boolean },
): Promise<ComplaintDetail> {
  const today = ctx.clock.today();
  return write(ctx, async (trx, sqlite) => {
    const before = detail(sqlite, input.id, today);
    if (!before.claimConfirmedOn || before.claimVoidedAt) fail([{ field: 'id', key: 'claim_not_confirmed' }]);
    assertWritable(customerById(sqlite, before.customerId));
    if (input.voidCreditNote && before.creditNoteId && !before.creditNoteVoid) {
      await voidCreditNoteIn(ctx, trx, sqlite, {
        id: before.creditNoteId,
        reason: `${before.number}: ${input.reason}`,
      });
    }
    markClaimVoided(sqlite, input.id, ctx.clock.now().toISOString());
    const after = detail(sqlite, input.id, today);
    await audit(
      ctx,
      trx,
      after,
      'void-claim',
      { claimConfirmedOn: before.claimConfirmedOn },
      { claimVoidedAt: after.claimVoidedAt, creditNoteVoided: input.voidCreditNote },
      input.reason,
    );
    return after;
  });
}
