// The SQL of the tie-out (main/reports/ageing.ts computeTieOut): the ledger balance and the
// documents dated after a day, from the per-day totals (ar_daily), and notes receivable held.
import type Database from 'better-sqlite3';
import type { TieOutOut } from '../../../shared/types-receivables';
import { stmt } from './prepared';

type Sqlite = Database.Database;

/** Ledger balance (Σ invoices − receipts − credit notes − write-offs) dated on or before D, from the per-day totals. */
export function ledgerBalance(sqlite: Sqlite, asOf: string): number {
  const r = stmt(
    sqlite,
    'SELECT COALESCE(SUM(invoiced - received - credited - written_off), 0) AS b FROM ar_daily WHERE date <= ?',
  ).get(asOf) as { b: number };
  return r.b;
}

/** Counts and sums of the documents dated after D. */
export function documentsAfter(sqlite: Sqlite, asOf: string): TieOutOut['documentsAfter'] {
  return stmt(
    sqlite,
    `SELECT COALESCE(SUM(invoices_n),0) AS invoices, COALESCE(SUM(invoiced),0) AS invoiced, COALESCE(SUM(receipts_n),0) AS receipts,
            COALESCE(SUM(received),0) AS received, COALESCE(SUM(credits_n),0) AS credits, COALESCE(SUM(credited),0) AS credited,
            COALESCE(SUM(written_off),0) AS writtenOff FROM ar_daily WHERE date > ?`,
  ).get(asOf) as TieOutOut['documentsAfter'];
}

/** Notes receivable held on D (issued by D, not yet settled or settled after D). */
export function notesHeld(sqlite: Sqlite, asOf: string): { count: number; amount: number } {
  return stmt(
    sqlite,
    `SELECT count(*) AS count, COALESCE(SUM(amount),0) AS amount FROM notes_receivable
     WHERE issue_date <= @d AND (state = 'held' OR state_date > @d)`,
  ).get({ d: asOf }) as { count: number; amount: number };
}
