// Voiding a document that carries credit (a receipt or a credit note): shared by both.
import { bumpDaily } from '../../../db/receivables/writes';
import { markVoided } from '../../../db/receivables/documents';
import type { DB } from '../../../db/schema';
import type { Transaction } from 'kysely';
import { writeAudit } from '../../audit';
import type { ServiceContext } from '../../context';
import { assertWritable } from '../common';
import { customerById } from '../../../db/receivables/rows';
import { refreshAll, reverseAllocations } from '../engine';

const now = (ctx: ServiceContext) => ctx.clock.now().toISOString();

/** What differs between voiding a receipt and a credit note. */
export interface CreditDocumentKind<
  R extends { voidedAt: string | null; customerId: number; date: string; amount: number },
> {
  row: (sqlite: import('better-sqlite3').Database, id: number) => R;
  alreadyVoid: (before: R) => Error;
  kind: 'receipts' | 'credit_notes';
  daily: (amount: number) => Parameters<typeof bumpDaily>[2];
  audit: { entity: string; entityId: (before: R) => number | string };
}

/** Void a receipt or credit note: its allocations are reversed, the invoices reopened, the daily
 *  totals and the audit log updated — in the caller's transaction. */
export async function voidCreditDocument<
  R extends { voidedAt: string | null; customerId: number; date: string; amount: number },
>(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  sqlite: import('better-sqlite3').Database,
  input: { id: number; reason: string },
  k: CreditDocumentKind<R>,
): Promise<R> {
  const before = k.row(sqlite, input.id);
  if (before.voidedAt) throw k.alreadyVoid(before);
  assertWritable(customerById(sqlite, before.customerId));
  const at = now(ctx);
  const touched = reverseAllocations(sqlite, k.kind === 'receipts' ? 'receipt_id' : 'credit_note_id', input.id, at);
  markVoided(sqlite, k.kind, input.id, at, input.reason);
  const listKey = k.kind === 'receipts' ? 'receipts' : 'creditNotes';
  refreshAll(sqlite, { ...touched, [listKey]: [...new Set([...touched[listKey], input.id])] });
  bumpDaily(sqlite, before.date, k.daily(before.amount));
  const after = k.row(sqlite, input.id);
  await writeAudit(ctx, trx, {
    entity: k.audit.entity,
    entityId: k.audit.entityId(before),
    customerId: before.customerId,
    action: 'void',
    before,
    after,
    note: input.reason,
  });
  return after;
}
