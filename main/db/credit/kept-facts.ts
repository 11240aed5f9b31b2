// The whole book's credit position inputs as of a date, read from the trigger-kept credit_facts
// table (migration 0017) instead of the wide customer rows, the history tables and the open
// invoices: one narrow scan in code order, the as-of choices made in SQL, columns instead of
// 100,000 objects. A kept row is the as-of answer for any date on or after its own latest fact
// date (and the limit also for dates between its last two decisions); a customer with a
// later-dated fact is read the straightforward way (creditFactsAsOf), and a date before the
// ledger's latest document date gets null (the caller rebuilds exposures as of that date).
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';
import { latestDate } from '../receivables/as-of';
import { creditFactsAsOf, notesAsOf, type CreditFactsRow } from '../credit-store';

/** What a credit position row is made of, per customer in code order (binary). */
export interface CreditColumns {
  n: number;
  id: Int32Array;
  code: string[];
  onHold: Uint8Array;
  /** open receivables net of unapplied credits + unsettled notes, as of the date */
  exposure: Float64Array;
  /** the approved limit as of the date (0: none or zero) */
  limit: Float64Array;
  rating: (string | null)[];
  creditClass: (string | null)[];
  /** the class's date when the class comes from the class history, else null */
  classSetOn: (string | null)[];
  lastReportOn: (string | null)[];
}

/** One customer's facts as the columns give them (CreditFactsRow's derived values). */
export function columnsRow(
  f: CreditFactsRow,
  open: number,
): [hold: number, exposure: number, limit: number, rating: string | null, cls: string | null, setOn: string | null] {
  const limit = f.limitAsOf ?? (f.hasDecisions ? (f.initialLimit ?? 0) : f.curLimit);
  return [
    f.lifecycle === 'suspended' ? 1 : 0,
    open + f.notes,
    limit,
    f.hasRatings ? f.ratingAsOf : f.curRating,
    f.hasClasses ? f.classAsOf : f.curClass,
    f.hasClasses ? f.classSetOn : null,
  ];
}

export function emptyColumns(n: number): CreditColumns {
  return {
    n,
    id: new Int32Array(n),
    code: new Array<string>(n),
    onHold: new Uint8Array(n),
    exposure: new Float64Array(n),
    limit: new Float64Array(n),
    rating: new Array<string | null>(n),
    creditClass: new Array<string | null>(n),
    classSetOn: new Array<string | null>(n),
    lastReportOn: new Array<string | null>(n),
  };
}

/** Puts one customer's facts at index i. */
export function setFromFacts(c: CreditColumns, i: number, f: CreditFactsRow, open: number): void {
  const [hold, exposure, limit, rating, cls, setOn] = columnsRow(f, open);
  c.id[i] = f.id;
  c.code[i] = f.code;
  c.onHold[i] = hold;
  c.exposure[i] = exposure;
  c.limit[i] = limit;
  c.rating[i] = rating;
  c.creditClass[i] = cls;
  c.classSetOn[i] = setOn;
  c.lastReportOn[i] = f.lastReportOn;
}

type KeptRow = [
  id: number,
  code: string,
  hold: number,
  open: number,
  notes: number,
  notesLater: number,
  rating: string | null,
  cls: string | null,
  classOn: string | null,
  reportOn: string | null,
  limit: number | null,
  later: number,
];

// limitAsOf (reports/credit.ts) from the last two decisions; `later`: a rating, class, report
// or two limit decisions dated after the date (the kept values are not the as-of ones)
const KEPT_SQL = `SELECT c.id, c.code, f.lifecycle = 'suspended', f.open_ar, f.notes, IFNULL(f.notes_on, '') > @d,
    CASE WHEN f.rated_on IS NULL THEN f.cur_rating ELSE f.rating END,
    CASE WHEN f.class_on IS NULL THEN f.cur_class ELSE f.class END, f.class_on, f.report_on,
    CASE WHEN f.limit_on IS NULL THEN f.cur_limit WHEN f.limit_on <= @d THEN f.limit_amount
      WHEN f.limit_prev_on IS NULL THEN IFNULL(f.initial_limit, 0) WHEN f.limit_prev_on <= @d THEN f.limit_prev_amount END,
    MAX(IFNULL(f.rated_on, ''), IFNULL(f.class_on, ''), IFNULL(f.report_on, '')) > @d
      OR (IFNULL(f.limit_on, '') > @d AND IFNULL(f.limit_prev_on, '') > @d)
  FROM customers c JOIN credit_facts f ON f.customer_id = c.id ORDER BY c.code`;

/** More customers than this with a fact dated after the date: one whole-book scan instead of lookups. */
const LOOKUPS_MAX = 2000;

/** Kept per connection until anything is written (by it or, per data_version, by another connection). */
const cache = new WeakMap<Database.Database, { key: string; value: CreditColumns }>();

export function keptCreditColumns(sqlite: Database.Database, asOf: string): CreditColumns | null {
  const latest = latestDate(sqlite);
  if (latest !== null && asOf < latest) return null;
  // never inside a transaction: its writes may still roll back
  const key = sqlite.inTransaction
    ? null
    : `${String(sqlite.pragma('data_version', { simple: true }))}|${String(
        stmt(sqlite, 'SELECT total_changes()').pluck().get(),
      )}|${asOf}`;
  const hit = cache.get(sqlite);
  if (key !== null && hit?.key === key) return hit.value;
  const value = readKept(sqlite, asOf);
  if (key !== null) cache.set(sqlite, { key, value });
  return value;
}

function readKept(sqlite: Database.Database, asOf: string): CreditColumns {
  const rows = stmt(sqlite, KEPT_SQL).raw().all({ d: asOf }) as KeptRow[];
  const c = emptyColumns(rows.length);
  let notes: Map<number, number> | undefined; // as of the date, once a customer has a note dated after it
  const later: number[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    c.id[i] = r[0];
    c.code[i] = r[1];
    c.onHold[i] = r[2];
    c.exposure[i] = r[3] + (r[5] ? ((notes ??= notesAsOf(sqlite, asOf)).get(r[0]) ?? 0) : r[4]);
    c.limit[i] = r[10] ?? 0;
    c.rating[i] = r[6];
    c.creditClass[i] = r[7];
    c.classSetOn[i] = r[8];
    c.lastReportOn[i] = r[9];
    if (r[11]) later.push(i);
  }
  if (later.length > 0) {
    const all = later.length > LOOKUPS_MAX ? new Map(creditFactsAsOf(sqlite, asOf).map((f) => [f.id, f])) : null;
    for (const i of later) {
      const f = all ? all.get(c.id[i])! : creditFactsAsOf(sqlite, asOf, c.id[i])[0];
      setFromFacts(c, i, f, rows[i][3]);
    }
  }
  return c;
}

/** The same columns from the straightforward facts (any date) and open receivables per customer id. */
export function columnsFromFacts(facts: readonly CreditFactsRow[], open: Map<number, number>): CreditColumns {
  const c = emptyColumns(facts.length);
  facts.forEach((f, i) => setFromFacts(c, i, f, open.get(f.id) ?? 0));
  return c;
}
