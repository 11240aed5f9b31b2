// The customer card overview's queries: a handful of indexed reads on one customer.
import type Database from 'better-sqlite3';
import type { CustomerOverview } from '../../shared/types-analysis';
import { safeNumbers } from '../domain/exact-sums';
import { stmt } from './receivables/prepared';

export interface OverviewCustomerRow {
  id: number;
  credit_limit: number;
  value_tier: string | null;
  value_tier_on: string | null;
  credit_rating: string | null;
}

export function overviewCustomer(sqlite: Database.Database, customerId: number): OverviewCustomerRow | undefined {
  return stmt(
    sqlite,
    'SELECT id, credit_limit, value_tier, value_tier_on, credit_rating FROM customers WHERE id = ?',
  ).get(customerId) as OverviewCustomerRow | undefined;
}

export function openInvoicesOf(sqlite: Database.Database, customerId: number): { dueDate: string; open: number }[] {
  return stmt(
    sqlite,
    // a voided invoice is settled (on its issue date), so settled_on IS NULL alone keeps the
    // covering partial index invoices_open in use (no table rows read)
    'SELECT due_date AS dueDate, open_amount AS open FROM invoices WHERE customer_id = ? AND settled_on IS NULL AND open_amount <> 0',
  ).all(customerId) as { dueDate: string; open: number }[];
}

export function unappliedOf(sqlite: Database.Database, customerId: number): number {
  const r = sqlite
    .prepare(
      `SELECT COALESCE((SELECT SUM(unapplied) FROM receipts WHERE customer_id = @c AND voided_at IS NULL), 0)
            + COALESCE((SELECT SUM(unapplied) FROM credit_notes WHERE customer_id = @c AND voided_at IS NULL), 0) AS u`,
    )
    .get({ c: customerId }) as { u: number };
  return r.u;
}

export function salesBetween(sqlite: Database.Database, customerId: number, from: string, to: string): number {
  return (
    sqlite
      .prepare(
        'SELECT COALESCE(SUM(amount), 0) AS s FROM invoices WHERE customer_id = ? AND issue_date BETWEEN ? AND ? AND voided_at IS NULL',
      )
      .get(customerId, from, to) as { s: number }
  ).s;
}

/** Σ amount × days late and Σ amount of invoices settled in [from, to] (days late ≥ 0). */
export function lateness(
  sqlite: Database.Database,
  customerId: number,
  from: string,
  to: string,
): { weighted: bigint; amount: number } {
  // weighted (fen × days) may pass 2^53 even within the gross caps: read exactly (domain/exact-sums.ts)
  const r = stmt(
    sqlite,
    `SELECT COALESCE(SUM(amount * MAX(0, CAST(julianday(settled_on) - julianday(due_date) AS INTEGER))), 0) AS weighted, COALESCE(SUM(amount), 0) AS amount
         FROM invoices WHERE customer_id = ? AND settled_on BETWEEN ? AND ? AND voided_at IS NULL`,
  )
    .safeIntegers(true)
    .get(customerId, from, to) as { weighted: bigint; amount: bigint };
  return { weighted: r.weighted, ...safeNumbers(r, ['amount']) };
}

export function monthlyFlows(
  sqlite: Database.Database,
  customerId: number,
  from: string,
  to: string,
): { month: string; sales: number; receipts: number }[] {
  return stmt(
    sqlite,
    `SELECT month, SUM(sales) AS sales, SUM(receipts) AS receipts FROM (
         SELECT substr(issue_date, 1, 7) AS month, amount AS sales, 0 AS receipts FROM invoices WHERE customer_id = @c AND issue_date BETWEEN @from AND @to AND voided_at IS NULL
         UNION ALL
         SELECT substr(date, 1, 7), 0, amount FROM receipts WHERE customer_id = @c AND date BETWEEN @from AND @to AND voided_at IS NULL
       ) GROUP BY month ORDER BY month`,
  ).all({ c: customerId, from, to }) as { month: string; sales: number; receipts: number }[];
}

/** The latest documents, statements sent and slips returned, newest first. */
export function recentActivity(
  sqlite: Database.Database,
  customerId: number,
  asOf: string,
  limit = 12,
): CustomerOverview['activity'] {
  return stmt(
    sqlite,
    `SELECT * FROM (
         SELECT * FROM (SELECT issue_date AS date, 'invoice' AS kind, number AS ref, amount, NULL AS note, id FROM invoices WHERE customer_id = @c AND issue_date <= @d AND voided_at IS NULL ORDER BY issue_date DESC, id DESC LIMIT @n)
         UNION ALL SELECT * FROM (SELECT date, 'receipt', number, amount, method, id FROM receipts WHERE customer_id = @c AND date <= @d AND voided_at IS NULL ORDER BY date DESC, id DESC LIMIT @n)
         UNION ALL SELECT * FROM (SELECT date, 'credit_note', number, amount, kind, id FROM credit_notes WHERE customer_id = @c AND date <= @d AND voided_at IS NULL ORDER BY date DESC, id DESC LIMIT @n)
         UNION ALL SELECT * FROM (SELECT substr(sent_at, 1, 10), 'statement_sent', period_to, closing, style, id FROM statements_sent WHERE customer_id = @c ORDER BY sent_at DESC LIMIT @n)
         UNION ALL SELECT * FROM (SELECT received_on, 'slip_returned', period_to, stated_difference, result, id FROM statement_confirmations WHERE customer_id = @c ORDER BY received_on DESC LIMIT @n)
       ) ORDER BY date DESC, id DESC LIMIT @n`,
  )
    .all({ c: customerId, d: asOf, n: limit })
    .map((r) => {
      const { id: _id, ...rest } = r as CustomerOverview['activity'][number] & { id: number };
      return rest;
    });
}
