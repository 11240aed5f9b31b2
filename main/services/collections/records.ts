// Writes of the collections desk: promises to pay and collection records (催款记录), each in
// one transaction with its audit row (operator, before/after). A promise's status is derived
// from receipts (reports/collections/promise-status.ts), never stored.
import { AppError } from '../../../shared/result';
import type { CollectionRecordInput, PromiseInput } from '../../../shared/schemas/collections';
import type { CollectionRecordOut } from '../../../shared/types-collections';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { assertWritable } from '../receivables/common';
import { customerById } from '../../db/receivables/rows';
import { write } from '../book-queue';
import { stmt } from '../../db/receivables/prepared';
import type Database from 'better-sqlite3';

interface PromiseRowIn {
  customerId: number;
  madeOn: string;
  promisedOn: string;
  amount: number;
  promisedBy?: string | null;
  form: string;
  note?: string | null;
  collectionRecordId?: number | null;
}

function insertPromise(sqlite: Database.Database, p: PromiseRowIn, source: string, now: string): number {
  return Number(
    stmt(
      sqlite,
      `INSERT INTO promises (customer_id, made_on, promised_on, amount, promised_by, form, collection_record_id, note, source, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      p.customerId,
      p.madeOn,
      p.promisedOn,
      p.amount,
      p.promisedBy ?? null,
      p.form,
      p.collectionRecordId ?? null,
      p.note ?? null,
      source,
      now,
    ).lastInsertRowid,
  );
}

export async function createPromise(ctx: ServiceContext, input: PromiseInput): Promise<{ id: number }> {
  if (input.promisedOn < input.madeOn)
    throw new AppError('VALIDATION', 'promisedOn: promise_before_made', { field: 'promisedOn' });
  return write(ctx, async (trx, sqlite) => {
    const c = customerById(sqlite, input.customerId);
    assertWritable(c);
    if (input.collectionRecordId != null) {
      const r = stmt(sqlite, 'SELECT customer_id FROM collection_records WHERE id = ?').get(
        input.collectionRecordId,
      ) as { customer_id: number } | undefined;
      if (!r || r.customer_id !== input.customerId)
        throw new AppError('VALIDATION', 'collectionRecordId: not a record of this customer', {
          field: 'collectionRecordId',
        });
    }
    const id = insertPromise(sqlite, input, 'manual', ctx.clock.now().toISOString());
    await writeAudit(ctx, trx, {
      entity: 'promise',
      entityId: id,
      customerId: c.id,
      action: 'create',
      after: { ...input },
    });
    return { id };
  });
}

function recordOut(sqlite: Database.Database, id: number): CollectionRecordOut {
  return stmt(
    sqlite,
    `SELECT id, customer_id AS customerId, date, contact_id AS contactId, contact_name AS contactName, channel, method, tactic, outcome,
            delay_side AS delaySide, delay_reason AS delayReason, next_step AS nextStep, next_date AS nextDate, operator_name AS operatorName, source
     FROM collection_records WHERE id = ?`,
  ).get(id) as CollectionRecordOut;
}

/** Records sync inside an open transaction (letters and visits add records along with their own rows). */
export function insertRecordSync(
  ctx: ServiceContext,
  sqlite: Database.Database,
  input: Omit<CollectionRecordInput, 'promise'>,
  source: string,
): number {
  let contactName = input.contactName ?? null;
  if (input.contactId != null) {
    const ct = stmt(sqlite, 'SELECT customer_id, name FROM contacts WHERE id = ?').get(input.contactId) as
      { customer_id: number; name: string } | undefined;
    if (!ct || ct.customer_id !== input.customerId)
      throw new AppError('VALIDATION', 'contactId: not a contact of this customer', { field: 'contactId' });
    contactName ??= ct.name;
  }
  return Number(
    stmt(
      sqlite,
      `INSERT INTO collection_records (customer_id, date, contact_id, contact_name, channel, method, tactic, outcome, delay_side, delay_reason, next_step, next_date, operator_name, source, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      input.customerId,
      input.date,
      input.contactId ?? null,
      contactName,
      input.channel,
      input.method ?? null,
      input.tactic ?? null,
      input.outcome ?? null,
      input.delaySide ?? null,
      input.delayReason ?? null,
      input.nextStep ?? null,
      input.nextDate ?? null,
      ctx.session.operator?.name ?? null,
      source,
      ctx.clock.now().toISOString(),
    ).lastInsertRowid,
  );
}

/** A collection record, with the promise made in it (same transaction, one audit row each). */
export async function createCollectionRecord(
  ctx: ServiceContext,
  input: CollectionRecordInput,
): Promise<{ record: CollectionRecordOut; promiseId: number | null }> {
  return write(ctx, async (trx, sqlite) => {
    const c = customerById(sqlite, input.customerId);
    assertWritable(c);
    const { promise, ...record } = input;
    const id = insertRecordSync(ctx, sqlite, record, 'manual');
    const out = recordOut(sqlite, id);
    await writeAudit(ctx, trx, {
      entity: 'collection_record',
      entityId: id,
      customerId: c.id,
      action: 'create',
      after: out,
    });
    let promiseId: number | null = null;
    if (promise) {
      const p = { customerId: c.id, madeOn: input.date, ...promise, collectionRecordId: id };
      promiseId = insertPromise(sqlite, p, 'record', ctx.clock.now().toISOString());
      await writeAudit(ctx, trx, {
        entity: 'promise',
        entityId: promiseId,
        customerId: c.id,
        action: 'create',
        after: p,
      });
    }
    return { record: out, promiseId };
  });
}

export function recordsOfCustomer(sqlite: Database.Database, customerId: number): CollectionRecordOut[] {
  const ids = stmt(sqlite, 'SELECT id FROM collection_records WHERE customer_id = ? ORDER BY date DESC, id DESC').all(
    customerId,
  ) as { id: number }[];
  return ids.map((r) => recordOut(sqlite, r.id));
}
