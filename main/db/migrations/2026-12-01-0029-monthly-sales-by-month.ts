// Frozen migration: monthly_sales keyed by (month, customer_id), without its window index
// (issue #10, "bench figures no worse"). Every read of the table is a window of whole months
// (value tiers, the analysis page's composition): month BETWEEN a AND b. Migration 0021 made it a
// WITHOUT ROWID table keyed by (customer_id, month) and kept monthly_sales_window (month,
// customer_id, invoiced, credited) for those reads: the same four columns of every row a second
// time. Keyed month first, the table is that index: a window is one contiguous range of it, read
// without a second structure, and the triggers' upserts still find their row by its key (the
// conflict target (customer_id, month) names the same unique key, in either order). The book
// loses one entry per customer and month (~1.6 MB on the quick bench book, ~16 MB at 1M
// invoices) that every write, backup, verification and restore paid for.
// One transaction: migrations run outside one, and a half-done rebuild must not be left behind.
// Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    const { rows } = await sql<{ name: string; sql: string }>`
      SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%monthly_sales%' ORDER BY name`.execute(
      db,
    );
    for (const t of rows) await sql.raw(`DROP TRIGGER "${t.name}"`).execute(db);
    // the window index first: the new table is written into the pages it frees, so an existing
    // book's file does not grow (the old table's pages are left free for the next writes)
    await sql`DROP INDEX monthly_sales_window`.execute(db);
    await sql`CREATE TABLE monthly_sales_by_month (
    customer_id INTEGER NOT NULL, -- no foreign key: a row summed to zero must not keep a customer from being deleted
    month TEXT NOT NULL,
    invoiced INTEGER NOT NULL DEFAULT 0,
    credited INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (month, customer_id)
  ) WITHOUT ROWID`.execute(db);
    await sql`INSERT INTO monthly_sales_by_month (customer_id, month, invoiced, credited)
      SELECT customer_id, month, invoiced, credited FROM monthly_sales ORDER BY month, customer_id`.execute(db);
    await sql`DROP TABLE monthly_sales`.execute(db);
    await sql`ALTER TABLE monthly_sales_by_month RENAME TO monthly_sales`.execute(db);
    // the triggers exactly as migration 0012 wrote them
    for (const t of rows) await sql.raw(t.sql).execute(db);
    await sql`COMMIT`.execute(db);
  } catch (e) {
    await sql`ROLLBACK`.execute(db).catch(() => undefined);
    throw e;
  }
}

export async function down(): Promise<void> {
  throw new Error('the monthly sales by month migration cannot be reverted');
}
