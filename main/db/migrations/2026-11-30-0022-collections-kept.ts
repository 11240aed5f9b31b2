// Frozen migration: each promise's final received amount, kept (issue #13 speed of promise
// statuses and today's worklist). A promise's window [made on, promised date + grace] closes; from
// the day after, its received amount (SPEC §5 sharing) no longer depends on the as-of date: only
// receipts inside its window count, and only promises made inside it compete for them. So it is
// the amount worked out over all the customer's promises and receipts, whatever the date, and a
// report as of D reads it for every promise whose window closed before D.
// - promise_final: promise id → customer, received (fen), the grace days it was worked out with
//   (a row worked out under another grace setting is not used).
// - promise_final_stale: customers whose rows must be worked out again. Triggers, in the same
//   transaction as every write to the customer's promises or receipts (new, edited, voided,
//   deleted, moved to another customer), delete its rows and list it here, so a kept row is
//   never out of date; the app works stale customers out again after each write and on opening
//   (services/collections/kept-promises.ts). Until then their promises are worked out in full.
// Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

/** Forgets one customer's kept rows and lists it as stale. */
const stale = (cid: string) =>
  `DELETE FROM promise_final WHERE customer_id = ${cid};
   INSERT OR IGNORE INTO promise_final_stale (customer_id) VALUES (${cid});`;

/** A receipt matters only to a customer with promises. */
const HAS_PROMISES = (cid: string) => `EXISTS (SELECT 1 FROM promises WHERE customer_id = ${cid})`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE promise_final (
    promise_id INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL,
    received INTEGER NOT NULL,
    grace INTEGER NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX promise_final_customer ON promise_final (customer_id)`.execute(db);
  await sql`CREATE TABLE promise_final_stale (customer_id INTEGER PRIMARY KEY)`.execute(db);
  await sql`INSERT INTO promise_final_stale (customer_id) SELECT DISTINCT customer_id FROM promises`.execute(db);
  for (const t of [
    `CREATE TRIGGER promises_final_insert AFTER INSERT ON promises BEGIN ${stale('NEW.customer_id')} END`,
    `CREATE TRIGGER promises_final_delete AFTER DELETE ON promises BEGIN ${stale('OLD.customer_id')} END`,
    `CREATE TRIGGER promises_final_update AFTER UPDATE ON promises BEGIN ${stale('OLD.customer_id')} ${stale('NEW.customer_id')} END`,
    `CREATE TRIGGER receipts_final_insert AFTER INSERT ON receipts WHEN ${HAS_PROMISES('NEW.customer_id')}
       BEGIN ${stale('NEW.customer_id')} END`,
    `CREATE TRIGGER receipts_final_delete AFTER DELETE ON receipts WHEN ${HAS_PROMISES('OLD.customer_id')}
       BEGIN ${stale('OLD.customer_id')} END`,
    `CREATE TRIGGER receipts_final_update AFTER UPDATE OF customer_id, date, amount, reference, voided_at ON receipts
       WHEN ${HAS_PROMISES('OLD.customer_id')} OR ${HAS_PROMISES('NEW.customer_id')}
       BEGIN ${stale('OLD.customer_id')} ${stale('NEW.customer_id')} END`,
  ])
    await sql.raw(t).execute(db);
}

export async function down(): Promise<void> {
  throw new Error('collections kept migration cannot be reverted');
}
