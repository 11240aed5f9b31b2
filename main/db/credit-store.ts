// Credit position SQL (SQLite): each customer's rating, class, limit, last credit report and
// unsettled notes as of a date, read from the credit history tables (migration 0005) with one
// indexed lookup per customer and fact. Open receivables come from receivables-store.
import type Database from 'better-sqlite3';
import { stmt } from './receivables/prepared';
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

type CustomerRow = [number, string, string, string, string | null, string | null, number];
const customerCache = new WeakMap<Database.Database, { rev: number; rows: CustomerRow[] }>();

/**
 * The customers' credit columns in code order, kept per connection until the trigger-kept
 * `revisions` counter of customers moves: scanning 100,000 wide customer rows costs seconds.
 */
function customerRows(sqlite: Database.Database): CustomerRow[] {
  const rev = revision(sqlite, 'customers');
  const hit = customerCache.get(sqlite);
  if (hit && hit.rev === rev && rev !== -1) return hit.rows;
  const rows = stmt(
    sqlite,
    'SELECT id, code, name, lifecycle, credit_rating, credit_class, credit_limit FROM customers',
  )
    .raw()
    .all() as CustomerRow[];
  rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  customerCache.set(sqlite, { rev, rows });
  return rows;
}

/** A history row read raw: [customer_id, date, id, ...the asked columns]. */
type HistoryRow = [number, string, number, ...(string | number | null)[]];

/**
 * One plain scan of a credit history table (cheaper than a window-function sort per table):
 * per customer the latest row dated on or before `asOf` (by date, then id) and the first row
 * ever recorded (lowest id).
 */
function latestPerCustomer(
  sqlite: Database.Database,
  table: string,
  dateCol: string,
  cols: string,
  asOf: string,
): { latest: HistoryRow[]; first: HistoryRow[] } {
  // indexed by customer id (ids are small integers; an array beats a Map at 100,000 customers)
  const latest: HistoryRow[] = [];
  const first: HistoryRow[] = [];
  const rows = stmt(sqlite, `SELECT customer_id, ${dateCol}, id, ${cols} FROM ${table}`).raw().all() as HistoryRow[];
  for (const r of rows) {
    const cid = r[0];
    const f = first[cid];
    if (f === undefined || r[2] < f[2]) first[cid] = r;
    if (r[1] === null || r[1] > asOf) continue; // as SQL's `date <= @d`
    const l = latest[cid];
    if (l === undefined || r[1] > l[1] || (r[1] === l[1] && r[2] > l[2])) latest[cid] = r;
  }
  return { latest, first };
}

/**
 * Every customer (or one) with its credit facts as of `asOf`, in code order. One customer: the
 * correlated lookups above. The whole book: one plain scan per history table, reduced and
 * joined in memory — 100,000 customers × nine correlated lookups cost seconds.
 */
export function creditFactsAsOf(
  sqlite: Database.Database,
  asOf: string,
  customerId?: number,
): readonly CreditFactsRow[] {
  if (customerId !== undefined)
    return stmt(sqlite, `${FACTS_SQL} WHERE c.id = @cid`).all({ d: asOf, cid: customerId }) as CreditFactsRow[];
  // kept per connection for the last date asked, until a customer or a credit fact is written;
  // never inside a write transaction (its writes may still roll back and their counter with
  // them); a read-only connection's transaction (the report worker's snapshot) holds no writes
  const revs =
    sqlite.inTransaction && !sqlite.readonly ? [-1] : [revision(sqlite, 'customers'), revision(sqlite, 'credit')];
  const key = revs.includes(-1) ? null : `${revs.join('|')}|${asOf}`;
  const hit = factsCache.get(sqlite);
  if (key !== null && hit?.key === key) return hit.rows;
  const rows = scanCreditFacts(sqlite, asOf);
  if (key !== null) factsCache.set(sqlite, { key, rows });
  return rows;
}

