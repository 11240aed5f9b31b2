// Frozen migration: today's worklist, kept between writes (issue #13: the worklist ≤ 300 ms on a
// 100k-customer book). The worklist as of one date (worklist_kept_meta.as_of, with the settings
// it was worked out under) is kept as one row per listed customer: its rank key (score
// descending, then code) and the row as the window shows it (JSON). The day's whole worklist is
// worked out off the window's thread and written in chunks; `ready` = 0 until the last chunk
// (readers then work the worklist out themselves), while the triggers already list the writes.
// - worklist_kept_stale: customers whose row may be out of date. Triggers, in the same transaction
//   as every write that can change a customer's row (its invoices, allocations, receipts,
//   promises, collection records, statements sent and slips, complaints, code or name), list the
//   customer here while anything is kept. Readers work stale customers out afresh; the app works
//   them out again and writes them back at the end of each write and when a writer opens the book
//   (services/collections/kept-worklist.ts). Settings (grace days, slip days, the ladder) are
//   checked by fingerprint, not by trigger.
// Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

/**
 * Lists a customer as stale, while a worklist is kept. An allocation written before its invoice
 * names no customer yet (the invoice's own insert lists it): a NULL would get a new rowid.
 */
const stale = (cid: string) =>
  `INSERT OR IGNORE INTO worklist_kept_stale (customer_id)
   SELECT c FROM (SELECT ${cid} AS c) WHERE c IS NOT NULL AND EXISTS (SELECT 1 FROM worklist_kept_meta);`;

/** [table, how its NEW/OLD row names the customer] */
const SOURCES: [string, (row: string) => string][] = [
  ['invoices', (r) => `${r}.customer_id`],
  ['receipts', (r) => `${r}.customer_id`],
  ['promises', (r) => `${r}.customer_id`],
  ['collection_records', (r) => `${r}.customer_id`],
  ['statements_sent', (r) => `${r}.customer_id`],
  ['statement_confirmations', (r) => `${r}.customer_id`],
  ['complaints', (r) => `${r}.customer_id`],
  ['allocations', (r) => `(SELECT customer_id FROM invoices WHERE id = ${r}.invoice_id)`],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE worklist_kept_meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    as_of TEXT NOT NULL,
    settings TEXT NOT NULL,
    ready INTEGER NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE worklist_kept (
    customer_id INTEGER PRIMARY KEY,
    rank_key TEXT NOT NULL,
    row TEXT NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX worklist_kept_rank ON worklist_kept (rank_key)`.execute(db);
  await sql`CREATE TABLE worklist_kept_stale (customer_id INTEGER PRIMARY KEY)`.execute(db);
  for (const [table, cid] of SOURCES) {
    await sql
      .raw(`CREATE TRIGGER ${table}_worklist_insert AFTER INSERT ON ${table} BEGIN ${stale(cid('NEW'))} END`)
      .execute(db);
    await sql
      .raw(`CREATE TRIGGER ${table}_worklist_delete AFTER DELETE ON ${table} BEGIN ${stale(cid('OLD'))} END`)
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_worklist_update AFTER UPDATE ON ${table} BEGIN ${stale(cid('OLD'))} ${stale(cid('NEW'))} END`,
      )
      .execute(db);
  }
  await sql
    .raw(
      `CREATE TRIGGER customers_worklist_update AFTER UPDATE OF code, name ON customers BEGIN ${stale('NEW.id')} END`,
    )
    .execute(db);
  await sql
    .raw(`CREATE TRIGGER customers_worklist_delete AFTER DELETE ON customers BEGIN ${stale('OLD.id')} END`)
    .execute(db);
}

export async function down(): Promise<void> {
  throw new Error('worklist kept migration cannot be reverted');
}
