// Back-test SQL (SQLite): per grade, customers and how many went bad, for one slice of customer
// ids at a time so the report can show progress and stop between slices (reports/credit-backtest.ts).
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';

/** Lowest and highest customer id (null for a book without customers). */
export function customerIdSpan(sqlite: Database.Database): { lo: number; hi: number } | null {
  const r = stmt(sqlite, 'SELECT MIN(id) AS lo, MAX(id) AS hi FROM customers').get() as {
    lo: number | null;
    hi: number | null;
  };
  return r.lo === null || r.hi === null ? null : { lo: r.lo, hi: r.hi };
}

/**
 * Back-test for customers with ids in [lo, hi]: per grade (each customer's latest rating;
 * customers with a grade but no rating history count from the start), customers and how many
 * had an invoice issued on or after the rating that went more than 60 days past due (settled
 * over 60 days late, or open and over 60 days past due as of `today`).
 */
export function backtestByGrade(
  sqlite: Database.Database,
  today: string,
  lo: number,
  hi: number,
): { grade: string; customers: number; bad: number }[] {
  return stmt(
    sqlite,
    `WITH latest AS (
        SELECT c.id AS cid, COALESCE(r.grade, c.credit_rating) AS grade, COALESCE(r.rated_on, '0000-00-00') AS since
        FROM customers c LEFT JOIN credit_ratings r ON r.id = (SELECT x.id FROM credit_ratings x WHERE x.customer_id = c.id ORDER BY x.rated_on DESC, x.id DESC LIMIT 1)
        WHERE c.id BETWEEN @lo AND @hi AND COALESCE(r.grade, c.credit_rating) IS NOT NULL)
     SELECT l.grade AS grade, COUNT(*) AS customers,
        SUM(EXISTS (SELECT 1 FROM invoices i WHERE i.customer_id = l.cid AND i.issue_date >= l.since AND i.voided_at IS NULL
              AND ((i.settled_on IS NULL AND i.due_date < date(@t, '-60 days')) OR (i.settled_on > date(i.due_date, '+60 days'))))) AS bad
     FROM latest l GROUP BY l.grade`,
  ).all({ t: today, lo, hi }) as { grade: string; customers: number; bad: number }[];
}
