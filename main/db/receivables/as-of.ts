// Receivables reads as of any date: open invoices for payment application, per-customer
// ageing bucket sums (now from a kept snapshot, or rebuilt from allocations as of D), credits,
// one customer's open items.
import type Database from 'better-sqlite3';
import { stmt } from './prepared';
import { bookSumsAsOf } from './as-of-book';

type Sqlite = Database.Database;

// ---------------------------------------------------------------------------------------------
// Reads for payment application

export interface OpenInvoiceRow {
  id: number;
  number: string;
  issueDate: string;
  dueDate: string;
  open: number;
  /** Latest allocation date on the invoice (null without any). */
  last: string | null;
}

export function openInvoicesOf(sqlite: Sqlite, customerId: number): OpenInvoiceRow[] {
  return stmt(
    sqlite,
    `SELECT i.id AS id, i.number AS number, i.issue_date AS issueDate, i.due_date AS dueDate, i.open_amount AS open,
            (SELECT MAX(a.date) FROM allocations a WHERE a.invoice_id = i.id) AS last
     FROM invoices i WHERE i.customer_id = ? AND i.settled_on IS NULL`,
  ).all(customerId) as OpenInvoiceRow[];
}

/** Greatest date that any document or allocation takes effect on (null for an empty ledger). */
export function latestDate(sqlite: Sqlite): string | null {
  return (stmt(sqlite, 'SELECT MAX(date) AS d FROM ar_daily').get() as { d: string | null }).d;
}

// ---------------------------------------------------------------------------------------------
// Ageing: per-customer bucket sums. `ranges` are inclusive date ranges on the basis column
// (days in [from, to] ⇔ date in [asOf − to, asOf − from]), one per bucket, in bucket order.

export interface DateRange {
  lo: string; // '0000-00-00' = unbounded
  hi: string; // '9999-99-99' = unbounded
}

/**
 * Per customer (each once): cid[j], its bucket sums cells[j·n … j·n+n-1] and over-credited
 * invoices as of the date neg[j] (≤ 0, counted as the customer's credit).
 */
export interface CustomerSums {
  cid: Int32Array;
  cells: Float64Array;
  neg: Float64Array;
}

/** Raw rows [cid, b0 … bn-1, neg] as CustomerSums. */
function fromRows(rows: number[][], n: number): CustomerSums {
  const m = rows.length;
  const out: CustomerSums = { cid: new Int32Array(m), cells: new Float64Array(m * n), neg: new Float64Array(m) };
  for (let j = 0; j < m; j++) {
    const r = rows[j];
    out.cid[j] = r[0];
    for (let k = 0; k < n; k++) out.cells[j * n + k] = r[k + 1];
    out.neg[j] = r[n + 1] ?? 0;
  }
  return out;
}

function bucketColumns(n: number, col: string, openExpr: string, positiveOnly = true): string {
  const cols: string[] = [];
  const guard = positiveOnly ? `${openExpr} > 0 AND ` : '';
  // aggregate FILTER: measurably cheaper per row than SUM(CASE …) over 100,000+ open invoices
  for (let k = 0; k < n; k++)
    cols.push(`COALESCE(SUM(${openExpr}) FILTER (WHERE ${guard}${col} BETWEEN @lo${k} AND @hi${k}), 0) AS b${k}`);
  return cols.join(', ');
}

export function bindRanges(ranges: readonly DateRange[], extra: Record<string, unknown>): Record<string, unknown> {
  const p: Record<string, unknown> = { ...extra };
  ranges.forEach((r, k) => {
    p[`lo${k}`] = r.lo;
    p[`hi${k}`] = r.hi;
  });
  return p;
}

// Open invoices now, kept in memory by a read-only connection (the report worker's): about
// 100,000 rows as four typed arrays (a few MB), reloaded when PRAGMA data_version says another
// connection committed. Any "current" ageing (any bucket set, basis or later as-of date) is then
// a loop over the arrays instead of a pass of SQL over the open-invoice index. Only for
// read-only connections: a connection's own writes do not move its data_version.
interface OpenSnapshot {
  version: number;
  cid: Int32Array;
  due: Int32Array;
  issue: Int32Array;
  open: Float64Array;
}
const snapshots = new WeakMap<Sqlite, OpenSnapshot>();

/** 'YYYY-MM-DD' as the integer YYYYMMDD (same order). */
function ymd(d: string): number {
  return Number(d.slice(0, 4)) * 10000 + Number(d.slice(5, 7)) * 100 + Number(d.slice(8, 10));
}

/** Moves whenever another connection commits to the book (not on this connection's own writes). */
export function dataVersion(sqlite: Sqlite): number {
  return sqlite.pragma('data_version', { simple: true }) as number;
}

