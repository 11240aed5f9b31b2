// Frozen migration: the customer directory kept as JSON text (issue 16, `creditdesk ageing` of a
// past date on the 100k-customer bench book). One row: the ids and credit limits as JSON lists,
// the codes and names as SQLite's json_quote() of each joined by '\n', in code order, and the
// customers' revision counter (revisions 'customers', foundation triggers) they were read at.
// A reader uses the row only while that counter is unchanged (db/receivables/directory-kept.ts),
// so no trigger maintains it: writers keep it again when they open or close the book. Filled
// here so a book brought to this version has it at once.
// One transaction: migrations run outside one, and a half-done table must not be left behind.
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
    await sql`COMMIT`.execute(db);
  } catch (e) {
    await sql`ROLLBACK`.execute(db).catch(() => undefined);
    throw e;
  }
}

export async function down(): Promise<void> {
  throw new Error('the kept customer directory migration cannot be reverted');
}
