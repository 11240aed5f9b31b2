// SQL behind today's worklist (reports/collections/worklist.ts), each narrowed to what can put a
// customer on the list or rank a listed one, instead of the whole book:
// - open planned calls/visits of the carry window from the trigger-kept collection_next_steps
//   (migration 0015: open as of D = done_on IS NULL OR done_on > D);
// - the customers an invoice due on one of the ladder's step dates may have put on a step today;
// - the dunning figures (oldest overdue due date, Σ overdue as of D) of given customers only;
// - the kept late days of given customers (migration 0019).
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';
import { HISTORY_ALLOCATIONS, latestLateDays, type LateDays } from './payment-history';

type Sqlite = Database.Database;

/** Customer ids as a JSON list in ascending order: the index lookups then walk each B-tree forward (a third of the book in random order costs twice as much). */
export function inKeyOrder(ids: readonly number[]): string {
  return JSON.stringify(Array.from(Float64Array.from(ids).sort()));
}

/** [record id, customer id, next date, visit 0|1] of the next steps due in [from, to] still open as of D. */
export type OpenStepRaw = [number, number, string, number];

export function openStepsBetween(sqlite: Sqlite, from: string, to: string, asOf: string): OpenStepRaw[] {
  return stmt(
    sqlite,
    `SELECT record_id, customer_id, next_date, visit FROM collection_next_steps INDEXED BY collection_next_steps_day
     WHERE next_date BETWEEN @from AND @to AND (done_on IS NULL OR done_on > @d)`,
  )
    .raw()
    .all({ from, to, d: asOf }) as OpenStepRaw[];
}

/** openStepsBetween of the given customers only (their index, collection_next_steps_customer). */
export function openStepsOf(
  sqlite: Sqlite,
  from: string,
  to: string,
  asOf: string,
  ids: readonly number[],
): OpenStepRaw[] {
  return stmt(
    sqlite,
    `SELECT s.record_id, s.customer_id, s.next_date, s.visit
       FROM json_each(@ids) j JOIN collection_next_steps s INDEXED BY collection_next_steps_customer
         ON s.customer_id = j.value AND s.next_date BETWEEN @from AND @to
      WHERE s.done_on IS NULL OR s.done_on > @d`,
  )
    .raw()
    .all({ ids: inKeyOrder(ids), from, to, d: asOf }) as OpenStepRaw[];
}

/**
 * Customers with an invoice due on one of `dueDates`, issued by D and still open as of D (open
 * now, or settled after D): the only ones whose oldest overdue due date can be one of them.
 */
export function customersDueOn(sqlite: Sqlite, asOf: string, dueDates: readonly string[]): number[] {
  if (dueDates.length === 0) return [];
  return stmt(
    sqlite,
    `SELECT i.customer_id FROM json_each(@dates) j JOIN invoices i INDEXED BY invoices_open_due
       ON i.due_date = j.value AND i.settled_on IS NULL WHERE i.issue_date <= @d
     UNION
     SELECT i.customer_id FROM invoices i INDEXED BY invoices_settled
      WHERE i.settled_on > @d AND i.issue_date <= @d AND i.due_date IN (SELECT value FROM json_each(@dates))`,
  )
    .pluck()
    .all({ dates: JSON.stringify(dueDates), d: asOf }) as number[];
}

/** Per given customer: code, name, and the dunning list's figures as of D (null/0: nothing overdue). */
export interface CustomerOverdue {
  code: string;
  name: string;
  /** the oldest due date among its invoices past due and open as of D */
  oldestDue: string | null;
  /** Σ their open amounts as of D (fen) */
  overdue: number;
}

/**
 * What the dunning list (db/collections/dunning.ts's rule) says of the given customers as of D:
 * open as of D = open now + Σ allocations dated after D, for invoices issued by D and due before
 * D that are open now (invoices_open, covering, per customer) or were settled after D
 * (invoices_settled: the few settled after D, whole book). Summed per customer in SQL (one row
 * per customer, not per invoice); codes and names by primary key (cheaper than a pass over the
 * whole directory even at a third of the book).
 */
export function customersOverdue(sqlite: Sqlite, asOf: string, ids: readonly number[]): Map<number, CustomerOverdue> {
  const out = new Map<number, CustomerOverdue>();
  const json = inKeyOrder(ids);
  const names = stmt(sqlite, 'SELECT c.id, c.code, c.name FROM json_each(?) j JOIN customers c ON c.id = j.value')
    .raw()
    .all(json) as [number, string, string][];
  for (const [id, code, name] of names) out.set(id, { code, name, oldestDue: null, overdue: 0 });
  const after = '(SELECT SUM(a.amount) FROM allocations a WHERE a.invoice_id = i.id AND a.date > @d)';
  const rows = stmt(
    sqlite,
    `SELECT cid, MIN(due), SUM(o) FROM (
       SELECT i.customer_id AS cid, i.due_date AS due, i.open_amount + IFNULL(${after}, 0) AS o
         FROM json_each(@ids) j JOIN invoices i INDEXED BY invoices_open
           ON i.customer_id = j.value AND i.settled_on IS NULL AND i.due_date < @d
        WHERE i.issue_date <= @d
       UNION ALL
       SELECT i.customer_id, i.due_date, ${after}
         FROM invoices i INDEXED BY invoices_settled WHERE i.settled_on > @d AND i.issue_date <= @d AND i.due_date < @d)
     WHERE o > 0 GROUP BY cid`,
  )
    .raw()
    .all({ ids: json, d: asOf }) as [number, string, number][];
  for (const [cid, due, open] of rows) {
    const c = out.get(cid);
    if (!c) continue;
    c.overdue = open;
    c.oldestDue = due;
  }
  return out;
}

/** The kept late days of the given customers (absent: no history); the latest 50 allocations only, as payment-history.ts. */
export function keptLateDays(sqlite: Sqlite, ids: readonly number[]): Map<number, LateDays> {
  const rows = stmt(
    sqlite,
    `SELECT k.customer_id, k.late_days, k.count FROM json_each(@ids) j JOIN collection_late_days k ON k.customer_id = j.value
     WHERE k.count > 0`,
  )
    .raw()
    .all({ ids: inKeyOrder(ids) }) as [number, number, number][];
  const latest = latestLateDays(sqlite);
  const out = new Map<number, LateDays>();
  for (const [cid, lateDays, count] of rows)
    out.set(cid, count > HISTORY_ALLOCATIONS ? latest.get(cid)! : { lateDays, count });
  return out;
}

/**
 * Per given customer with promises made by D, from their kept final amounts (migration 0022):
 * [customer id, promises that received nothing, promises that received part, promises without a
 * kept amount under these grace days]. Only right for customers whose promises all closed before
 * D (their kept amount is then their amount as of D); one without a kept amount is worked out in full.
 */
export function keptPromiseCounts(
  sqlite: Sqlite,
  asOf: string,
  ids: readonly number[],
  graceDays: number,
): [number, number, number, number][] {
  return stmt(
    sqlite,
    `SELECT p.customer_id, SUM(k.received = 0), SUM(k.received > 0 AND k.received < p.amount),
            SUM(k.promise_id IS NULL OR k.grace <> @g)
       FROM json_each(@ids) j JOIN promises p INDEXED BY promises_sharing_order ON p.customer_id = j.value
       LEFT JOIN promise_final k ON k.promise_id = p.id
      WHERE p.made_on <= @d GROUP BY p.customer_id`,
  )
    .raw()
    .all({ ids: inKeyOrder(ids), d: asOf, g: graceDays }) as [number, number, number, number][];
}
