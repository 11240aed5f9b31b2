// Frozen migration: receivables (invoices, receipts, credit notes, write-offs, allocations,
// notes receivable, per-day totals). Never edit after release — add a new dated file instead.
//
// Per-document state kept for speed (maintained in the same transaction as every write):
//  - invoices.open_amount: open now; invoices.settled_on: from this date on the invoice is open 0
//    for good (max effective date of its allocation rows), NULL while open. A voided invoice gets
//    settled_on = its issue date (it nets to zero on every date and leaves the open index).
//  - receipts / credit_notes .unapplied and .applied_on: the same for credits.
//  - ar_daily: book-wide totals per day (ledger balance as of any date, trend, DSO, tie-out).
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invoices')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('open_amount', 'integer', (c) => c.notNull())
    .addColumn('settled_on', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute();
  await db.schema.createIndex('invoices_number').on('invoices').column('number').unique().execute();
  await db.schema
    .createIndex('invoices_customer_issue')
    .on('invoices')
    .columns(['customer_id', 'issue_date'])
    .execute();
  // Covering indexes for ageing (every column a report reads is in the index, so the 1,000,000
  // invoice rows are never visited): "open now" (settled_on is listed so SQLite treats the
  // partial index as covering) and "settled on a date" (as-of rebuilds read invoices settled
  // after D from a range of it).
  await sql`CREATE INDEX invoices_open ON invoices (customer_id, due_date, issue_date, open_amount, settled_on) WHERE settled_on IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX invoices_settled ON invoices (settled_on, customer_id, due_date, issue_date) WHERE settled_on IS NOT NULL`.execute(
    db,
  );

  await db.schema
    .createTable('receipts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('number', 'text')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('named_invoice_id', 'integer')
    .addColumn('unapplied', 'integer', (c) => c.notNull())
    .addColumn('applied_on', 'text')
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute();
  await db.schema.createIndex('receipts_customer_date').on('receipts').columns(['customer_id', 'date']).execute();
  await sql`CREATE INDEX receipts_open ON receipts (customer_id, date, unapplied, applied_on) WHERE applied_on IS NULL`.execute(
    db,
  );
  await sql`CREATE INDEX receipts_applied ON receipts (applied_on, customer_id, date) WHERE applied_on IS NOT NULL`.execute(
    db,
  );

  await db.schema
    .createTable('credit_notes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('invoice_id', 'integer')
    .addColumn('reason', 'text')
    .addColumn('unapplied', 'integer', (c) => c.notNull())
    .addColumn('applied_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute();
  await db.schema.createIndex('credit_notes_customer').on('credit_notes').columns(['customer_id', 'date']).execute();

  await db.schema
    .createTable('write_offs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('recovered', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('voided_at', 'text')
    .addColumn('void_reason', 'text')
    .execute();
  await db.schema.createIndex('write_offs_customer').on('write_offs').columns(['customer_id', 'date']).execute();

  // One row per application; exactly one of receipt_id / credit_note_id / write_off_id is set.
  // A reversal (unapply, void, recovery) is a row with a negative amount, never an edit.
  await db.schema
    .createTable('allocations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('receipt_id', 'integer')
    .addColumn('credit_note_id', 'integer')
    .addColumn('write_off_id', 'integer')
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // auto | named | manual | unapply | void | credit_note | write_off | recovery
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('allocations_invoice')
    .on('allocations')
    .columns(['invoice_id', 'date', 'amount'])
    .execute();
  // As of a past date D: open(D) = open now + Σ allocations dated after D, read from one range
  // of this index (a few months of allocations) instead of one lookup per invoice.
  await db.schema
    .createIndex('allocations_date')
    .on('allocations')
    .columns(['date', 'invoice_id', 'receipt_id', 'credit_note_id', 'amount'])
    .execute();
  await sql`CREATE INDEX allocations_receipt ON allocations (receipt_id, date, amount) WHERE receipt_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX allocations_credit_note ON allocations (credit_note_id, date) WHERE credit_note_id IS NOT NULL`.execute(
    db,
  );
  await sql`CREATE INDEX allocations_write_off ON allocations (write_off_id, date) WHERE write_off_id IS NOT NULL`.execute(
    db,
  );

  await db.schema
    .createTable('notes_receivable')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull()) // bank_acceptance | commercial
    .addColumn('drawer', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('maturity_date', 'text', (c) => c.notNull())
    .addColumn('amount', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // held | honoured | endorsed | discounted | dishonoured
    .addColumn('state_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('notes_receivable_customer')
    .on('notes_receivable')
    .columns(['customer_id', 'state'])
    .execute();

  // Book-wide totals per day, for the ledger balance as of any date (tie-out, trend, DSO).
  await db.schema
    .createTable('ar_daily')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('invoiced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('credited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('written_off', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('invoices_n', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('receipts_n', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('credits_n', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('receivables migration cannot be reverted');
}
