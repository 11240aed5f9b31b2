// Frozen migration: customer statements (对账单) — print runs, statements sent, and the
// confirmation slips (回执) customers return. Never edit after release — add a new dated file.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per print run: a single statement, or a batch (with its log as JSON).
  await db.schema
    .createTable('statement_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull()) // single | batch
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('style', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('output', 'text', (c) => c.notNull()) // single | per_customer | combined
    .addColumn('target_dir', 'text')
    .addColumn('filter', 'text') // JSON
    .addColumn('state', 'text', (c) => c.notNull()) // running | done | cancelled | failed
    .addColumn('produced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('log', 'text') // JSON BatchLogEntry[]
    .addColumn('operator_name', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();

  await db.schema
    .createTable('statements_sent')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('run_id', 'integer', (c) => c.references('statement_runs.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('style', 'text', (c) => c.notNull())
    .addColumn('closing', 'integer', (c) => c.notNull())
    .addColumn('file_path', 'text')
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('statements_sent_customer')
    .on('statements_sent')
    .columns(['customer_id', 'sent_at'])
    .execute();

  await db.schema
    .createTable('statement_confirmations')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('statement_id', 'integer', (c) => c.references('statements_sent.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull()) // agrees | disagrees
    .addColumn('stated_difference', 'integer') // fen
    .addColumn('note', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('scan_name', 'text')
    .addColumn('scan_mime', 'text')
    .addColumn('scan_blob', 'blob')
    .addColumn('scan_path', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolution', 'text')
    .execute();
  await db.schema
    .createIndex('statement_confirmations_customer')
    .on('statement_confirmations')
    .columns(['customer_id', 'received_on'])
    .execute();
  await db.schema
    .createIndex('statement_confirmations_statement')
    .on('statement_confirmations')
    .column('statement_id')
    .execute();
  await sql`CREATE INDEX statement_confirmations_open ON statement_confirmations (received_on) WHERE result = 'disagrees' AND resolved_at IS NULL`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('statements migration cannot be reverted');
}
