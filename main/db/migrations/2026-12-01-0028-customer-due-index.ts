// Frozen migration: one customer-keyed invoice index fewer (issue #10, "bench figures no worse").
// invoices_customer_due (customer_id, due_date) answered only "this customer's invoices, with
// their due dates" (payment history's late days, ledger and position sums joined to
// allocations). invoices_customer_issue (customer_id, issue_date, id, amount, voided_at) is
// already led by customer_id; with due_date appended it answers those reads the same way — the
// same search on customer_id, still without table rows — and every read it served before keeps
// its plan (due_date comes last). The book loses 100,000 index entries per 100,000 invoices
// (~1.4 MB net on the quick bench book), which every write, backup and verification paid for.
// One transaction: migrations run outside one, and a half-done swap must not be left behind.
// Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`BEGIN IMMEDIATE`.execute(db);
  try {
    await sql`DROP INDEX invoices_customer_due`.execute(db);
    await sql`DROP INDEX invoices_customer_issue`.execute(db);
    await sql`CREATE INDEX invoices_customer_issue ON invoices (customer_id, issue_date, id, amount, voided_at, due_date)`.execute(
      db,
    );
    await sql`COMMIT`.execute(db);
  } catch (e) {
    await sql`ROLLBACK`.execute(db).catch(() => undefined);
    throw e;
  }
}

export async function down(): Promise<void> {
  throw new Error('the customer-due index migration cannot be reverted');
}
