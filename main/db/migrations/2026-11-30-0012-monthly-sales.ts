// Frozen migration: per-customer monthly sales (客户月销售额) — invoiced and credited fen per
// customer and calendar month ('YYYY-MM'), voided documents excluded. A value-tier run reads at
// most customers × 6 rows of it instead of every invoice and credit note in the window.
// Kept by triggers, so every write path (entry, void, import, demo book, restore of an old book
// then migrated) updates it in the same transaction as the document row itself.
// Never edit after release — add a new file.
import { sql, type Kysely } from 'kysely';

/** One upsert of a delta into monthly_sales (used inside the trigger bodies). */
function bump(customer: string, date: string, column: 'invoiced' | 'credited', amount: string): string {
  const other = column === 'invoiced' ? 'credited' : 'invoiced';
  return `INSERT INTO monthly_sales (customer_id, month, ${column}, ${other}) VALUES (${customer}, substr(${date}, 1, 7), ${amount}, 0)
    ON CONFLICT (customer_id, month) DO UPDATE SET ${column} = ${column} + excluded.${column};`;
}

/** Insert / delete / update triggers of one document table. */
function triggers(table: 'invoices' | 'credit_notes', dateCol: string, column: 'invoiced' | 'credited'): string[] {
  const p = `${table}_monthly_sales`;
  return [
    `CREATE TRIGGER ${p}_insert AFTER INSERT ON ${table} WHEN NEW.voided_at IS NULL BEGIN
       ${bump('NEW.customer_id', `NEW.${dateCol}`, column, 'NEW.amount')} END`,
    `CREATE TRIGGER ${p}_delete AFTER DELETE ON ${table} WHEN OLD.voided_at IS NULL BEGIN
       ${bump('OLD.customer_id', `OLD.${dateCol}`, column, '-OLD.amount')} END`,
    // an update touching what counts (void, amount, date, customer): take the old row out, put the new in
    `CREATE TRIGGER ${p}_update_old AFTER UPDATE OF customer_id, ${dateCol}, amount, voided_at ON ${table}
       WHEN OLD.voided_at IS NULL BEGIN ${bump('OLD.customer_id', `OLD.${dateCol}`, column, '-OLD.amount')} END`,
    `CREATE TRIGGER ${p}_update_new AFTER UPDATE OF customer_id, ${dateCol}, amount, voided_at ON ${table}
       WHEN NEW.voided_at IS NULL BEGIN ${bump('NEW.customer_id', `NEW.${dateCol}`, column, 'NEW.amount')} END`,
  ];
}

export async function up(db: Kysely<unknown>): Promise<void> {
  // a rowid table (tools and backups that list rows by rowid keep working), unique per
  // customer and month; the window index holds every column a tier run reads, month first so a
  // window is one contiguous range of it
  await sql`CREATE TABLE monthly_sales (
    customer_id INTEGER NOT NULL, -- no foreign key: a row summed to zero must not keep a customer from being deleted
    month TEXT NOT NULL,
    invoiced INTEGER NOT NULL DEFAULT 0,
    credited INTEGER NOT NULL DEFAULT 0,
    UNIQUE (customer_id, month)
  )`.execute(db);
  await sql`CREATE INDEX monthly_sales_window ON monthly_sales (month, customer_id, invoiced, credited)`.execute(db);
  // filled from the book's existing documents (one scan of each table)
  await sql`INSERT INTO monthly_sales (customer_id, month, invoiced, credited)
    SELECT customer_id, substr(issue_date, 1, 7), SUM(amount), 0 FROM invoices WHERE voided_at IS NULL GROUP BY 1, 2`.execute(
    db,
  );
  await sql`INSERT INTO monthly_sales (customer_id, month, invoiced, credited)
    SELECT customer_id, substr(date, 1, 7), 0, SUM(amount) FROM credit_notes WHERE voided_at IS NULL GROUP BY 1, 2 ORDER BY 1, 2
    ON CONFLICT (customer_id, month) DO UPDATE SET credited = excluded.credited`.execute(db);
  for (const t of [
    ...triggers('invoices', 'issue_date', 'invoiced'),
    ...triggers('credit_notes', 'date', 'credited'),
  ]) {
    await sql.raw(t).execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('monthly sales migration cannot be reverted');
}
