// Voiding a document — invoice, receipt, credit note or write-off — is one routine: its
// allocations are reversed, the documents they touched refreshed, the daily totals taken back and
// the audit log written, in the caller's transaction. Only what differs per kind is passed in.
import { bumpDaily } from '../../../db/receivables/writes';
import { markVoided } from '../../../db/receivables/documents';
import type { DB } from '../../../db/schema';
import type { Transaction } from 'kysely';
import type Database from 'better-sqlite3';
import { writeAudit } from '../../audit';
import type { ServiceContext } from '../../context';
import { assertWritable } from '../common';
import { customerById } from '../../../db/receivables/rows';
import { refreshAll, reverseAllocations } from '../engine';

type Sqlite = Database.Database;
type VoidedRow = { voidedAt: string | null; customerId: number; amount: number };

/** Each kind's table, the allocation column that points at it and its refresh list (if any). */
const KINDS = {
  invoices: { source: 'invoice_id', refresh: 'invoices' },
  receipts: { source: 'receipt_id', refresh: 'receipts' },
  credit_notes: { source: 'credit_note_id', refresh: 'creditNotes' },
  write_offs: { source: 'write_off_id', refresh: null },
} as const;

/** What differs between voiding one kind of document and another. */
export interface VoidableKind<R extends VoidedRow> {
  kind: keyof typeof KINDS;
  row: (sqlite: Sqlite, id: number) => R;
  alreadyVoid: (before: R) => Error;
  /** Further refusals, in the kind's own order; the default is "the customer must be writable". */
  refuse?: (before: R, sqlite: Sqlite) => void;
  /** The day whose totals the document counted in (an invoice's issue date, else its date). */
  day: (before: R) => string;
  daily: (amount: number) => Parameters<typeof bumpDaily>[2];
  audit: { entity: string; entityId: (before: R) => number | string };
}

export async function voidDocument<R extends VoidedRow>(
  ctx: ServiceContext,
  trx: Transaction<DB>,
  sqlite: Sqlite,
  input: { id: number; reason: string },
  k: VoidableKind<R>,
): Promise<R> {
  const before = k.row(sqlite, input.id);
  if (before.voidedAt) throw k.alreadyVoid(before);
  if (k.refuse) k.refuse(before, sqlite);
  else assertWritable(customerById(sqlite, before.customerId));
  const at = ctx.clock.now().toISOString();
  const { source, refresh } = KINDS[k.kind];
  const touched = reverseAllocations(sqlite, source, input.id, at);
  markVoided(sqlite, k.kind, input.id, at, input.reason);
  // the voided document itself is refreshed too (its open amount and settled date go)
  refreshAll(sqlite, refresh ? { ...touched, [refresh]: [...new Set([...touched[refresh], input.id])] } : touched);
  bumpDaily(sqlite, k.day(before), k.daily(before.amount));
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
