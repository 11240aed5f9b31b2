// Frozen migration: service and loyalty (SPEC §7) — after-sales follow-up tasks, satisfaction
// records and the loyalty type a user set by hand. Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('service_tasks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text')
    .addColumn('note', 'text')
    .addColumn('done_on', 'text')
    .addColumn('result', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('service_tasks_customer')
    .on('service_tasks')
    .columns(['customer_id', 'due_on'])
    .execute();
  // the calendar reads tasks by due date; the analysis page counts open ones
  await db.schema.createIndex('service_tasks_due').on('service_tasks').columns(['due_on', 'done_on']).execute();

  await db.schema
    .createTable('satisfaction_records')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('surveyed_on', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull().check(sql`score BETWEEN 1 AND 5`))
    .addColumn('channel', 'text', (c) => c.notNull()) // phone | visit | online | letter
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('satisfaction_customer')
    .on('satisfaction_records')
    .columns(['customer_id', 'surveyed_on'])
    .execute();
  await db.schema
    .createIndex('satisfaction_date')
    .on('satisfaction_records')
    .columns(['surveyed_on', 'customer_id', 'score'])
    .execute();

  await db.schema
    .createTable('customer_loyalty')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id'))
    .addColumn('type', 'text', (c) => c.notNull()) // loyal | switching | none
    .addColumn('set_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The card overview's average days late reads one customer's invoices settled in the last year:
  // without this the (customer_id, issue_date) index visits every invoice row of a big customer
  // (voided_at is listed so SQLite treats the partial index as covering).
  await sql`CREATE INDEX invoices_customer_settled ON invoices (customer_id, settled_on, due_date, amount, voided_at) WHERE settled_on IS NOT NULL AND voided_at IS NULL`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('invoices_customer_settled').execute();
  await db.schema.dropTable('customer_loyalty').execute();
  await db.schema.dropTable('satisfaction_records').execute();
  await db.schema.dropTable('service_tasks').execute();
}