function openSnapshot(sqlite: Sqlite): OpenSnapshot | null {
  if (!sqlite.readonly) return null;
  const version = dataVersion(sqlite);
  const hit = snapshots.get(sqlite);
  if (hit && hit.version === version) return hit;
  snapshots.delete(sqlite);
  // one pass over the open-invoice index in its order (no sort), the four columns as JSON lists
  // in one row: plain numbers cross from SQLite cheaper that way than as row arrays or as four
  // column queries, and the dates arrive as YYYYMMDD integers instead of strings to parse.
  const ymdOf = (c: string) => `(substr(${c}, 1, 4) * 10000 + substr(${c}, 6, 2) * 100 + substr(${c}, 9, 2))`;
  const lists = stmt(
    sqlite,
    `SELECT json_group_array(customer_id), json_group_array(${ymdOf('due_date')}), json_group_array(${ymdOf('issue_date')}),
            json_group_array(open_amount)
       FROM (SELECT customer_id, due_date, issue_date, open_amount FROM invoices WHERE settled_on IS NULL
             ORDER BY customer_id, due_date, issue_date, open_amount)`,
  )
    .raw()
    .get() as [string, string, string, string];
  const [cid, due, issue, open] = lists.map((json) => JSON.parse(json) as number[]);
  const snap: OpenSnapshot = {
    version,
    cid: Int32Array.from(cid),
    due: Int32Array.from(due),
    issue: Int32Array.from(issue),
    open: Float64Array.from(open),
  };
  snapshots.set(sqlite, snap);
  return snap;
}

function sumsFromSnapshot(snap: OpenSnapshot, basis: 'due' | 'issue', ranges: readonly DateRange[]): CustomerSums {
  const nb = ranges.length;
  const lo = ranges.map((r) => ymd(r.lo));
  const dates = basis === 'issue' ? snap.issue : snap.due;
  let m = 0;
  for (let i = 0, cur = -1; i < snap.cid.length; i++) {
    if (snap.cid[i] !== cur) {
      cur = snap.cid[i];
      m++;
    }
  }
  const out: CustomerSums = { cid: new Int32Array(m), cells: new Float64Array(m * nb), neg: new Float64Array(m) };
  let j = -1;
  let cur = -1;
  for (let i = 0; i < snap.cid.length; i++) {
    const c = snap.cid[i];
    if (c !== cur) {
      cur = c;
      out.cid[++j] = c;
    }
    const d = dates[i];
    let k = 0;
    while (k < nb - 1 && d < lo[k]) k++; // ranges are contiguous, latest dates first
    out.cells[j * nb + k] += snap.open[i];
  }
  return out;
}

/**
 * Open invoices now, from open_amount (valid as of any date on or after latestDate()).
 * Touches only the open-invoice index.
 */
export function bucketSumsCurrent(
  sqlite: Sqlite,
  basis: 'due' | 'issue',
  ranges: readonly DateRange[],
  customerId?: number,
): CustomerSums {
  const snap = customerId === undefined ? openSnapshot(sqlite) : null;
  if (snap) return sumsFromSnapshot(snap, basis, ranges);
  const col = basis === 'issue' ? 'i.issue_date' : 'i.due_date';
  const where = customerId === undefined ? '' : ' AND i.customer_id = @cid';
  const sql = `SELECT i.customer_id AS cid, ${bucketColumns(ranges.length, col, 'i.open_amount', false)}, 0 AS neg
      FROM invoices i WHERE i.settled_on IS NULL${where} GROUP BY i.customer_id`;
  return fromRows(
    stmt(sqlite, sql)
      .raw()
      .all(bindRanges(ranges, customerId === undefined ? {} : { cid: customerId })) as number[][],
    ranges.length,
  );
}

const OPEN_AS_OF = `(i.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.invoice_id = i.id AND a.date <= @d), 0))`;

/**
 * Open invoices as of D, rebuilt from allocation rows: only invoices issued on or before D that
 * are open now or were settled after D count. The whole book: as-of-book.ts (only what changed
 * after D is read). One customer: "amount − Σ allocations up to D" per invoice (a handful of
 * lookups).
 */
export function bucketSumsAsOf(
  sqlite: Sqlite,
  asOf: string,
  basis: 'due' | 'issue',
  ranges: readonly DateRange[],
  customerId?: number,
): CustomerSums {
  const n = ranges.length;
  if (customerId !== undefined) {
    const col = basis === 'issue' ? 'x.issue_date' : 'x.due_date';
    const inner = (cond: string) =>
      `SELECT i.customer_id AS cid, i.due_date AS due_date, i.issue_date AS issue_date, ${OPEN_AS_OF} AS o FROM invoices i WHERE ${cond} AND i.issue_date <= @d AND i.customer_id = @cid`;
    const sql = `SELECT x.cid AS cid, ${bucketColumns(n, col, 'x.o')}, SUM(CASE WHEN x.o < 0 THEN x.o ELSE 0 END) AS neg
      FROM (${inner('i.settled_on IS NULL')} UNION ALL ${inner('i.settled_on > @d')}) x
      WHERE x.o <> 0 GROUP BY x.cid`;
    return fromRows(
      stmt(sqlite, sql)
        .raw()
        .all(bindRanges(ranges, { d: asOf, cid: customerId })) as number[][],
      n,
    );
  }
  return bookSumsAsOf(sqlite, asOf, basis, ranges);
}

