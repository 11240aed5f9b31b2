// Frozen migration: what a past-date ageing of the whole book reads (issue 16, `creditdesk ageing
// --as-of` on the 100k-customer / 1M-invoice bench book), three parts:
// - customer_directory_kept: the customer directory in one row a reader uses without parsing:
//   the ids (Int32) and credit limits (Int64, two Int32 halves) little-endian, the codes and names
//   as SQLite's json_quote() of each, concatenated, with the Int32 end offset of each after a
//   leading 0, in code order, and the customers' revision counter (revisions 'customers', foundation triggers)
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
    rev INTEGER NOT NULL, -- revisions.rev of 'customers' when the directory was read
    n INTEGER NOT NULL, -- customers
    odd INTEGER NOT NULL, -- limits that are not integers, ids beyond Int32 (the row is not used then)
    ids BLOB,
    limits BLOB,
    code_ends BLOB,
    codes BLOB,
    name_ends BLOB,
    names BLOB
  )`.execute(db);
    await sql`INSERT INTO customer_directory_kept (id, rev, n, odd, ids, limits, code_ends, codes, name_ends, names)
      SELECT 1, r.rev, l.* FROM revisions r, (SELECT count(*), count(*) FILTER (WHERE typeof(l) <> 'integer' OR id < 0 OR id > 2147483647),
      unhex(group_concat(printf('%02x%02x%02x%02x', id & 255, (id >> 8) & 255, (id >> 16) & 255, (id >> 24) & 255), '')),
      unhex(group_concat(printf('%02x%02x%02x%02x', l & 255, (l >> 8) & 255, (l >> 16) & 255, (l >> 24) & 255) || printf('%02x%02x%02x%02x', (l >> 32) & 255, ((l >> 32) >> 8) & 255, ((l >> 32) >> 16) & 255, ((l >> 32) >> 24) & 255), '')),
      unhex('00000000' || group_concat(printf('%02x%02x%02x%02x', ce & 255, (ce >> 8) & 255, (ce >> 16) & 255, (ce >> 24) & 255), '')), CAST(group_concat(qc, '') AS BLOB),
      unhex('00000000' || group_concat(printf('%02x%02x%02x%02x', ne & 255, (ne >> 8) & 255, (ne >> 16) & 255, (ne >> 24) & 255), '')), CAST(group_concat(qn, '') AS BLOB)
    FROM (SELECT id, credit_limit AS l, qc, qn, sum(length(CAST(qc AS BLOB))) OVER w AS ce,
            sum(length(CAST(qn AS BLOB))) OVER w AS ne
          FROM (SELECT id, credit_limit, code, json_quote(code) AS qc, json_quote(name) AS qn
                FROM customers INDEXED BY customers_directory ORDER BY code)
          WINDOW w AS (ORDER BY code ROWS UNBOUNDED PRECEDING) ORDER BY code)) l
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
