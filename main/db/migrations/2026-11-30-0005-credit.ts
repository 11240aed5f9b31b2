// Frozen migration: credit management (SPEC §4) — investigations, 6C rating history, credit
// class history and reviews (incl. emergency reports), credit-limit decisions, countermeasures,
// per-customer cash-discount terms, and operator roles. Never edit after release.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Roles: admin | credit_manager | bookkeeper | viewer. Existing operators become admin.
  await sql`ALTER TABLE operators ADD COLUMN role TEXT NOT NULL DEFAULT 'admin'`.execute(db);

  await db.schema
    .createTable('credit_investigations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull()) // bank | agency | customer | internal | other
    .addColumn('source', 'text') // for "other": tax office, press, ...
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull().defaultTo('[]')) // JSON string[] of descriptions
    .addColumn('warning_signs', 'text', (c) => c.notNull().defaultTo('[]')) // JSON keys from the four checklists
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('credit_investigations_customer')
    .on('credit_investigations')
    .columns(['customer_id', 'date'])
    .execute();

  await db.schema
    .createTable('credit_ratings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('rated_on', 'text', (c) => c.notNull())
    .addColumn('scores', 'text', (c) => c.notNull()) // JSON Record<SixC, number>
    .addColumn('weights', 'text', (c) => c.notNull()) // JSON, the weights used
    .addColumn('thresholds', 'text', (c) => c.notNull()) // JSON, the thresholds used
    .addColumn('score_x100', 'integer', (c) => c.notNull()) // weighted score × 100
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('rated_by', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('credit_ratings_customer')
    .on('credit_ratings')
    .columns(['customer_id', 'rated_on', 'id'])
    .execute();

  // Class history: each row sets the class from `set_on`.
  await db.schema
    .createTable('credit_classes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('class', 'text', (c) => c.notNull()) // A | B | C
    .addColumn('set_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('set_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('credit_classes_customer')
    .on('credit_classes')
    .columns(['customer_id', 'set_on', 'id'])
    .execute();

  // Credit reports (信用报告): regular reviews and emergency reports (紧急报告).
  await db.schema
    .createTable('credit_reviews')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('reviewed_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // regular | emergency
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('put_on_hold', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reviewed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('credit_reviews_customer')
    .on('credit_reviews')
    .columns(['customer_id', 'reviewed_on'])
    .execute();

  await db.schema
    .createTable('credit_limit_decisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull()) // fen
    .addColumn('method', 'text', (c) => c.notNull()) // sales | working_capital | current_ratio | net_asset | judgement | import | initial
    .addColumn('inputs', 'text') // JSON: the worksheet inputs and every method's result
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull()) // worksheet | import | initial | migration
    .addColumn('decided_by', 'text')
    .addColumn('approved_by', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('credit_limit_decisions_customer')
    .on('credit_limit_decisions')
    .columns(['customer_id', 'effective_date', 'id'])
    .execute();

  await db.schema
    .createTable('credit_countermeasures')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('action', 'text', (c) => c.notNull()) // guarantor | deposit | notarise | reduce_shipments | stop_shipments | third_party | in_kind | other
    .addColumn('detail', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // planned | in_progress | done | cancelled
    .addColumn('due_date', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('credit_countermeasures_customer')
    .on('credit_countermeasures')
    .columns(['customer_id', 'status'])
    .execute();

  // Cash-discount terms per customer, e.g. 2/10 n/30 = discount_bp 200, discount_days 10, net_days 30.
  await db.schema
    .createTable('credit_terms')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id'))
    .addColumn('discount_bp', 'integer', (c) => c.notNull())
    .addColumn('discount_days', 'integer', (c) => c.notNull())
    .addColumn('net_days', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // Limits set before this migration become initial decisions, so the history starts complete.
  await sql`INSERT INTO credit_limit_decisions (customer_id, effective_date, amount, method, inputs, reason, source, decided_by, approved_by, decided_at)
    SELECT id, substr(created_at, 1, 10), credit_limit, 'initial', NULL, 'limit before credit management', 'migration', NULL, NULL, created_at
    FROM customers WHERE credit_limit <> 0`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('credit migration cannot be reverted');
}
