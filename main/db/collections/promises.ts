// SQL behind promise statuses as of a date (SPEC §5): which promises exist as of D, and the
// receipts that can count for them. A scope narrows both to the customers that matter, since
// a promise's status depends only on its own customer's promises and receipts:
// - `customerId`: one customer (the customer card);
// - `promisedFrom` / `promisedTo`: customers with a promise due in that window (the calendar);
//   `promisedFrom` alone: customers with a promise due on or after it (still open as of D, for
//   the dunning pause and the worklist), through the promises_promised_on index.
import type Database from 'better-sqlite3';
import type { PromiseIn, ReceiptIn } from '../../domain/promises';
import { stmt } from '../receivables/prepared';

type Sqlite = Database.Database;

export interface PromiseScope {
  asOf: string;
  promisedFrom?: string;
  promisedTo?: string;
  customerId?: number;
  /** these customers only (the worklist's listed customers) */
  customerIds?: readonly number[];
}

/** Up to this many listed customers, their promises due from a date are found by a seek each. */
const FEW_CUSTOMERS = 2_000;

function scopeWhere(s: PromiseScope): { where: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { d: s.asOf };
  let where = 'p.made_on <= @d';
  if (s.customerId !== undefined) {
    where += ' AND p.customer_id = @cid';
    params.cid = s.customerId;
  }
  if (s.customerIds !== undefined) {
    where += ' AND p.customer_id IN (SELECT value FROM json_each(@cids))';
    params.cids = JSON.stringify(s.customerIds);
  }
  if (s.promisedFrom !== undefined) {
    const to = s.promisedTo !== undefined ? ' AND q.promised_on <= @pt' : '';
    const due = `q.promised_on >= @pf${to} AND q.made_on <= @d`;
    // a few listed customers (a write's worklist refresh): a seek each (promises_sharing_order), not
    // every promise due from @pf listed first; for many (the dunning list's) the list is cheaper
    where +=
      s.customerIds !== undefined && s.customerIds.length <= FEW_CUSTOMERS
        ? ` AND EXISTS (SELECT 1 FROM promises q WHERE q.customer_id = p.customer_id AND ${due})`
        : ` AND p.customer_id IN (SELECT q.customer_id FROM promises q WHERE ${due})`;
    params.pf = s.promisedFrom;
    if (s.promisedTo !== undefined) params.pt = s.promisedTo;
  }
  return { where, params };
}

export interface PromiseRow extends PromiseIn {
  customerCode: string;
  customerName: string;
  promisedBy: string | null;
  form: string;
  collectionRecordId: number | null;
}

/** A promise with its kept final received amount (migration 0022), −1 when none is kept under these grace days. */
export interface KeptPromiseIn extends PromiseIn {
  received: number;
}

/** The kept final received amount under grace days @g, or −1 (db/collections/promise-final.ts). */
const KEPT = 'LEFT JOIN promise_final k ON k.promise_id = p.id';
const KEPT_RECEIVED = 'CASE WHEN k.grace = @g THEN k.received ELSE -1 END AS received';

/** The promises in scope with their customer and kept final received amount, in report order (code, promised date, made on, entry). */
export function promiseRowsInScope(sqlite: Sqlite, s: PromiseScope, graceDays: number): (PromiseRow & KeptPromiseIn)[] {
  const { where, params } = scopeWhere(s);
  // (the whole book's are read in columns: promise-columns.ts)
  return stmt(
    sqlite,
    `SELECT p.id AS id, p.customer_id AS customerId, c.code AS customerCode, c.name AS customerName, p.made_on AS madeOn, p.promised_on AS promisedOn,
            p.amount AS amount, ${KEPT_RECEIVED}, p.promised_by AS promisedBy, p.form AS form, p.collection_record_id AS collectionRecordId
     FROM promises p JOIN customers c ON c.id = p.customer_id ${KEPT} WHERE ${where}
     ORDER BY c.code, p.promised_on, p.made_on, p.id`,
  ).all({ ...params, g: graceDays }) as (PromiseRow & KeptPromiseIn)[];
}

/** The same promises without the customer's name (the dunning pause, the worklist's counts). */
export function promisesInScope(sqlite: Sqlite, s: PromiseScope, graceDays: number): KeptPromiseIn[] {
  const { where, params } = scopeWhere(s);
  return stmt(
    sqlite,
    `SELECT p.id AS id, p.customer_id AS customerId, p.made_on AS madeOn, p.promised_on AS promisedOn, p.amount AS amount,
            ${KEPT_RECEIVED}
     FROM promises p ${KEPT} WHERE ${where} ORDER BY p.customer_id, p.promised_on, p.made_on, p.id`,
  ).all({ ...params, g: graceDays }) as KeptPromiseIn[];
}

/**
 * The receipts (not voided, dated ≤ D) that can count for the promises in scope: per customer,
 * only those dated inside [earliest made_on, latest promised_on + grace] (receipts_customer_date).
 */
export function receiptsForPromises(sqlite: Sqlite, s: PromiseScope, graceDays: number): ReceiptIn[] {
  const { where, params } = scopeWhere(s);
  return stmt(
    sqlite,
    `WITH w AS (SELECT p.customer_id AS cid, MIN(p.made_on) AS lo, MIN(date(MAX(p.promised_on), '+' || @g || ' days'), @d) AS hi
                FROM promises p WHERE ${where} GROUP BY p.customer_id)
     SELECT r.id AS id, r.customer_id AS customerId, r.date AS date, r.reference AS reference, r.amount AS amount
     FROM w JOIN receipts r ON r.customer_id = w.cid AND r.date BETWEEN w.lo AND w.hi
     WHERE r.voided_at IS NULL`,
  ).all({ ...params, g: graceDays }) as ReceiptIn[];
}

/**
 * Of these customers, those with a receipt (not voided) dated after D or a promise made after D:
 * their kept final amounts may differ from those as of D. One index seek each
 * (receipts_customer_date, promises_sharing_order).
 */
export function customersWithEntriesAfter(sqlite: Sqlite, customerIds: readonly number[], asOf: string): number[] {
  return stmt(
    sqlite,
    `SELECT c.value FROM json_each(@cids) c
     WHERE EXISTS (SELECT 1 FROM receipts r WHERE r.customer_id = c.value AND r.date > @d AND r.voided_at IS NULL)
        OR EXISTS (SELECT 1 FROM promises q WHERE q.customer_id = c.value AND q.made_on > @d)`,
  )
    .pluck()
    .all({ cids: JSON.stringify(customerIds), d: asOf }) as number[];
}
