// Frozen migration: past-date ageing reads only the invoices open on that date (issue 16).
// Never edit after release — add a new dated file.
// An invoice is open on D when it was issued on or before D and settled after D (or not yet).
// `paid_from` (the date of its earliest allocation, kept by triggers on allocations in the same
// transaction as every receipt, credit note, write-off, void and import) says whether anything
// was paid on or before D: if not, its open amount on D is its whole amount, with no allocation
// read. The index is keyed by issue month, then settled-on: for each month up to D's, one seek
// to "settled after D" reads those invoices and nothing else (plus those of D's own month issued
// after D), so a past-date ageing reads about the invoices open on D instead of every open
// invoice and every allocation dated after D.
import { sql, type Kysely } from 'kysely';
import { NOT_PAUSED } from './2026-11-30-0017-credit-facts';

/** paid_from of one invoice recomputed from its allocations (allocations_invoice index). */
const recompute = (id: string) =>
  `UPDATE invoices SET paid_from = (SELECT MIN(a.date) FROM allocations a WHERE a.invoice_id = ${id}) WHERE id = ${id};`;

const TRIGGERS = [
  // an earlier payment moves paid_from back; a later one changes nothing (no row written). An
  // import sets paid_from itself, in the one update of each invoice it pays (0017's NOT_PAUSED).
  `CREATE TRIGGER allocations_paid_from_insert AFTER INSERT ON allocations WHEN ${NOT_PAUSED} BEGIN
     UPDATE invoices SET paid_from = NEW.date WHERE id = NEW.invoice_id AND (paid_from IS NULL OR paid_from > NEW.date); END`,
  // a writer that inserts allocations before their invoice (the demo book, with deferred foreign
  // keys) left the allocation trigger nothing to update: the invoice picks its date up itself
  `CREATE TRIGGER invoices_paid_from_insert AFTER INSERT ON invoices
     WHEN EXISTS (SELECT 1 FROM allocations WHERE invoice_id = NEW.id) BEGIN ${recompute('NEW.id')} END`,
  `CREATE TRIGGER allocations_paid_from_delete AFTER DELETE ON allocations BEGIN ${recompute('OLD.invoice_id')} END`,
  `CREATE TRIGGER allocations_paid_from_update AFTER UPDATE OF invoice_id, date ON allocations BEGIN
     ${recompute('OLD.invoice_id')} ${recompute('NEW.invoice_id')} END`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE invoices ADD COLUMN paid_from TEXT`.execute(db);
  // filled from the book's allocations (one pass of the allocations_invoice index)
  await sql`UPDATE invoices SET paid_from = f.d
    FROM (SELECT invoice_id, MIN(date) AS d FROM allocations GROUP BY invoice_id) f WHERE f.invoice_id = invoices.id`.execute(
    db,
  );
  for (const t of TRIGGERS) await sql.raw(t).execute(db);
  // everything the past-date ageing reads of an invoice (its id is the index's rowid; settled_on
  // itself too, or SQLite reads the table row for the coalesce)
  await sql`CREATE INDEX invoices_open_on ON invoices
    (substr(issue_date, 1, 7), coalesce(settled_on, '9999-12-31'), customer_id, due_date, issue_date, amount, paid_from, settled_on)`.execute(
    db,
  );
}

export async function down(): Promise<void> {
  throw new Error('ageing as-of migration cannot be reverted');
}
