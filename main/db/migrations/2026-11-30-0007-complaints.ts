// Frozen migration: complaints and claims (客户投诉与索赔, SPEC §8) — the complaint record, the
// invoices it concerns, and the indexes the complaints list filters on (100,000 rows ≤ 100 ms).
// Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('complaints')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('number', 'text', (c) => c.notNull().unique()) // TS-000001
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull()) // phone | letter | visit | online
    .addColumn('type', 'text', (c) => c.notNull()) // product_quality | sales_contract | transport | service
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull()) // low | normal | high | urgent
    .addColumn('reply_by', 'text', (c) => c.notNull()) // date the reply is due (及时处理)
    .addColumn('replied_on', 'text')
    .addColumn('received_by', 'text') // 谁受理
    .addColumn('follow_up_by', 'text') // 谁跟进
    .addColumn('reply_person', 'text') // 谁回复
    .addColumn('status', 'text', (c) => c.notNull()) // received | investigating | resolved | closed
    .addColumn('investigating_on', 'text')
    .addColumn('resolved_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('responsibility', 'text') // ours | supplier | carrier | customer | unclear
    .addColumn('resolution', 'text') // apology | replacement | repair | refund | compensation
    .addColumn('compensation', 'integer', (c) => c.notNull().defaultTo(0)) // fen
    .addColumn('claim_confirmed_on', 'text')
    .addColumn('claim_voided_at', 'text')
    .addColumn('credit_note_id', 'integer', (c) => c.references('credit_notes.id'))
    .addColumn('supplier_claim', 'integer', (c) => c.notNull().defaultTo(0)) // fen
    .addColumn('supplier_claim_status', 'text', (c) => c.notNull().defaultTo('none')) // none | claimed | recovered | rejected
    .addColumn('satisfaction', 'integer') // 1..5
    .addColumn('follow_up_on', 'text')
    .addColumn('disputes_invoices', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The list is ordered by received_on, number; each filter has an index that keeps that order.
  await db.schema.createIndex('complaints_received').on('complaints').columns(['received_on', 'number']).execute();
  await db.schema.createIndex('complaints_customer').on('complaints').columns(['customer_id', 'received_on']).execute();
  await db.schema
    .createIndex('complaints_status')
    .on('complaints')
    .columns(['status', 'received_on', 'number'])
    .execute();
  await db.schema.createIndex('complaints_type').on('complaints').columns(['type', 'received_on', 'number']).execute();
  await db.schema
    .createIndex('complaints_responsibility')
    .on('complaints')
    .columns(['responsibility', 'received_on', 'number'])
    .execute();
  await sql`CREATE INDEX complaints_open_reply ON complaints (received_on, number, reply_by, status, type, responsibility, customer_id) WHERE replied_on IS NULL AND status IN ('received', 'investigating')`.execute(
    db,
  );
  await sql`CREATE INDEX complaints_disputes ON complaints (customer_id) WHERE disputes_invoices = 1`.execute(db);
  await db.schema.createIndex('complaints_credit_note').on('complaints').column('credit_note_id').execute();

  await db.schema
    .createTable('complaint_invoices')
    .addColumn('complaint_id', 'integer', (c) => c.notNull().references('complaints.id'))
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addPrimaryKeyConstraint('complaint_invoices_pk', ['complaint_id', 'invoice_id'])
    .execute();
  await db.schema.createIndex('complaint_invoices_invoice').on('complaint_invoices').column('invoice_id').execute();
}

export async function down(): Promise<void> {
  throw new Error('complaints migration cannot be reverted');
}
