// The SQL of a receipts import (services/receivables/import-receipts.ts): the open invoices of
// many customers in one statement, and the rows it writes, many to a statement (row-batch.ts):
// the receipts in file order, their allocations in the order planned, and the open amount,
// settled date and paid_from of each invoice they paid.
import type Database from 'better-sqlite3';
import type { OpenInvoiceRow } from './as-of';
import { bulkPause } from './kept-pause';
import { stmt } from './prepared';
import { RECEIPT_METHODS } from '../../../shared/types-receivables';
import { oneOf, RowBatch, valueRows } from './row-batch';
import { pauseTriggers, recreateTriggers } from '../trigger-pause';

type Sqlite = Database.Database;

/**
 * The open invoices of each of `customerIds` (openInvoicesOf for many customers in one
 * statement: a 100k-customer import reads them in a hundred statements, not 100k). Read as raw
 * arrays and made into objects here: better-sqlite3 building a million row objects itself cost
 * twice as much (a third of the reading of a 1M-invoice book's open invoices). `anyAllocation`:
 * false when the book has no allocation at all (bookHasAllocations): then no invoice has a last
 * allocation date, and the statement leaves out the lookup of one per open invoice (~0.3 s of a
 * 1M-invoice book's first receipts import).
 */
export function openInvoicesOfCustomers(
  sqlite: Sqlite,
  customerIds: ArrayLike<number>,
  anyAllocation = true,
): Map<number, OpenInvoiceRow[]> {
  const rows = stmt(
    sqlite,
    `SELECT i.customer_id, i.id, i.number, i.issue_date, i.due_date, i.open_amount,
            ${anyAllocation ? '(SELECT MAX(a.date) FROM allocations a WHERE a.invoice_id = i.id)' : 'NULL'}
     FROM json_each(?) AS c CROSS JOIN invoices AS i ON i.customer_id = c.value
     WHERE i.settled_on IS NULL`,
  )
    .raw()
    .all(JSON.stringify(Array.from(customerIds))) as [number, number, string, string, string, number, string | null][];
  const by = new Map<number, OpenInvoiceRow[]>();
  let cid = -1;
  let list: OpenInvoiceRow[] = [];
  for (const r of rows) {
    if (r[0] !== cid) {
      cid = r[0];
      const had = by.get(cid);
      if (had) list = had;
      else by.set(cid, (list = []));
    }
    list.push({ id: r[1], number: r[2], issueDate: r[3], dueDate: r[4], open: r[5], last: r[6] });
  }
  return by;
}

/** False for a book without any allocation (a first receipts import, before it writes one). */
export function bookHasAllocations(sqlite: Sqlite): boolean {
  return stmt(sqlite, 'SELECT EXISTS (SELECT 1 FROM allocations)').pluck().get() === 1;
}

/**
 * Receipts: push customer_id, date, amount, method (its index in RECEIPT_METHODS), reference,
 * named_invoice_id, unapplied, applied_on (every receipt gets the import's `source` and `createdAt`).
 */
export function receiptRows(sqlite: Sqlite, source: string, createdAt: string): RowBatch {
  return new RowBatch(
    sqlite,
    (n) =>
      `INSERT INTO receipts (customer_id, date, amount, method, reference, named_invoice_id, unapplied, applied_on, source, created_at)
       VALUES ${valueRows(n, 8, ['@source', '@createdAt'], ['?', '?', '?', oneOf(RECEIPT_METHODS), '?', '?', '?', '?'])}`,
    8,
    { source, createdAt },
  );
}

/**
 * Receipt allocations: push invoice_id, receipt_id, amount, date, kind (its index in `kinds`);
 * every one created at `createdAt`.
 */
export function allocationRows(sqlite: Sqlite, createdAt: string, kinds: readonly string[]): RowBatch {
  return new RowBatch(
    sqlite,
    (n) =>
      `INSERT INTO allocations (invoice_id, receipt_id, amount, date, kind, created_at)
       VALUES ${valueRows(n, 5, ['@createdAt'], ['?', '?', '?', '?', oneOf(kinds)])}`,
    5,
    { createdAt },
  );
}

/**
 * Invoices paid: push id, open_amount, settled_on, and the date of the earliest allocation
 * written, which becomes paid_from when it is earlier (or none was set): setInvoicePaid, many
 * invoices to a statement.
 */
export function invoicePaidRows(sqlite: Sqlite): RowBatch {
  return new RowBatch(
    sqlite,
    (n) =>
      `UPDATE invoices SET open_amount = v.column2, settled_on = v.column3,
         paid_from = CASE WHEN paid_from IS NULL OR paid_from > v.column4 THEN v.column4 ELSE paid_from END
       FROM (VALUES ${valueRows(n, 4)}) AS v WHERE invoices.id = v.column1`,
    4,
  );
}

const FINAL_TRIGGER = 'receipts_final_insert';

/**
 * Drops the trigger that lists a receipt's customer stale for the kept promise results (0022),
 * for the import's transaction: a skipping trigger still costs each insert a statement journal.
 * Returns its CREATE statement for resumeReceiptFinal (null: left in place, the equivalence
 * tests' per-row book).
 */
export function pauseReceiptFinal(sqlite: Sqlite): string | null {
  if (!bulkPause.enabled) return null;
  return pauseTriggers(sqlite, [FINAL_TRIGGER])[0] ?? null;
}

/** The trigger back, and what it would have done for the receipts of `customerIds`, once per customer. */
export function resumeReceiptFinal(sqlite: Sqlite, sql: string | null, customerIds: Iterable<number>): void {
  if (sql === null) return;
  recreateTriggers(sqlite, [sql]);
  const withPromises = `SELECT value FROM json_each(?) WHERE value IN (SELECT customer_id FROM promises)`;
  const ids = JSON.stringify([...customerIds]);
  sqlite.prepare(`DELETE FROM promise_final WHERE customer_id IN (${withPromises})`).run(ids);
  sqlite.prepare(`INSERT OR IGNORE INTO promise_final_stale (customer_id) ${withPromises}`).run(ids);
}
