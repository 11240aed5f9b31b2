// Frozen migration: collections (催收) — promises to pay, collection records, the dunning ladder
// and the letters sent. Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // 催款记录: one contact with a customer; its next step (and date) lands on the calendar.
  await db.schema
    .createTable('collection_records')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id'))
    .addColumn('contact_name', 'text')
    .addColumn('channel', 'text', (c) => c.notNull()) // call | visit | letter | sms_wechat | email | lawyer_letter | lawsuit
    .addColumn('method', 'text') // 收款手段 key
    .addColumn('tactic', 'text') // 策略 key
    .addColumn('outcome', 'text')
    .addColumn('delay_side', 'text') // company | customer | salesperson
    .addColumn('delay_reason', 'text')
    .addColumn('next_step', 'text') // call | visit | letter | ...
    .addColumn('next_date', 'text')
    .addColumn('operator_name', 'text')
    .addColumn('source', 'text') // manual | letter | visit | import
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('collection_records_customer')
    .on('collection_records')
    .columns(['customer_id', 'date'])
    .execute();
  await sql`CREATE INDEX collection_records_next ON collection_records (next_date, customer_id) WHERE next_date IS NOT NULL`.execute(
    db,
  );

  // 付款承诺: the status is derived from receipts (domain/promises.ts), never stored.
  await db.schema
    .createTable('promises')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('made_on', 'text', (c) => c.notNull())
    .addColumn('promised_on', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull()) // fen > 0
    .addColumn('promised_by', 'text')
    .addColumn('form', 'text', (c) => c.notNull()) // written | verbal
    .addColumn('collection_record_id', 'integer', (c) => c.references('collection_records.id'))
    .addColumn('note', 'text')
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('promises_customer').on('promises').columns(['customer_id', 'promised_on']).execute();
  await db.schema.createIndex('promises_promised_on').on('promises').columns(['promised_on', 'customer_id']).execute();

  // 催收级别: the ladder (days overdue → name, letter template, action).
  await db.schema
    .createTable('dunning_levels')
    .addColumn('level', 'integer', (c) => c.primaryKey())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('letter_template', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull()) // none | credit_hold | stop_supply | legal
    .execute();
  await sql`INSERT INTO dunning_levels (level, days, name, letter_template, action) VALUES
    (1, 7, '友情提醒', 'friendly', 'none'),
    (2, 30, '正式催款函', 'firm', 'none'),
    (3, 60, '暂停供货', 'stop_supply', 'credit_hold'),
    (4, 90, '最后通知', 'final', 'none'),
    (5, 120, '法律程序', 'legal', 'legal')`.execute(db);

  // 催款函 sent: one row per letter, tied to the collection record it made.
  await db.schema
    .createTable('dunning_letters')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('days_overdue', 'integer', (c) => c.notNull())
    .addColumn('overdue', 'integer', (c) => c.notNull())
    .addColumn('file_path', 'text')
    .addColumn('collection_record_id', 'integer', (c) => c.references('collection_records.id'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('dunning_letters_customer')
    .on('dunning_letters')
    .columns(['customer_id', 'as_of'])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('collections migration cannot be reverted');
}
