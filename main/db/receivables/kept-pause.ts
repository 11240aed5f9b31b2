// Bulk writes (a CSV import, the demo book) pause the per-row triggers that keep the derived
// rows: monthly_sales (0012), credit_facts.open_ar and notes (0017), invoices.paid_from (0018),
// collection_late_days (0019) and the credit revision (0013). With them every invoice, receipt,
// allocation and note written cost up to five extra row writes, and even a trigger that skips
// (0017's WHEN NOT EXISTS kept_paused) makes each insert open a statement journal: together
// about half of an import's time and two thirds of the demo book's. So the pause drops the
// triggers a bulk write fires (BULK_TRIGGERS, by name: a trigger added later keeps firing per
// row) inside the writer's own transaction and resuming creates them again from their stored
// SQL, unchanged, before the commit (../trigger-pause.ts): no reader ever sees them gone, and a
// rolled-back write rolls the drop back too. Resuming also brings the kept rows up to what the
// triggers would have left, set-based, once: the rows the bulk write added are those with an id
// from the mark taken at the pause on (bulk writers only insert, and ids only grow). The writer
// itself keeps invoices.paid_from (an import in its one update of each paid invoice,
// CustomerInvoices.flush; the demo book when it inserts the invoice).
import type Database from 'better-sqlite3';
import { stmt } from './prepared';
import { pauseTriggers, recreateTriggers } from '../trigger-pause';
import type { MonthlySums } from './monthly-sums';
import type { LateDaySums } from './late-day-sums';

type Sqlite = Database.Database;

/** The triggers an insert of a document, allocation or note, or a payment's update, fires. */
export const BULK_TRIGGERS = [
  'invoices_monthly_sales_insert',
  'invoices_credit_facts_insert',
  'invoices_credit_facts_update',
  'invoices_paid_from_insert',
  'receipts_credit_facts_insert',
  'receipts_credit_facts_update',
  'credit_notes_monthly_sales_insert',
  'credit_notes_credit_facts_insert',
  'credit_notes_credit_facts_update',
  'allocations_paid_from_insert',
  'allocations_late_days_insert',
  'notes_receivable_credit_facts_insert',
  'notes_receivable_credit_rev_insert',
  // today's kept worklist (0023): the customers written are listed stale once, at the resume
  'invoices_worklist_insert',
  'invoices_worklist_update',
  'receipts_worklist_insert',
  'receipts_worklist_update',
  'allocations_worklist_insert',
];

/**
 * On everywhere but in the equivalence tests, which build the same book a second time with
 * every per-row trigger firing (nothing dropped, nothing rebuilt) and compare the two.
 */
export const bulkPause = { enabled: true };

/** Where the bulk write starts: the first id of each table it may add to, and the triggers it dropped. */
export interface BulkMark {
  paused: boolean;
  invoice: number;
  receipt: number;
  creditNote: number;
  allocation: number;
  note: number;
  triggers: string[];
}

const next = (sqlite: Sqlite, table: string) =>
  sqlite.prepare(`SELECT COALESCE(MAX(id), 0) + 1 FROM ${table}`).pluck().get() as number;

/** Call inside the bulk write's transaction. */
export function pauseKeptTriggers(sqlite: Sqlite): BulkMark {
  if (!sqlite.inTransaction) throw new Error('pauseKeptTriggers: only inside the bulk write transaction');
  const paused = bulkPause.enabled;
  const triggers = pauseTriggers(sqlite, BULK_TRIGGERS, paused);
  return {
    paused,
    invoice: next(sqlite, 'invoices'),
    receipt: next(sqlite, 'receipts'),
    creditNote: next(sqlite, 'credit_notes'),
    allocation: next(sqlite, 'allocations'),
    note: next(sqlite, 'notes_receivable'),
    triggers,
  };
}

/**
 * Ends the pause: the triggers back, and the kept rows of everything written since `mark` as
 * the per-row triggers would have left them. `customerIds`: every customer whose open
 * documents the bulk write changed; `coversWritten`: they are also the customers of every
 * document and allocation it added (an import), so the worklist needs no scan of those rows.
 * `invoiceSums` / `lateDaySums`: what the writer summed as it wrote (an invoices import's monthly
 * sales, a receipts import's late days), written instead of summing the rows written again.
 */
export function resumeKeptTriggers(
  sqlite: Sqlite,
  mark: BulkMark,
  customerIds: Iterable<number>,
  coversWritten = false,
  invoiceSums?: MonthlySums,
  lateDaySums?: LateDaySums,
): void {
  recreateTriggers(sqlite, mark.triggers);
  if (!mark.paused) return;
  // `invoiceSums`: the writer summed every invoice it wrote as it wrote them (an invoices import)
  if (invoiceSums?.usable) invoiceSums.write(sqlite);
  addMonthlySales(sqlite, mark, !invoiceSums?.usable);
  const changed = [...customerIds];
  refillOpenAr(sqlite, changed);
  // `lateDaySums`: the writer summed every receipt allocation it wrote as it planned them (a receipts import)
  if (lateDaySums?.usable) lateDaySums.write(sqlite);
  else addLateDays(sqlite, mark);
  refreshNotes(sqlite, mark);
  if (coversWritten) markWorklistChanged(sqlite, changed);
  else markWorklistWritten(sqlite, mark, changed);
}

