// Frozen migration: a smaller book (issue #10, "bench figures no worse"). The second wave's
// speed indexes made the book half as large again, and every backup, verification and restore
// pays for each index page (integrity_check walks every index). Four changes that no query
// needs to pay for:
// - monthly_sales becomes a WITHOUT ROWID table keyed by (customer_id, month): the rowid table
//   and its unique autoindex held the same rows twice. Its triggers are re-created unchanged;
//   the window index stays.
// - allocations_invoice (invoice_id, date, amount) and allocations_invoice_paid (the same
//   columns, receipt allocations of a positive amount only) become one index that also holds
//   receipt_id: the payment-history filter is answered from it, as before without table rows.
// - invoices_customer_issue (customer_id, issue_date) and invoices_customer_issue_amount (the
//   same plus amount, voided_at, unvoided invoices only) become one index over all invoices:
//   (customer_id, issue_date, id, amount, voided_at) — id named so that "latest first by date,
//   then entry" still reads in index order, amount and voided_at so that sums need no rows.
// - invoices_open_on loses its trailing settled_on: the ageing query reads settled_on only inside
//   coalesce(settled_on, …), which the index holds; SQLite answers it without table rows.
// One transaction: migrations run outside one, and a half-done rebuild must not be left behind.
// Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

async function compactMonthlySales(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ name: string; sql: string }>`
    SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%monthly_sales%' ORDER BY name`.execute(
    db,
  );
  for (const t of rows) await sql.raw(`DROP TRIGGER "${t.name}"`).execute(db);
  await sql`CREATE TABLE monthly_sales_compact (
    customer_id INTEGER NOT NULL, -- no foreign key: a row summed to zero must not keep a customer from being deleted
    month TEXT NOT NULL,
    invoiced INTEGER NOT NULL DEFAULT 0,
    credited INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (customer_id, month)
  ) WITHOUT ROWID`.execute(db);
  await sql`INSERT INTO monthly_sales_compact (customer_id, month, invoiced, credited)
    SELECT customer_id, month, invoiced, credited FROM monthly_sales ORDER BY customer_id, month`.execute(db);
  await sql`DROP TABLE monthly_sales`.execute(db);
  await sql`ALTER TABLE monthly_sales_compact RENAME TO monthly_sales`.execute(db);
  await sql`CREATE INDEX monthly_sales_window ON monthly_sales (month, customer_id, invoiced, credited)`.execute(db);
  // the triggers exactly as migration 0012 wrote them
  for (const t of rows) await sql.raw(t.sql).execute(db);
}

async function mergeIndexes(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX allocations_invoice_paid`.execute(db);
  await sql`DROP INDEX allocations_invoice`.execute(db);
  await sql`CREATE INDEX allocations_invoice ON allocations (invoice_id, date, amount, receipt_id)`.execute(db);

  await sql`DROP INDEX invoices_customer_issue_amount`.execute(db);
  await sql`DROP INDEX invoices_customer_issue`.execute(db);
  await sql`CREATE INDEX invoices_customer_issue ON invoices (customer_id, issue_date, id, amount, voided_at)`.execute(
    db,
  );

  await sql`DROP INDEX invoices_open_on`.execute(db);
  await sql`CREATE INDEX invoices_open_on ON invoices
    (substr(issue_date, 1, 7), coalesce(settled_on, '9999-12-31'), customer_id, due_date, issue_date, amount, paid_from)`.execute(
    db,
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    await compactMonthlySales(db);
    await mergeIndexes(db);
    await sql`COMMIT`.execute(db);
  } catch (e) {
    await sql`ROLLBACK`.execute(db).catch(() => undefined);
    throw e;
  }
}

export async function down(): Promise<void> {
  throw new Error('book size migration cannot be reverted');
}
