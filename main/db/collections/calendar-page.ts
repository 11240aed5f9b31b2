// SQL behind the collection calendar's month (and week) grid (issue #13 speed): per day the due
// total of open invoices and the number of promises and planned calls/visits, and only the
// first few items of a day in the calendar's order (kind, customer code, record id) — instead
// of every item of the month. `ids` (a JSON array of customer ids, or null for all) is the
// calendar's region/operator/tier filter. Open next steps come from collection_next_steps
// (migration 0015, trigger-kept): open as of D = done_on IS NULL OR done_on > D.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';
import type { NextStepRow } from '../collections-store';

type Sqlite = Database.Database;

const IN_FILTER = (col: string) => `(@ids IS NULL OR ${col} IN (SELECT value FROM json_each(@ids)))`;

/** Per due date in [from, to]: Σ open amount as of D (SPEC §5 calendar amounts) and how many invoices. */
export function dueByDay(
  sqlite: Sqlite,
  q: { asOf: string; from: string; to: string; ids: string | null },
): { date: string; due: number; count: number }[] {
  return stmt(
    sqlite,
    `WITH d (inv, s) AS (SELECT invoice_id, SUM(amount) FROM allocations WHERE date > @d GROUP BY +invoice_id)
     SELECT x.due AS date, SUM(x.o) AS due, COUNT(*) AS count
     FROM (SELECT i.due_date AS due, i.open_amount + COALESCE(d.s, 0) AS o
             FROM invoices i INDEXED BY invoices_open_due LEFT JOIN d ON d.inv = i.id
            WHERE i.settled_on IS NULL AND i.due_date BETWEEN @lo AND @hi AND i.issue_date <= @d AND ${IN_FILTER('i.customer_id')}
           UNION ALL
           SELECT i.due_date, d.s FROM d JOIN invoices i ON i.id = d.inv
            WHERE i.settled_on > @d AND i.issue_date <= @d AND i.due_date BETWEEN @lo AND @hi AND ${IN_FILTER('i.customer_id')}) x
     WHERE x.o > 0 GROUP BY x.due ORDER BY x.due`,
  ).all({ d: q.asOf, lo: q.from, hi: q.to, ids: q.ids }) as { date: string; due: number; count: number }[];
}

/** Promises made by D falling due per day of [from, to]. */
export function promiseCountByDay(
  sqlite: Sqlite,
  q: { asOf: string; from: string; to: string; ids: string | null },
): Map<string, number> {
  const rows = stmt(
    sqlite,
    `SELECT promised_on, COUNT(*) FROM promises
     WHERE promised_on BETWEEN @lo AND @hi AND made_on <= @d AND ${IN_FILTER('customer_id')} GROUP BY promised_on`,
  )
    .raw()
    .all({ d: q.asOf, lo: q.from, hi: q.to, ids: q.ids }) as [string, number][];
  return new Map(rows);
}

export interface DayPromiseRow {
  id: number;
  customerId: number;
}

/**
 * The first `limit` promises (made by D) due on `day` by customer code, then id. A busy day walks
 * the customers in code order and stops early; a quiet day sorts its few promises.
 */
export function firstPromisesOfDay(
  sqlite: Sqlite,
  q: { asOf: string; day: string; limit: number; ids: string | null; busy: boolean },
): DayPromiseRow[] {
  const sql = q.busy
    ? `SELECT p.id AS id, p.customer_id AS customerId FROM customers c INDEXED BY customers_directory
         CROSS JOIN promises p INDEXED BY promises_customer ON p.customer_id = c.id AND p.promised_on = @day
       WHERE p.made_on <= @d AND ${IN_FILTER('c.id')} ORDER BY c.code, p.id LIMIT @n`
    : `SELECT p.id AS id, p.customer_id AS customerId FROM promises p INDEXED BY promises_promised_on
         JOIN customers c ON c.id = p.customer_id
       WHERE p.promised_on = @day AND p.made_on <= @d AND ${IN_FILTER('p.customer_id')} ORDER BY c.code, p.id LIMIT @n`;
  return stmt(sqlite, sql).all({ d: q.asOf, day: q.day, n: q.limit, ids: q.ids }) as DayPromiseRow[];
}

/** Next steps per day of [from, to] and kind (visit 1, any other way of contact 0); `openAsOf`: only those open then. */
export function stepCountByDay(
  sqlite: Sqlite,
  q: { from: string; to: string; ids: string | null; openAsOf: string | null },
): { date: string; visit: number; count: number }[] {
  return stmt(
    sqlite,
    `SELECT next_date AS date, visit, COUNT(*) AS count FROM collection_next_steps INDEXED BY collection_next_steps_day
     WHERE next_date BETWEEN @lo AND @hi AND (@open IS NULL OR done_on IS NULL OR done_on > @open) AND ${IN_FILTER('customer_id')}
     GROUP BY next_date, visit`,
  ).all({ lo: q.from, hi: q.to, ids: q.ids, open: q.openAsOf }) as { date: string; visit: number; count: number }[];
}

/** The first `limit` next steps of one kind on `day` by customer code, then record id (busy/quiet as above). */
export function firstStepsOfDay(
  sqlite: Sqlite,
  q: { asOf: string; day: string; visit: number; limit: number; ids: string | null; busy: boolean; openOnly: boolean },
): NextStepRow[] {
  const open = '(@open = 0 OR s.done_on IS NULL OR s.done_on > @d)';
  const pick = q.busy
    ? `SELECT s.record_id AS rid, c.code AS code, s.done_on AS done_on FROM customers c INDEXED BY customers_directory
         CROSS JOIN collection_next_steps s INDEXED BY collection_next_steps_customer
           ON s.customer_id = c.id AND s.next_date = @day AND s.visit = @v
       WHERE ${open} AND ${IN_FILTER('c.id')} ORDER BY c.code, s.record_id LIMIT @n`
    : `SELECT s.record_id AS rid, c.code AS code, s.done_on AS done_on FROM collection_next_steps s INDEXED BY collection_next_steps_day
         JOIN customers c ON c.id = s.customer_id
       WHERE s.next_date = @day AND s.visit = @v AND ${open} AND ${IN_FILTER('s.customer_id')}
       ORDER BY c.code, s.record_id LIMIT @n`;
  return stmt(
    sqlite,
    `SELECT r.id AS id, r.customer_id AS customerId, c.code AS customerCode, c.name AS customerName, r.next_step AS nextStep,
            r.next_date AS nextDate, r.contact_name AS contactName, (k.done_on IS NOT NULL AND k.done_on <= @d) AS done
     FROM (${pick}) k JOIN collection_records r ON r.id = k.rid JOIN customers c ON c.id = r.customer_id
     ORDER BY k.code, k.rid`,
  ).all({
    d: q.asOf,
    day: q.day,
    v: q.visit,
    n: q.limit,
    ids: q.ids,
    open: q.openOnly ? 1 : 0,
  }) as NextStepRow[];
}
