// A customer's exposure now, for the credit check (credit:check and every new invoice).
import type Database from 'better-sqlite3';
import { UNSETTLED_NOTE_STATES } from '../../../shared/types-receivables';
import { stmt } from './prepared';

export interface ExposureNow {
  /** open invoices */
  open: number;
  /** oldest due date among open invoices */
  oldest: string | null;
  /** unapplied receipts and credit notes */
  credit: number;
  /** notes receivable not yet settled */
  notes: number;
}

export function exposureNow(sqlite: Database.Database, customerId: number): ExposureNow {
  const inv = stmt(
    sqlite,
    'SELECT COALESCE(SUM(open_amount), 0) AS open, MIN(due_date) AS oldest FROM invoices WHERE customer_id = ? AND settled_on IS NULL',
  ).get(customerId) as { open: number; oldest: string | null };
  const cr = stmt(
    sqlite,
    `SELECT COALESCE((SELECT SUM(unapplied) FROM receipts WHERE customer_id = @c AND applied_on IS NULL), 0)
          + COALESCE((SELECT SUM(unapplied) FROM credit_notes WHERE customer_id = @c AND applied_on IS NULL AND voided_at IS NULL), 0) AS credit`,
  ).get({ c: customerId }) as { credit: number };
  const notes = stmt(
    sqlite,
    `SELECT COALESCE(SUM(amount), 0) AS n FROM notes_receivable WHERE customer_id = ? AND state IN (${UNSETTLED_NOTE_STATES.map((s) => `'${s}'`).join(',')})`,
  ).get(customerId) as { n: number };
  return { open: inv.open, oldest: inv.oldest, credit: cr.credit, notes: notes.n };
}