export interface CustomerCredit {
  cid: number;
  /** Unapplied receipts and credit notes (≥ 0 here; shown negative in reports). */
  credit: number;
}

/** Unapplied credits now (receipts and credit notes). */
export function creditsCurrent(sqlite: Sqlite, customerId?: number): CustomerCredit[] {
  const w = customerId === undefined ? '' : ' AND customer_id = @cid';
  const sql = `SELECT g.cid AS cid, SUM(g.u) AS credit FROM (
      SELECT customer_id AS cid, SUM(unapplied) AS u FROM receipts WHERE applied_on IS NULL${w} GROUP BY customer_id
      UNION ALL
      SELECT customer_id AS cid, SUM(unapplied) AS u FROM credit_notes WHERE applied_on IS NULL AND voided_at IS NULL${w} GROUP BY customer_id) g
    GROUP BY g.cid HAVING SUM(g.u) <> 0`;
  return stmt(sqlite, sql).all(customerId === undefined ? {} : { cid: customerId }) as CustomerCredit[];
}

/**
 * Unapplied credits as of D, rebuilt from allocation rows. Receipts: unapplied now + Σ
 * applications dated after D, for receipts dated on or before D still unapplied or applied
 * after D (both from covering indexes; a voided receipt is "applied" on its own date). Applied
 * after D and dated on or before it means applied after its own date: said outright, so that
 * SQLite reads the small index of those (receipts_applied_late, migration 0031) rather than every
 * receipt applied after D. Credit notes: their applications up to D from allocations_credit_note.
 */
export function creditsAsOf(sqlite: Sqlite, asOf: string, customerId?: number): CustomerCredit[] {
  const w = customerId === undefined ? '' : ' AND r.customer_id = @cid';
  // one customer: its receipts by customer and date, as before
  const late = customerId === undefined ? 'INDEXED BY receipts_applied_late ' : '';
  const after = (col: string) =>
    `COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.${col} = r.id AND a.date > @d), 0)`;
  const sql = `SELECT g.cid AS cid, SUM(g.u) AS credit FROM (
      SELECT r.customer_id AS cid, r.unapplied + ${after('receipt_id')} AS u FROM receipts r WHERE r.applied_on IS NULL AND r.date <= @d${w}
      UNION ALL
      SELECT r.customer_id AS cid, ${after('receipt_id')} AS u FROM receipts r ${late}WHERE r.applied_on > @d AND r.date <= @d AND r.applied_on > r.date${w}
      UNION ALL
      SELECT r.customer_id AS cid, r.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.credit_note_id = r.id AND a.date <= @d), 0) AS u
      FROM credit_notes r WHERE r.voided_at IS NULL AND r.date <= @d${w}) g
    GROUP BY g.cid HAVING SUM(g.u) <> 0`;
  return stmt(sqlite, sql).all(
    customerId === undefined ? { d: asOf } : { d: asOf, cid: customerId },
  ) as CustomerCredit[];
}

export interface OpenItemRow {
  id: number;
  number: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  open: number;
}

/** One customer's invoices with a non-zero open amount as of D (drill-down, ledger, statements). */
export function openItemsAsOf(sqlite: Sqlite, customerId: number, asOf: string, current: boolean): OpenItemRow[] {
  if (current) {
    return stmt(
      sqlite,
      `SELECT id, number, issue_date AS issueDate, due_date AS dueDate, amount, open_amount AS open
       FROM invoices WHERE customer_id = ? AND settled_on IS NULL ORDER BY due_date, issue_date, id`,
    ).all(customerId) as OpenItemRow[];
  }
  return stmt(
    sqlite,
    `SELECT * FROM (SELECT i.id AS id, i.number AS number, i.issue_date AS issueDate, i.due_date AS dueDate, i.amount AS amount, ${OPEN_AS_OF} AS open
       FROM invoices i WHERE i.customer_id = @cid AND i.issue_date <= @d AND (i.settled_on IS NULL OR i.settled_on > @d)) WHERE open <> 0
     ORDER BY dueDate, issueDate, id`,
  ).all({ cid: customerId, d: asOf }) as OpenItemRow[];
}