/**
 * markWorklistWritten when `changed` already holds the customer of every row written (a
 * receipts import's 1.7M receipts and allocations scanned and joined again cost 2.5 s).
 */
function markWorklistChanged(sqlite: Sqlite, changed: readonly number[]): void {
  stmt(
    sqlite,
    `INSERT OR IGNORE INTO worklist_kept_stale (customer_id)
     SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM worklist_kept_meta)`,
  ).run(JSON.stringify(changed));
}

/** The customers whose documents the bulk write added or changed, listed stale for the kept worklist (0023). */
function markWorklistWritten(sqlite: Sqlite, mark: BulkMark, changed: readonly number[]): void {
  stmt(
    sqlite,
    `INSERT OR IGNORE INTO worklist_kept_stale (customer_id)
     SELECT cid FROM (
       SELECT value AS cid FROM json_each(@changed)
       UNION SELECT customer_id FROM invoices WHERE id >= @invoice
       UNION SELECT customer_id FROM receipts WHERE id >= @receipt
       UNION SELECT i.customer_id FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.id >= @allocation)
     WHERE EXISTS (SELECT 1 FROM worklist_kept_meta)`,
  ).run({
    changed: JSON.stringify(changed),
    invoice: mark.invoice,
    receipt: mark.receipt,
    allocation: mark.allocation,
  });
}

/**
 * The new documents' sums added month by month (0012's insert triggers), in the table's key
 * order (month, customer: migration 0029), so the new rows are appended rather than scattered.
 * `invoices`: false when the writer already added its invoices' sums (MonthlySums).
 */
function addMonthlySales(sqlite: Sqlite, mark: BulkMark, invoices: boolean): void {
  stmt(
    sqlite,
    `INSERT INTO monthly_sales (customer_id, month, invoiced, credited)
     SELECT customer_id, month, SUM(invoiced), SUM(credited) FROM (
       SELECT customer_id, substr(issue_date, 1, 7) AS month, amount AS invoiced, 0 AS credited
         FROM invoices WHERE id >= @invoice AND voided_at IS NULL
       UNION ALL
       SELECT customer_id, substr(date, 1, 7), 0, amount FROM credit_notes WHERE id >= @creditNote AND voided_at IS NULL)
     GROUP BY month, customer_id ORDER BY month, customer_id
     ON CONFLICT (customer_id, month) DO UPDATE SET invoiced = invoiced + excluded.invoiced, credited = credited + excluded.credited`,
  ).run({
    invoice: invoices ? mark.invoice : Number.MAX_SAFE_INTEGER, // an empty range of ids
    creditNote: mark.creditNote,
  });
}

/** open_ar of each customer from its open documents (the same sums as 0017's first fill). */
function refillOpenAr(sqlite: Sqlite, customerIds: Iterable<number>): void {
  const refill = stmt(
    sqlite,
    `UPDATE credit_facts SET open_ar =
       COALESCE((SELECT SUM(open_amount) FROM invoices WHERE customer_id = @c AND settled_on IS NULL), 0)
       - COALESCE((SELECT SUM(unapplied) FROM receipts WHERE customer_id = @c AND applied_on IS NULL), 0)
       - COALESCE((SELECT SUM(unapplied) FROM credit_notes
                   WHERE customer_id = @c AND applied_on IS NULL AND voided_at IS NULL), 0)
     WHERE customer_id = @c`,
  );
  for (const c of customerIds) refill.run({ c });
}

/** The new receipt allocations' late days added per customer (0019's insert trigger). */
function addLateDays(sqlite: Sqlite, mark: BulkMark): void {
  stmt(
    sqlite,
    `INSERT INTO collection_late_days (customer_id, late_days, count)
     SELECT i.customer_id, SUM(MAX(0, CAST(ROUND(julianday(a.date) - julianday(i.due_date)) AS INTEGER))), COUNT(*)
       FROM allocations a JOIN invoices i ON i.id = a.invoice_id
      WHERE a.id >= @allocation AND a.receipt_id IS NOT NULL AND a.amount > 0
      GROUP BY i.customer_id ORDER BY i.customer_id
     ON CONFLICT (customer_id) DO UPDATE SET late_days = late_days + excluded.late_days, count = count + excluded.count`,
  ).run({ allocation: mark.allocation });
}

/** Notes receivable: the credit facts of their customers, and one credit revision per note (0013, 0017). */
function refreshNotes(sqlite: Sqlite, mark: BulkMark): void {
  const added = stmt(sqlite, 'SELECT COUNT(*) FROM notes_receivable WHERE id >= ?').pluck().get(mark.note) as number;
  if (added === 0) return;
  stmt(
    sqlite,
    `UPDATE credit_facts SET
       notes = COALESCE((SELECT SUM(amount) FROM notes_receivable n
                         WHERE n.customer_id = credit_facts.customer_id AND n.state IN ('held','dishonoured')), 0),
       notes_on = (SELECT MAX(MAX(issue_date), MAX(state_date)) FROM notes_receivable n WHERE n.customer_id = credit_facts.customer_id)
     WHERE customer_id IN (SELECT customer_id FROM notes_receivable WHERE id >= ?)`,
  ).run(mark.note);
  stmt(sqlite, `UPDATE revisions SET rev = rev + ? WHERE name = 'credit'`).run(added);
}
