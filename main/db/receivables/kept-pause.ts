// A CSV import pauses the per-row triggers that keep credit_facts.open_ar (migration 0017) and
// invoices.paid_from (0018): with them, every invoice, receipt and allocation row written costs
// one to four extra row updates. The import sets paid_from itself in its one update of each paid
// invoice (CustomerInvoices.flush), and resuming recomputes open_ar of each customer the import
// touched, once, from its open documents (the same sums as the migration's first fill). Both run
// inside the import's transaction, so the pause is never committed and no reader sees it.
import type Database from 'better-sqlite3';
import { stmt } from './prepared';

type Sqlite = Database.Database;

export function pauseKeptTriggers(sqlite: Sqlite, by: string): void {
  stmt(sqlite, 'INSERT INTO kept_paused (by) VALUES (?)').run(by);
}

/** Ends the pause and brings open_ar of these customers back to what the triggers would keep. */
export function resumeKeptTriggers(sqlite: Sqlite, customerIds: Iterable<number>): void {
  stmt(sqlite, 'DELETE FROM kept_paused').run();
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
