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
import {
  contactOf,
  insertPromiseRow,
  insertRecordRow,
  recordById,
  recordCustomerId,
  recordIdsOfCustomer,
} from '../../db/collections/records';
import type Database from 'better-sqlite3';
import { assertPromiseRoom } from '../limits/money-caps';

export async function createPromise(ctx: ServiceContext, input: PromiseInput): Promise<{ id: number }> {
  if (input.promisedOn < input.madeOn)
    throw new AppError('VALIDATION', 'promisedOn: promise_before_made', { field: 'promisedOn' });
  return write(ctx, async (trx, sqlite) => {
    const c = customerById(sqlite, input.customerId);
    assertWritable(c);
    if (input.collectionRecordId != null) {
      if (recordCustomerId(sqlite, input.collectionRecordId) !== input.customerId)
        throw new AppError('VALIDATION', 'collectionRecordId: not a record of this customer', {
          field: 'collectionRecordId',
        });
    }
    assertPromiseRoom(sqlite, [{ customerId: c.id, customerCode: c.code, amount: input.amount }]);
    const id = insertPromiseRow(sqlite, input, 'manual', ctx.clock.now().toISOString());
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

const recordOut = recordById;

/** Records sync inside an open transaction (letters and visits add records along with their own rows). */
export function insertRecordSync(
  ctx: ServiceContext,
  sqlite: Database.Database,
  input: Omit<CollectionRecordInput, 'promise'>,
  source: string,
): number {
  let contactName = input.contactName ?? null;
  if (input.contactId != null) {
    const ct = contactOf(sqlite, input.contactId);
    if (!ct || ct.customerId !== input.customerId)
      throw new AppError('VALIDATION', 'contactId: not a contact of this customer', { field: 'contactId' });
    contactName ??= ct.name;
  }
  return insertRecordRow(sqlite, {
    customerId: input.customerId,
    date: input.date,
    contactId: input.contactId ?? null,
    contactName,
    channel: input.channel,
    method: input.method ?? null,
    tactic: input.tactic ?? null,
    outcome: input.outcome ?? null,
    delaySide: input.delaySide ?? null,
    delayReason: input.delayReason ?? null,
    nextStep: input.nextStep ?? null,
    nextDate: input.nextDate ?? null,
    operatorName: ctx.session.operator?.name ?? null,
    source,
    createdAt: ctx.clock.now().toISOString(),
  });
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
    if (promise)
      assertPromiseRoom(sqlite, [{ customerId: c.id, customerCode: c.code, amount: promise.amount }], 'promise.amount');
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
      promiseId = insertPromiseRow(sqlite, p, 'record', ctx.clock.now().toISOString());
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
  return recordIdsOfCustomer(sqlite, customerId).map((id) => recordOut(sqlite, id));
}
