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
import { creditFactsAsOf, type CreditFactsRow } from '../credit-store';
import { packedColumns, packedIntSql, packedNotNullTextSql, packedTextSql, type PackedKind } from '../packed-columns';

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

// The columns, in code order. limit: limitAsOf (reports/credit.ts) from the last two decisions; flags:
// 1 on credit hold, 2 a rating, class, report, note or two limit decisions dated after the date
// (the kept values are not the as-of ones: that customer is read the straightforward way).
const FROM = 'FROM customers c JOIN credit_facts f ON f.customer_id = c.id ORDER BY c.code';
const COLUMNS = {
  id: 'c.id',
  code: 'c.code',
  flags: `(f.lifecycle = 'suspended') + 2 * (MAX(IFNULL(f.rated_on, ''), IFNULL(f.class_on, ''), IFNULL(f.report_on, ''),
    IFNULL(f.notes_on, '')) > @d OR (IFNULL(f.limit_on, '') > @d AND IFNULL(f.limit_prev_on, '') > @d))`,
  exposure: 'f.open_ar + f.notes',
  limit: `CASE WHEN f.limit_on IS NULL THEN f.cur_limit WHEN f.limit_on <= @d THEN f.limit_amount
      WHEN f.limit_prev_on IS NULL THEN IFNULL(f.initial_limit, 0) WHEN f.limit_prev_on <= @d THEN f.limit_prev_amount ELSE 0 END`,
  rating: 'CASE WHEN f.rated_on IS NULL THEN f.cur_rating ELSE f.rating END',
  creditClass: 'CASE WHEN f.class_on IS NULL THEN f.cur_class ELSE f.class END',
  classSetOn: 'f.class_on',
  lastReportOn: 'f.report_on',
};

/** The column expressions (reads the overview's own scan: db/credit/overview-scan.ts). */
export const KEPT_COLUMNS_SQL: Readonly<typeof COLUMNS> = COLUMNS;

/** More customers than this with a fact dated after the date: one whole-book scan instead of lookups. */
export const LOOKUPS_MAX = 2000;

/** Kept per connection until anything is written (by it or, per data_version, by another connection). */
const cache = new WeakMap<Database.Database, { key: string; value: CreditColumns }>();

/**
 * What changes whenever anything is written, by this connection or (data_version) another; null
 * inside a transaction, whose writes may still roll back: nothing read there may be kept.
 */
export function bookStateKey(sqlite: Database.Database): string | null {
  return sqlite.inTransaction
    ? null
    : `${String(sqlite.pragma('data_version', { simple: true }))}|${String(
        stmt(sqlite, 'SELECT total_changes()').pluck().get(),
      )}`;
}

export function keptCreditColumns(sqlite: Database.Database, asOf: string): CreditColumns | null {
  const latest = latestDate(sqlite);
  if (latest !== null && asOf < latest) return null;
  const state = bookStateKey(sqlite);
  const key = state === null ? null : `${state}|${asOf}`;
  const hit = cache.get(sqlite);
  if (key !== null && hit?.key === key) return hit.value;
  const value = readKept(sqlite, asOf);
  if (key !== null) cache.set(sqlite, { key, value });
  return value;
}

// All columns in one pass, each packed into one string in code order (db/packed-columns.ts; the
// join and the ordering run once, and 100,000 rows do not cross one by one); JSON lists when a
// packed column cannot be read exactly.
const NAMES = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[];
const INTS = new Set<keyof typeof COLUMNS>(['id', 'flags', 'exposure', 'limit']);
const ROWS = `FROM (SELECT ${NAMES.map((n) => `${COLUMNS[n]} AS "${n}"`).join(', ')} ${FROM})`;
const kindOf = (n: keyof typeof COLUMNS): PackedKind => (INTS.has(n) ? 'int' : n === 'code' ? 'notNullText' : 'text');
const PACKED_SQL = { int: packedIntSql, text: packedTextSql, notNullText: packedNotNullTextSql };
const PACKED = `SELECT count(*), ${NAMES.map((n) => PACKED_SQL[kindOf(n)](`"${n}"`)).join(', ')} ${ROWS}`;
const ONE_PASS = `SELECT count(*), ${NAMES.map((n) => `json_group_array("${n}")`).join(', ')} ${ROWS}`;