const factsCache = new WeakMap<Database.Database, { key: string; rows: readonly CreditFactsRow[] }>();

/** A trigger-kept write counter (migrations 0001 and 0013); -1 in a book without it. */
function revision(sqlite: Database.Database, name: 'customers' | 'credit'): number {
  return (stmt(sqlite, 'SELECT rev FROM revisions WHERE name = ?').get(name) as { rev: number } | undefined)?.rev ?? -1;
}

function scanCreditFacts(sqlite: Database.Database, asOf: string): CreditFactsRow[] {
  const p = { d: asOf };
  const ratings = latestPerCustomer(sqlite, 'credit_ratings', 'rated_on', 'grade', asOf);
  const classes = latestPerCustomer(sqlite, 'credit_classes', 'set_on', 'class', asOf);
  const limits = latestPerCustomer(sqlite, 'credit_limit_decisions', 'effective_date', 'amount, source', asOf);
  const reports = new Map(
    stmt(
      sqlite,
      'SELECT customer_id, MAX(reviewed_on) FROM credit_reviews WHERE reviewed_on <= @d GROUP BY customer_id',
    )
      .raw()
      .all(p) as [number, string][],
  );
  const notes = notesAsOf(sqlite, asOf);
  const customers = customerRows(sqlite);
  return customers.map(([id, code, name, lifecycle, curRating, curClass, curLimit]) => {
    const f = limits.first[id];
    const cls = classes.latest[id];
    return {
      id,
      code,
      name,
      lifecycle,
      curRating,
      curClass,
      curLimit,
      ratingAsOf: (ratings.latest[id]?.[3] as string | undefined) ?? null,
      hasRatings: ratings.first[id] ? 1 : 0,
      classAsOf: (cls?.[3] as string | undefined) ?? null,
      classSetOn: cls?.[1] ?? null,
      hasClasses: classes.first[id] ? 1 : 0,
      lastReportOn: reports.get(id) ?? null,
      limitAsOf: (limits.latest[id]?.[3] as number | undefined) ?? null,
      initialLimit: f && f[4] !== 'worksheet' ? (f[3] as number) : null,
      hasDecisions: f ? 1 : 0,
      notes: notes.get(id) ?? 0,
    };
  });
}

/** Notes receivable not yet settled as of `asOf`, per customer id (one pass over the notes). */
export function notesAsOf(sqlite: Database.Database, asOf: string): Map<number, number> {
  return new Map(
    stmt(
      sqlite,
      `SELECT customer_id, SUM(amount) FROM notes_receivable WHERE issue_date <= @d AND (state IN (${UNSETTLED}) OR state_date > @d) GROUP BY customer_id`,
    )
      .raw()
      .all({ d: asOf }) as [number, number][],
  );
}

/** The receivables setting "a zero limit means no limit" (default true). */
export function zeroLimitMeansNone(sqlite: Database.Database): boolean {
  const row = stmt(sqlite, "SELECT value FROM settings WHERE key = 'receivables.settings'").get() as
    { value: string } | undefined;
  if (!row) return true;
  try {
    const v = (JSON.parse(row.value) as { zeroLimitMeansNone?: unknown }).zeroLimitMeansNone;
    return v === undefined ? true : v === true;
  } catch {
    return true;
  }
}

// ---- one customer's credit file (the card's credit tab) ----

export interface PaymentEvidenceRow {
  invoices: number;
  avgDaysLate: number | null;
  largestOverdue: number;
  firstIssue: string | null;
}

/**
 * Payment record as of `today`: average days late over invoices that are settled (days from due
 * date to settlement, 0 when on time) or open and past due (days past due so far); the largest
 * open amount past due; the first invoice date (ledger length).
 */
