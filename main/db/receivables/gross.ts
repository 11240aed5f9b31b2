// The gross document totals that main/domain/book-limits.ts caps: a customer's (its live
// invoices, receipts, credit notes and notes receivable) and the book's (the per-day totals
// table, kept by every write, plus notes receivable), each one indexed query.
import type Database from 'better-sqlite3';
import type { GrossTotals } from '../../domain/book-limits';
import { stmt } from './prepared';

type Sqlite = Database.Database;

export function customerGross(sqlite: Sqlite, customerId: number): number {
  const r = stmt(
    sqlite,
    `SELECT (SELECT COALESCE(SUM(amount), 0) FROM invoices WHERE customer_id = @c AND voided_at IS NULL)
          + (SELECT COALESCE(SUM(amount), 0) FROM receipts WHERE customer_id = @c AND voided_at IS NULL)
          + (SELECT COALESCE(SUM(amount), 0) FROM credit_notes WHERE customer_id = @c AND voided_at IS NULL)
          + (SELECT COALESCE(SUM(amount), 0) FROM notes_receivable WHERE customer_id = @c) AS g`,
  ).get({ c: customerId }) as { g: number };
  return r.g;
}

export function bookGross(sqlite: Sqlite): number {
  const r = stmt(
    sqlite,
    `SELECT (SELECT COALESCE(SUM(invoiced + received + credited), 0) FROM ar_daily)
          + (SELECT COALESCE(SUM(amount), 0) FROM notes_receivable) AS g`,
  ).get() as { g: number };
  return r.g;
}

export function grossTotals(sqlite: Sqlite, customerId: number): GrossTotals {
  return { customer: customerGross(sqlite, customerId), book: bookGross(sqlite) };
}

/**
 * No document at all (no invoice, receipt, credit note or note receivable, voided or not): every
 * customer's gross is then 0, with no query per customer (a first import meets 100,000).
 */
export function bookHasNoDocuments(sqlite: Sqlite): boolean {
  return (
    stmt(
      sqlite,
      `SELECT NOT EXISTS (SELECT 1 FROM invoices) AND NOT EXISTS (SELECT 1 FROM receipts)
          AND NOT EXISTS (SELECT 1 FROM credit_notes) AND NOT EXISTS (SELECT 1 FROM notes_receivable)`,
    )
      .pluck()
      .get() === 1
  );
}
