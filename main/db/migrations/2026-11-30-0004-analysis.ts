// Frozen migration (once released): customer analysis — value tier runs and their history
// (so "tier movement since the previous computation" can be shown), the date a customer's
// tier was computed, and a covering index for the window's sales.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE customers ADD COLUMN value_tier_on TEXT`.execute(db); // as-of date of the stored tier
  await db.schema.createIndex('customers_value_tier').on('customers').columns(['value_tier', 'code']).execute();
  // the tier window's sales per customer read from the index alone (no row lookups at 1M invoices)
  await sql`CREATE INDEX invoices_customer_issue_amount ON invoices (customer_id, issue_date, amount, voided_at) WHERE voided_at IS NULL`.execute(
    db,
  );

  // One row per tier computation that was stored (manual or the automatic monthly run).
  await db.schema
    .createTable('tier_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull()) // JSON TierMethod
    .addColumn('window_from', 'text', (c) => c.notNull())
    .addColumn('window_to', 'text', (c) => c.notNull())
    .addColumn('count_a', 'integer', (c) => c.notNull())
    .addColumn('count_b', 'integer', (c) => c.notNull())
    .addColumn('count_c', 'integer', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull()) // manual | monthly
    .addColumn('operator_name', 'text')
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();

  // Each customer's result in a run, with the tier it had before (null: first time ranked).
  await db.schema
    .createTable('tier_history')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('tier_runs.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('sales', 'integer', (c) => c.notNull()) // fen
    .addColumn('average_monthly', 'integer', (c) => c.notNull()) // fen
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('previous_tier', 'text')
    .addPrimaryKeyConstraint('tier_history_pk', ['run_id', 'customer_id'])
    .execute();
  await db.schema.createIndex('tier_history_customer').on('tier_history').columns(['customer_id', 'run_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('tier_history').execute();
  await db.schema.dropTable('tier_runs').execute();
  await db.schema.dropIndex('customers_value_tier').execute();
  await db.schema.dropIndex('invoices_customer_issue_amount').execute();
}