export function paymentEvidence(sqlite: Database.Database, customerId: number, today: string): PaymentEvidenceRow {
  return stmt(
    sqlite,
    `SELECT COUNT(*) AS invoices,
        AVG(CASE WHEN settled_on IS NOT NULL THEN MAX(0, julianday(settled_on) - julianday(due_date))
                 WHEN due_date < @t THEN julianday(@t) - julianday(due_date) END) AS avgDaysLate,
        COALESCE(MAX(CASE WHEN settled_on IS NULL AND due_date < @t THEN open_amount END), 0) AS largestOverdue,
        MIN(issue_date) AS firstIssue
     FROM invoices WHERE customer_id = @c AND voided_at IS NULL AND issue_date <= @t`,
  ).get({ c: customerId, t: today }) as PaymentEvidenceRow;
}

export function creditHistoryRows(sqlite: Database.Database, customerId: number) {
  const q = (sql: string) => stmt(sqlite, sql).all(customerId) as Record<string, unknown>[];
  return {
    ratings: q(
      'SELECT id, rated_on AS ratedOn, scores, weights, score_x100 AS scoreX100, grade, note, rated_by AS ratedBy, approved_by AS approvedBy, created_at AS createdAt FROM credit_ratings WHERE customer_id = ? ORDER BY rated_on DESC, id DESC',
    ),
    classes: q(
      'SELECT id, class AS creditClass, set_on AS setOn, reason, set_by AS setBy FROM credit_classes WHERE customer_id = ? ORDER BY set_on DESC, id DESC',
    ),
    reviews: q(
      'SELECT id, reviewed_on AS reviewedOn, kind, findings, put_on_hold AS putOnHold, reviewed_by AS reviewedBy FROM credit_reviews WHERE customer_id = ? ORDER BY reviewed_on DESC, id DESC',
    ),
    decisions: q(
      'SELECT id, effective_date AS effectiveDate, amount, method, inputs, reason, source, decided_by AS decidedBy, approved_by AS approvedBy, decided_at AS decidedAt FROM credit_limit_decisions WHERE customer_id = ? ORDER BY effective_date DESC, id DESC',
    ),
    investigations: q(
      'SELECT id, date, channel, source, findings, attachments, warning_signs AS warningSigns, recorded_by AS recordedBy FROM credit_investigations WHERE customer_id = ? ORDER BY date DESC, id DESC',
    ),
    countermeasures: q(
      'SELECT id, action, detail, status, due_date AS dueDate, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt FROM credit_countermeasures WHERE customer_id = ? ORDER BY id DESC',
    ),
    terms: stmt(
      sqlite,
      'SELECT discount_bp AS discountBp, discount_days AS discountDays, net_days AS netDays FROM credit_terms WHERE customer_id = ?',
    ).get(customerId) as { discountBp: number; discountDays: number; netDays: number } | undefined,
  };
}

// ---- book-wide (overview, back-test) ----

/** Downgrades: ratings whose grade is worse than the customer's previous rating, rated on or after `from`. */
export function recentDowngrades(sqlite: Database.Database, from: string, limit = 50) {
  return stmt(
    sqlite,
    `SELECT c.code AS customerCode, c.name AS customerName, c.id AS customerId, r.rated_on AS ratedOn, r.grade AS grade,
        (SELECT p.grade FROM credit_ratings p WHERE p.customer_id = r.customer_id AND (p.rated_on < r.rated_on OR (p.rated_on = r.rated_on AND p.id < r.id)) ORDER BY p.rated_on DESC, p.id DESC LIMIT 1) AS previous
     FROM credit_ratings r JOIN customers c ON c.id = r.customer_id
     WHERE r.rated_on >= @from ORDER BY r.rated_on DESC, r.id DESC`,
  )
    .all({ from })
    .filter((x) => {
      const r = x as { grade: string; previous: string | null };
      return r.previous !== null && GRADE_ORDER.indexOf(r.grade) > GRADE_ORDER.indexOf(r.previous);
    })
    .slice(0, limit) as {
    customerCode: string;
    customerName: string;
    customerId: number;
    ratedOn: string;
    grade: string;
    previous: string;
  }[];
}

const GRADE_ORDER = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D'];
