// Frozen migration: collection trips (上门催收) — a run planned for a day (and region) with its
// stops in route order; each stop's visit outcome is written as a collection record (and a
// promise or a receipt when the visit brought one). Never edit after release — add a new file.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('collection_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('run_date', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text') // null: customers of several regions
    .addColumn('note', 'text')
    .addColumn('operator_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('collection_runs_date').on('collection_runs').columns(['run_date']).execute();
  await db.schema
    .createTable('collection_run_stops')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('run_id', 'integer', (c) => c.notNull().references('collection_runs.id'))
    .addColumn('seq', 'integer', (c) => c.notNull()) // 1.. in the printed order
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('outcome', 'text') // null until recorded: signed_statement | written_promise | payment | not_met
    .addColumn('collection_record_id', 'integer', (c) => c.references('collection_records.id'))
    .addColumn('promise_id', 'integer', (c) => c.references('promises.id'))
    .addColumn('receipt_id', 'integer', (c) => c.references('receipts.id'))
    .addColumn('recorded_at', 'text')
    .execute();
  await db.schema
    .createIndex('collection_run_stops_run')
    .on('collection_run_stops')
    .columns(['run_id', 'seq'])
    .unique()
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('collection runs migration cannot be reverted');
}
