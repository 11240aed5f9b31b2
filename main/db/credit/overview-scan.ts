// What the credit overview reads on a first visit (reports/credit-overview-lean.ts): one narrow
// scan of the trigger-kept credit_facts table in rowid order — no join with the wide customer
// rows, no ordering, no text crossing per customer: four integer columns packed by SQLite
// (db/packed-columns.ts). Codes, names and full rows are then read for the listed customers
// alone. The as-of choices are the ones of kept-facts.ts (the same SQL expressions).
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';
import { packedColumns, packedIntSql } from '../packed-columns';
import { GRADES } from '../../domain/credit-rules';
import { REVIEW_MONTHS } from '../../domain/credit-review';
import { KEPT_COLUMNS_SQL } from './kept-facts';
import { UNSETTLED_NOTE_STATES } from '../../../shared/types-receivables';

const K = KEPT_COLUMNS_SQL;

/**
 * A kept row is not the as-of answer (a fact dated after the date): read that customer the
 * straightforward way. kept-facts.ts's flag 2, written as plain comparisons (NULL compares as
 * not later), which SQLite evaluates at a third of the cost of MAX(IFNULL(…)).
 */
const LATER = `(CASE WHEN f.rated_on > @d OR f.class_on > @d OR f.report_on > @d
  OR (f.limit_on > @d AND f.limit_prev_on > @d) THEN 1 ELSE 0 END)`;

/**
 * Exposure as of the date. A customer whose only later fact is a note (the usual later-dated
 * customer: a note issued or settled after the date) keeps every other kept value; its unsettled
 * notes as of the date are summed here, as credit-store.ts's FACTS_SQL sums them.
 */
const UNSETTLED = UNSETTLED_NOTE_STATES.map((st) => `'${st}'`).join(',');
const EXPOSURE = `f.open_ar + CASE WHEN f.notes_on > @d THEN (SELECT COALESCE(SUM(n.amount), 0) FROM notes_receivable n
  WHERE n.customer_id = f.customer_id AND n.issue_date <= @d AND (n.state IN (${UNSETTLED}) OR n.state_date > @d)) ELSE f.notes END`;

/** 1 + index in GRADES of the as-of rating, 0 for none or another grade. */
const GRADE_NO = `CASE ${K.rating} ${GRADES.map((g, i) => `WHEN '${g}' THEN ${i + 1}`).join(' ')} ELSE 0 END`;

/**
 * When the next credit report falls due (domain/credit-review.ts), as a month number: 0 no
 * class (or not A/B/C: no review), 1 a class but no report and no dated class (due on the first
 * 10th from the date), else 2 + year·12 + month − 1 + the class's months, of the last report or
 * else the class's date (due on the 10th of that month).
 */
const MONTHS = `CASE ${K.creditClass} ${Object.entries(REVIEW_MONTHS)
  .map(([c, m]) => `WHEN '${c}' THEN ${m}`)
  .join(' ')} END`;
const BASE = `IFNULL(${K.lastReportOn}, ${K.classSetOn})`;
const DUE_NO = `CASE WHEN (${MONTHS}) IS NULL THEN 0 WHEN ${BASE} IS NULL THEN 1
  ELSE 2 + CAST(substr(${BASE}, 1, 4) AS INTEGER) * 12 + CAST(substr(${BASE}, 6, 2) AS INTEGER) - 1 + (${MONTHS}) END`;

/** Grade and due month in one integer: later + 2 · (grade + 11 · due). */
export const KEY_GRADES = GRADES.length + 1;
const KEY = `${LATER} + 2 * ((${GRADE_NO}) + ${KEY_GRADES} * (${DUE_NO}))`;

const ROWS = `FROM (SELECT f.customer_id AS id, ${EXPOSURE} AS exposure, ${K.limit} AS "limit", ${KEY} AS key FROM credit_facts f)`;
const NAMES = ['id', 'exposure', '"limit"', 'key'];
const PACKED = `SELECT count(*), ${NAMES.map((n) => packedIntSql(n)).join(', ')} ${ROWS}`;
const JSON_SQL = `SELECT count(*), ${NAMES.map((n) => `json_group_array(${n})`).join(', ')} ${ROWS}`;

export interface OverviewScan {
  n: number;
  id: ArrayLike<number>;
  exposure: ArrayLike<number>;
  limit: ArrayLike<number>;
  key: ArrayLike<number>;
}

/** Every kept row's id, exposure, limit and key (see KEY) as of the date, in customer id order. */
export function scanOverviewColumns(sqlite: Database.Database, asOf: string): OverviewScan {
  const [id, exposure, limit, key] = packedColumns(sqlite, PACKED, JSON_SQL, [{ d: asOf }]) as ArrayLike<number>[];
  return { n: id.length, id, exposure, limit, key };
}

/**
 * How many customers the book has, and are all their codes made of capitals, digits and '-'
 * alone? Then byte order of the codes is the collator's order (test/unit/code-order.property.test.ts)
 * and SQL may order ties. One pass over the code index.
 */
export function customerCodesPlain(sqlite: Database.Database): { count: number; plain: boolean } {
  const [count, other] = stmt(
    sqlite,
    "SELECT count(*), count(*) FILTER (WHERE code GLOB '*[^-0-9A-Z]*') FROM customers",
  )
    .raw()
    .get() as [number, number];
  return { count, plain: other === 0 };
}

/** The codes of the given customers, by id. */
export function customerCodes(sqlite: Database.Database, ids: readonly number[]): Map<number, string> {
  const one = stmt(sqlite, 'SELECT code FROM customers WHERE id = ?').pluck();
  const codes = new Map<number, string>();
  for (const id of ids) if (!codes.has(id)) codes.set(id, one.get(id) as string);
  return codes;
}

/**
 * The first `limit` customers by code (byte order) whose kept row is the as-of answer and whose
 * report falls due in the given month (DUE_NO): [id, code]. Walks the code index and stops early.
 */
export function firstDueByCode(
  sqlite: Database.Database,
  asOf: string,
  dueNo: number,
  limit: number,
): [number, string][] {
  return stmt(
    sqlite,
    `SELECT c.id, c.code FROM customers c JOIN credit_facts f ON f.customer_id = c.id
     WHERE NOT ${LATER} AND (${DUE_NO}) = @due ORDER BY c.code LIMIT @limit`,
  )
    .raw()
    .all({ d: asOf, due: dueNo, limit }) as [number, string][];
}
