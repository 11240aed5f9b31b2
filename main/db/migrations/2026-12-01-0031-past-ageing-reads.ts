// Frozen migration: what a past-date ageing of the whole book reads (issue 16, `creditdesk ageing
// --as-of` on the 100k-customer / 1M-invoice bench book), three parts:
// - customer_directory_kept: the customer directory as JSON text, one row: the ids and credit
//   limits as JSON lists, the codes and names as SQLite's json_quote() of each joined by '\n', in
//   code order, and the customers' revision counter (revisions 'customers', foundation triggers)
//   they were read at. A reader uses the row only while that counter is unchanged
//   (db/receivables/directory-kept.ts), so no trigger maintains it: writers keep it again when
//   they open or close the book. Filled here so a book brought to this version has it at once.
// - allocations_credit_note gains `amount`: a credit note's applications up to D are summed from
//   the index alone (without, each one was a lookup of an allocation row: ~30 ms of CPU for the
//   ~5,000 credit notes of the bench book).
// - receipts_applied_late (date, applied_on, customer_id) WHERE applied_on > date: the receipts applied after
//   their own date, the only ones that can be dated on or before D and applied after it (credits
//   as of D). Without it every receipt applied after D was scanned (~140,000 on the bench book
//   for a date five months back); most receipts are applied on their date and are not in it.
// One transaction: migrations run outside one, and a half-done change must not be left behind.
// Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    await sql`CREATE TABLE customer_directory_kept (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    rev INTEGER NOT NULL, -- revisions.rev of 'customers' when the lists were read
    ids TEXT NOT NULL,
    limits TEXT NOT NULL,
    codes BLOB,
    names BLOB,
    odd INTEGER NOT NULL -- credit limits that are not integers (the lists are not used then)
  )`.execute(db);
    await sql`INSERT INTO customer_directory_kept (id, rev, ids, limits, codes, names, odd)
      SELECT 1, r.rev, l.* FROM revisions r, (SELECT json_group_array(id), json_group_array(credit_limit),
            CAST(group_concat(json_quote(code), char(10)) AS BLOB), CAST(group_concat(json_quote(name), char(10)) AS BLOB),
            count(*) FILTER (WHERE typeof(credit_limit) <> 'integer')
       FROM (SELECT id, code, name, credit_limit FROM customers INDEXED BY customers_directory ORDER BY code)) l
      WHERE r.name = 'customers'`.execute(db);
    await sql`DROP INDEX allocations_credit_note`.execute(db);
    await sql`CREATE INDEX allocations_credit_note ON allocations (credit_note_id, date, amount) WHERE credit_note_id IS NOT NULL`.execute(
      db,
    );
    await sql`CREATE INDEX receipts_applied_late ON receipts (date, applied_on, customer_id) WHERE applied_on > date`.execute(
      db,
    );
    await sql`COMMIT`.execute(db);
  } catch (e) {
    await sql`ROLLBACK`.execute(db).catch(() => undefined);
    throw e;
  }
}

export async function down(): Promise<void> {
  throw new Error('the past ageing reads migration cannot be reverted');
}
