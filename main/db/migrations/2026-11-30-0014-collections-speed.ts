// Frozen migration: indexes for the collections desk's speed (issue #13). A customer's payment
// history (late days of its receipt allocations: worklist risk, cash-in forecast) reads the
// customer's invoices and their receipt allocations from these two indexes alone, customer by
// customer, instead of scanning every receipt allocation of the book and sorting them.
// Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX invoices_customer_due ON invoices (customer_id, due_date)`.execute(db);
  await sql`CREATE INDEX allocations_invoice_paid ON allocations (invoice_id, date, amount) WHERE receipt_id IS NOT NULL AND amount > 0`.execute(
    db,
  );
}
