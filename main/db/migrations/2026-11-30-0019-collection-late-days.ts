// Frozen migration: kept late days per customer (issue #13 speed of today's worklist). One row
// per customer with receipt allocations: Σ max(0, allocation date − due date) in whole days and
// how many allocations (receipt allocations of a positive amount; db/collections/payment-history.ts
// is the rule). SQLite triggers keep it in the same transaction as every write to allocations
// and every change of an invoice's due date or customer, so the worklist reads one row per
// listed customer instead of all its invoices and allocations. The late days do not depend on an
// as-of date. Also a covering index for promise statuses: the promises in their sharing order
// (customer, promised date, made on, entry) with their amounts, without reading the wide rows.
// Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

const LATE = (a: string, i: string) =>
  `MAX(0, CAST(ROUND(julianday(${a}.date) - julianday(${i}.due_date)) AS INTEGER))`;
const COUNTS = (a: string) => `${a}.receipt_id IS NOT NULL AND ${a}.amount > 0`;

/** Adds (sign +1) or takes out (−1) one allocation row's part. */
const bump = (a: 'NEW' | 'OLD', sign: '+' | '-') =>
  `INSERT INTO collection_late_days (customer_id, late_days, count)
     SELECT i.customer_id, ${sign}${LATE(a, 'i')}, ${sign}1 FROM invoices i WHERE i.id = ${a}.invoice_id AND ${COUNTS(a)}
   ON CONFLICT (customer_id) DO UPDATE SET late_days = late_days + excluded.late_days, count = count + excluded.count;`;

/** Works one customer's row out again from its invoices and allocations. */
const refill = (cid: string) =>
  `DELETE FROM collection_late_days WHERE customer_id = ${cid};
   INSERT INTO collection_late_days (customer_id, late_days, count)
     SELECT i.customer_id, SUM(${LATE('a', 'i')}), COUNT(*) FROM invoices i JOIN allocations a ON a.invoice_id = i.id
      WHERE i.customer_id = ${cid} AND ${COUNTS('a')} GROUP BY i.customer_id;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE collection_late_days (
    customer_id INTEGER PRIMARY KEY,
    late_days INTEGER NOT NULL,
    count INTEGER NOT NULL
  )`.execute(db);
  await sql
    .raw(
      `INSERT INTO collection_late_days (customer_id, late_days, count)
       SELECT i.customer_id, SUM(${LATE('a', 'i')}), COUNT(*) FROM invoices i JOIN allocations a ON a.invoice_id = i.id
        WHERE ${COUNTS('a')} GROUP BY i.customer_id`,
    )
    .execute(db);
  await sql`CREATE INDEX promises_sharing_order ON promises (customer_id, promised_on, made_on, amount)`.execute(db);
  for (const t of [
    `CREATE TRIGGER allocations_late_days_insert AFTER INSERT ON allocations WHEN ${COUNTS('NEW')} BEGIN ${bump('NEW', '+')} END`,
    `CREATE TRIGGER allocations_late_days_delete AFTER DELETE ON allocations WHEN ${COUNTS('OLD')} BEGIN ${bump('OLD', '-')} END`,
    `CREATE TRIGGER allocations_late_days_update AFTER UPDATE OF invoice_id, receipt_id, amount, date ON allocations
       BEGIN ${bump('OLD', '-')} ${bump('NEW', '+')} END`,
    `CREATE TRIGGER invoices_late_days_update AFTER UPDATE OF due_date, customer_id ON invoices
       WHEN OLD.due_date IS NOT NEW.due_date OR OLD.customer_id IS NOT NEW.customer_id
       BEGIN ${refill('OLD.customer_id')} ${refill('NEW.customer_id')} END`,
  ])
    await sql.raw(t).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('collection late days migration cannot be reverted');
}
