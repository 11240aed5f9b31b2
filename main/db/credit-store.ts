// Credit position SQL (SQLite): each customer's rating, class, limit, last credit report and
// unsettled notes as of a date, read from the credit history tables (migration 0005) with one
// indexed lookup per customer and fact. Open receivables come from receivables-store.
import type Database from 'better-sqlite3';
import { stmt } from './receivables-store';
import { UNSETTLED_NOTE_STATES } from '../../shared/types-receivables';

const UNSETTLED = UNSETTLED_NOTE_STATES.map((s) => `'${s}'`).join(',');

export interface CreditFactsRow {
  id: number;
  code: string;
  name: string;
  lifecycle: string;
  /** customers.credit_rating / credit_class / credit_limit (the current values) */
  curRating: string | null;
  curClass: string | null;
  curLimit: number;
  ratingAsOf: string | null;
  hasRatings: number;
  classAsOf: string | null;
  classSetOn: string | null;
  hasClasses: number;
  lastReportOn: string | null;
  limitAsOf: number | null;
  /** amount of the first decision recorded when it is an initial one (import / migration / form): it applies before any dated decision */
  initialLimit: number | null;
  hasDecisions: number;
  notes: number;
}

const FACTS_SQL = `SELECT c.id AS id, c.code AS code, c.name AS name, c.lifecycle AS lifecycle,
    c.credit_rating AS curRating, c.credit_class AS curClass, c.credit_limit AS curLimit,
    (SELECT r.grade FROM credit_ratings r WHERE r.customer_id = c.id AND r.rated_on <= @d ORDER BY r.rated_on DESC, r.id DESC LIMIT 1) AS ratingAsOf,
    EXISTS (SELECT 1 FROM credit_ratings r WHERE r.customer_id = c.id) AS hasRatings,
    (SELECT k.class FROM credit_classes k WHERE k.customer_id = c.id AND k.set_on <= @d ORDER BY k.set_on DESC, k.id DESC LIMIT 1) AS classAsOf,
    (SELECT k.set_on FROM credit_classes k WHERE k.customer_id = c.id AND k.set_on <= @d ORDER BY k.set_on DESC, k.id DESC LIMIT 1) AS classSetOn,
    EXISTS (SELECT 1 FROM credit_classes k WHERE k.customer_id = c.id) AS hasClasses,
    (SELECT MAX(v.reviewed_on) FROM credit_reviews v WHERE v.customer_id = c.id AND v.reviewed_on <= @d) AS lastReportOn,
    (SELECT x.amount FROM credit_limit_decisions x WHERE x.customer_id = c.id AND x.effective_date <= @d ORDER BY x.effective_date DESC, x.id DESC LIMIT 1) AS limitAsOf,
    (SELECT CASE WHEN x.source <> 'worksheet' THEN x.amount END FROM credit_limit_decisions x WHERE x.customer_id = c.id ORDER BY x.id LIMIT 1) AS initialLimit,
    EXISTS (SELECT 1 FROM credit_limit_decisions x WHERE x.customer_id = c.id) AS hasDecisions,
    COALESCE((SELECT SUM(n.amount) FROM notes_receivable n WHERE n.customer_id = c.id AND n.issue_date <= @d
                AND (n.state IN (${UNSETTLED}) OR n.state_date > @d)), 0) AS notes
  FROM customers c`;

/** Every customer (or one) with its credit facts as of `asOf`, in code order. */
export function creditFactsAsOf(sqlite: Database.Database, asOf: string, customerId?: number): CreditFactsRow[] {
  if (customerId !== undefined) return stmt(sqlite, `${FACTS_SQL} WHERE c.id = @cid`).all({ d: asOf, cid: customerId }) as CreditFactsRow[];
  return stmt(sqlite, `${FACTS_SQL} ORDER BY c.code`).all({ d: asOf }) as CreditFactsRow[];
}

/** The receivables setting "a zero limit means no limit" (default true). */
export function zeroLimitMeansNone(sqlite: Database.Database): boolean {
  const row = stmt(sqlite, "SELECT value FROM settings WHERE key = 'receivables.settings'").get() as { value: string } | undefined;
  if (!row) return true;
  try {
    const v = (JSON.parse(row.value) as { zeroLimitMeansNone?: unknown }).zeroLimitMeansNone;
    return v === undefined ? true : v === true;
  } catch {
    return true;
  }
}
