// SQL of collection records (催款记录) and promises to pay (付款承诺) written by the collections
// service. Callers run these inside their own write transaction.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';
import type { CollectionRecordOut } from '../../../shared/types-collections';

type Sqlite = Database.Database;

export interface PromiseInsert {
  customerId: number;
  madeOn: string;
  promisedOn: string;
  amount: number;
  promisedBy?: string | null;
  form: string;
  note?: string | null;
  collectionRecordId?: number | null;
}

export function insertPromiseRow(sqlite: Sqlite, p: PromiseInsert, source: string, now: string): number {
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

/** The customer a collection record belongs to (undefined: no such record). */
export function recordCustomerId(sqlite: Sqlite, recordId: number): number | undefined {
  const r = stmt(sqlite, 'SELECT customer_id FROM collection_records WHERE id = ?').get(recordId) as
    { customer_id: number } | undefined;
  return r?.customer_id;
}

export function contactOf(sqlite: Sqlite, contactId: number): { customerId: number; name: string } | undefined {
  return stmt(sqlite, 'SELECT customer_id AS customerId, name FROM contacts WHERE id = ?').get(contactId) as
    { customerId: number; name: string } | undefined;
}

export interface RecordInsert {
  customerId: number;
  date: string;
  contactId: number | null;
  contactName: string | null;
  channel: string;
  method: string | null;
  tactic: string | null;
  outcome: string | null;
  delaySide: string | null;
  delayReason: string | null;
  nextStep: string | null;
  nextDate: string | null;
  operatorName: string | null;
  source: string;
  createdAt: string;
}

export function insertRecordRow(sqlite: Sqlite, r: RecordInsert): number {
  return Number(
    stmt(
      sqlite,
      `INSERT INTO collection_records (customer_id, date, contact_id, contact_name, channel, method, tactic, outcome, delay_side, delay_reason, next_step, next_date, operator_name, source, created_at)
       VALUES (@customerId, @date, @contactId, @contactName, @channel, @method, @tactic, @outcome, @delaySide, @delayReason, @nextStep, @nextDate, @operatorName, @source, @createdAt)`,
    ).run(r).lastInsertRowid,
  );
}

export function recordById(sqlite: Sqlite, id: number): CollectionRecordOut {
  return stmt(
    sqlite,
    `SELECT id, customer_id AS customerId, date, contact_id AS contactId, contact_name AS contactName, channel, method, tactic, outcome,
            delay_side AS delaySide, delay_reason AS delayReason, next_step AS nextStep, next_date AS nextDate, operator_name AS operatorName, source
     FROM collection_records WHERE id = ?`,
  ).get(id) as CollectionRecordOut;
}

export function recordIdsOfCustomer(sqlite: Sqlite, customerId: number): number[] {
  return (
    stmt(sqlite, 'SELECT id FROM collection_records WHERE customer_id = ? ORDER BY date DESC, id DESC').all(
      customerId,
    ) as { id: number }[]
  ).map((r) => r.id);
}