type Lists = Record<keyof typeof COLUMNS, ArrayLike<number> | (string | null)[]>;

function readLists(sqlite: Database.Database, asOf: string): Lists {
  const cols = packedColumns(sqlite, PACKED, ONE_PASS, [{ d: asOf }], NAMES.map(kindOf));
  return Object.fromEntries(NAMES.map((n, k) => [n, cols[k]])) as Lists;
}

const f64 = (a: ArrayLike<number>) => (a instanceof Float64Array ? a : Float64Array.from(a));

function readKept(sqlite: Database.Database, asOf: string): CreditColumns {
  // one statement: every column from the same state of the book
  return sqlite.transaction(() => {
    const lists = readLists(sqlite, asOf);
    const col = (name: keyof typeof COLUMNS) => lists[name] as never[];
    const flags = col('flags') as ArrayLike<number>;
    const c: CreditColumns = {
      n: lists.id.length,
      id: Int32Array.from(col('id')),
      code: col('code'),
      onHold: Uint8Array.from(flags, (f) => f & 1),
      exposure: f64(col('exposure')),
      limit: f64(col('limit')),
      rating: col('rating'),
      creditClass: col('creditClass'),
      classSetOn: col('classSetOn'),
      lastReportOn: col('lastReportOn'),
    };
    const later: number[] = [];
    for (let i = 0; i < c.n; i++) if (flags[i] & 2) later.push(i);
    if (later.length > 0) {
      const all = later.length > LOOKUPS_MAX ? new Map(creditFactsAsOf(sqlite, asOf).map((f) => [f.id, f])) : null;
      for (const i of later) {
        const f = all ? all.get(c.id[i])! : creditFactsAsOf(sqlite, asOf, c.id[i])[0];
        setFromFacts(c, i, f, keptOpenAr(sqlite, c.id[i]));
      }
    }
    return c;
  })();
}

const keptOpenAr = (sqlite: Database.Database, id: number) =>
  stmt(sqlite, 'SELECT open_ar FROM credit_facts WHERE customer_id = ?').pluck().get(id) as number;

const ONE_SQL = `SELECT ${NAMES.map((n) => COLUMNS[n]).join(', ')} FROM customers c JOIN credit_facts f ON f.customer_id = c.id WHERE c.id = @id`;

/**
 * The columns of the given customers alone (the overview's listed rows), as readKept gives them:
 * the kept row, or the straightforward facts for a customer with a fact dated after the date.
 * Call inside the caller's read transaction when the rows must agree with another read.
 */
export function keptCreditColumnsFor(sqlite: Database.Database, asOf: string, ids: readonly number[]): CreditColumns {
  const c = emptyColumns(ids.length);
  const one = stmt(sqlite, ONE_SQL).raw();
  ids.forEach((id, i) => {
    const r = one.get({ d: asOf, id }) as (string | number | null)[];
    const v = Object.fromEntries(NAMES.map((n, k) => [n, r[k]])) as Record<keyof typeof COLUMNS, never>;
    if ((v.flags as number) & 2) {
      setFromFacts(c, i, creditFactsAsOf(sqlite, asOf, id)[0], keptOpenAr(sqlite, id));
      return;
    }
    c.id[i] = v.id;
    c.code[i] = v.code;
    c.onHold[i] = (v.flags as number) & 1;
    c.exposure[i] = v.exposure;
    c.limit[i] = v.limit;
    c.rating[i] = v.rating;
    c.creditClass[i] = v.creditClass;
    c.classSetOn[i] = v.classSetOn;
    c.lastReportOn[i] = v.lastReportOn;
  });
  return c;
}

/** The same columns from the straightforward facts (any date) and open receivables per customer id. */
export function columnsFromFacts(facts: readonly CreditFactsRow[], open: Map<number, number>): CreditColumns {
  const c = emptyColumns(facts.length);
  facts.forEach((f, i) => setFromFacts(c, i, f, open.get(f.id) ?? 0));
  return c;
}
