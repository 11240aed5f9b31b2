// Receivables hot paths on the raw better-sqlite3 connection: prepared statements for the
// per-document state (open amounts, unapplied credit, per-day totals), bulk writes for imports
// and the demo, and the set-based ageing queries over 1,000,000 invoices.
// The SQL is plain ANSI (no SQLite functions); it sits here because it drives better-sqlite3
// directly. Callers run it inside a transaction (kysely's or sqlite.transaction()).
import type Database from 'better-sqlite3';

type Sqlite = Database.Database;
type Stmt = Database.Statement;

const cache = new WeakMap<Sqlite, Map<string, Stmt>>();

/**
 * Runs a bulk write (an import of up to 1,000,000 rows) with a large page cache: its inserts
 * land all over the invoice / receipt / allocation indexes, and with SQLite's default 2 MB cache
 * most of them would reread an index page. The cache is put back (and its memory released)
 * afterwards, so the open book does not keep the memory.
 */
export async function withBulkCache<T>(sqlite: Sqlite, fn: () => Promise<T>): Promise<T> {
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  // 32 MiB: importing 1M invoices + 664k receipts takes the same time as with 128 MiB (31 s)
  // and peaks 60 MB lower (the import runs in the app's main process)
  sqlite.pragma('cache_size = -32768');
  try {
    return await fn();
  } finally {
    sqlite.pragma(`cache_size = ${Number(before)}`);
    sqlite.pragma('shrink_memory');
  }
}

/** A statement prepared once per connection. */
export function stmt(sqlite: Sqlite, sql: string): Stmt {
  let m = cache.get(sqlite);
  if (!m) {
    m = new Map();
    cache.set(sqlite, m);
  }
  let s = m.get(sql);
  if (!s) {
    s = sqlite.prepare(sql);
    m.set(sql, s);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Writes

export interface InvoiceInsert {
  customer_id: number;
  number: string;
  issue_date: string;
  due_date: string;
  amount: number;
  description: string | null;
  open_amount: number;
  settled_on: string | null;
  override_reason: string | null;
  source: string | null;
  created_at: string;
}

export function insertInvoice(sqlite: Sqlite, v: InvoiceInsert): number {
  const r = stmt(
    sqlite,
    `INSERT INTO invoices (customer_id, number, issue_date, due_date, amount, description, open_amount, settled_on, override_reason, source, created_at)
     VALUES (@customer_id, @number, @issue_date, @due_date, @amount, @description, @open_amount, @settled_on, @override_reason, @source, @created_at)`,
  ).run(v);
  return Number(r.lastInsertRowid);
}

export interface ReceiptInsert {
  customer_id: number;
  number: string | null;
  date: string;
  amount: number;
  method: string;
  reference: string | null;
  named_invoice_id: number | null;
  unapplied: number;
  applied_on: string | null;
  source: string | null;
  created_at: string;
}

export function insertReceipt(sqlite: Sqlite, v: ReceiptInsert): number {
  const r = stmt(
    sqlite,
    `INSERT INTO receipts (customer_id, number, date, amount, method, reference, named_invoice_id, unapplied, applied_on, source, created_at)
     VALUES (@customer_id, @number, @date, @amount, @method, @reference, @named_invoice_id, @unapplied, @applied_on, @source, @created_at)`,
  ).run(v);
  return Number(r.lastInsertRowid);
}

export interface AllocationInsert {
  invoice_id: number;
  receipt_id: number | null;
  credit_note_id: number | null;
  write_off_id: number | null;
  amount: number;
  date: string;
  kind: string;
  created_at: string;
}

export function insertAllocation(sqlite: Sqlite, v: AllocationInsert): number {
  const r = stmt(
    sqlite,
    `INSERT INTO allocations (invoice_id, receipt_id, credit_note_id, write_off_id, amount, date, kind, created_at)
     VALUES (@invoice_id, @receipt_id, @credit_note_id, @write_off_id, @amount, @date, @kind, @created_at)`,
  ).run(v);
  return Number(r.lastInsertRowid);
}

export function setInvoiceState(sqlite: Sqlite, id: number, open: number, settledOn: string | null): void {
  stmt(sqlite, 'UPDATE invoices SET open_amount = ?, settled_on = ? WHERE id = ?').run(open, settledOn, id);
}

/** Recomputes open_amount / settled_on of one invoice from its allocation rows. */
export function refreshInvoice(sqlite: Sqlite, id: number): { open: number; settledOn: string | null } {
  const r = stmt(
    sqlite,
    `SELECT i.amount AS amount, i.issue_date AS issue, i.voided_at AS voided,
            COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.invoice_id = i.id), 0) AS reduced,
            (SELECT MAX(a.date) FROM allocations a WHERE a.invoice_id = i.id) AS last
     FROM invoices i WHERE i.id = ?`,
  ).get(id) as { amount: number; issue: string; voided: string | null; reduced: number; last: string | null } | undefined;
  if (!r) throw new Error(`invoice ${id} not found`);
  const open = r.voided ? 0 : r.amount - r.reduced;
  const settledOn = r.voided ? r.issue : open === 0 ? (r.last ?? r.issue) : null;
  setInvoiceState(sqlite, id, open, settledOn);
  return { open, settledOn };
}

/** Recomputes unapplied / applied_on of a receipt or credit note from its allocation rows. */
export function refreshCredit(sqlite: Sqlite, table: 'receipts' | 'credit_notes', id: number): { unapplied: number; appliedOn: string | null } {
  const col = table === 'receipts' ? 'receipt_id' : 'credit_note_id';
  const r = stmt(
    sqlite,
    `SELECT c.amount AS amount, c.date AS date, c.voided_at AS voided,
            COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.${col} = c.id), 0) AS applied,
            (SELECT MAX(a.date) FROM allocations a WHERE a.${col} = c.id) AS last
     FROM ${table} c WHERE c.id = ?`,
  ).get(id) as { amount: number; date: string; voided: string | null; applied: number; last: string | null } | undefined;
  if (!r) throw new Error(`${table} ${id} not found`);
  const unapplied = r.voided ? 0 : r.amount - r.applied;
  const appliedOn = r.voided ? r.date : unapplied === 0 ? (r.last ?? r.date) : null;
  stmt(sqlite, `UPDATE ${table} SET unapplied = ?, applied_on = ? WHERE id = ?`).run(unapplied, appliedOn, id);
  return { unapplied, appliedOn };
}

export interface DailyDelta {
  invoiced?: number;
  received?: number;
  credited?: number;
  written_off?: number;
  invoices_n?: number;
  receipts_n?: number;
  credits_n?: number;
}

/** Adds to the per-day book totals (a zero delta still records the date as "in use"). */
export function bumpDaily(sqlite: Sqlite, date: string, d: DailyDelta): void {
  stmt(
    sqlite,
    `INSERT INTO ar_daily (date, invoiced, received, credited, written_off, invoices_n, receipts_n, credits_n)
     VALUES (@date, @invoiced, @received, @credited, @written_off, @invoices_n, @receipts_n, @credits_n)
     ON CONFLICT (date) DO UPDATE SET invoiced = invoiced + excluded.invoiced, received = received + excluded.received,
       credited = credited + excluded.credited, written_off = written_off + excluded.written_off,
       invoices_n = invoices_n + excluded.invoices_n, receipts_n = receipts_n + excluded.receipts_n, credits_n = credits_n + excluded.credits_n`,
  ).run({
    date,
    invoiced: d.invoiced ?? 0,
    received: d.received ?? 0,
    credited: d.credited ?? 0,
    written_off: d.written_off ?? 0,
    invoices_n: d.invoices_n ?? 0,
    receipts_n: d.receipts_n ?? 0,
    credits_n: d.credits_n ?? 0,
  });
}

/** Accumulates per-day deltas in memory for bulk writes; flush() writes them. */
export class DailyAccumulator {
  private readonly days = new Map<string, Required<DailyDelta>>();
  add(date: string, d: DailyDelta): void {
    let cur = this.days.get(date);
    if (!cur) {
      cur = { invoiced: 0, received: 0, credited: 0, written_off: 0, invoices_n: 0, receipts_n: 0, credits_n: 0 };
      this.days.set(date, cur);
    }
    for (const k of Object.keys(d) as (keyof DailyDelta)[]) cur[k] += d[k] ?? 0;
  }
  flush(sqlite: Sqlite): void {
    for (const [date, d] of this.days) bumpDaily(sqlite, date, d);
    this.days.clear();
  }
}

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
  for (let k = 0; k < n; k++) cols.push(`COALESCE(SUM(${openExpr}) FILTER (WHERE ${guard}${col} BETWEEN @lo${k} AND @hi${k}), 0) AS b${k}`);
  return cols.join(', ');
}

function bindRanges(ranges: readonly DateRange[], extra: Record<string, unknown>): Record<string, unknown> {
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
  const n = (stmt(sqlite, 'SELECT count(*) AS n FROM invoices WHERE settled_on IS NULL').get() as { n: number }).n;
  const snap: OpenSnapshot = { version, cid: new Int32Array(n), due: new Int32Array(n), issue: new Int32Array(n), open: new Float64Array(n) };
  let i = 0;
  const rows = stmt(sqlite, 'SELECT customer_id, due_date, issue_date, open_amount FROM invoices WHERE settled_on IS NULL ORDER BY customer_id').raw();
  for (const r of rows.iterate() as IterableIterator<[number, string, string, number]>) {
    if (i === n) break;
    snap.cid[i] = r[0];
    snap.due[i] = ymd(r[1]);
    snap.issue[i] = ymd(r[2]);
    snap.open[i] = r[3];
    i++;
  }
  if (i < n) return null; // cannot happen inside one read transaction; SQL then
  snapshots.set(sqlite, snap);
  return snap;
}

function sumsFromSnapshot(snap: OpenSnapshot, basis: 'due' | 'issue', ranges: readonly DateRange[]): CustomerSums {
  const nb = ranges.length;
  const lo = ranges.map((r) => ymd(r.lo));
  const dates = basis === 'issue' ? snap.issue : snap.due;
  let m = 0;
  for (let i = 0, cur = -1; i < snap.cid.length; i++) if (snap.cid[i] !== cur) (cur = snap.cid[i]), m++;
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
export function bucketSumsCurrent(sqlite: Sqlite, basis: 'due' | 'issue', ranges: readonly DateRange[], customerId?: number): CustomerSums {
  const snap = customerId === undefined ? openSnapshot(sqlite) : null;
  if (snap) return sumsFromSnapshot(snap, basis, ranges);
  const col = basis === 'issue' ? 'i.issue_date' : 'i.due_date';
  const where = customerId === undefined ? '' : ' AND i.customer_id = @cid';
  const sql = `SELECT i.customer_id AS cid, ${bucketColumns(ranges.length, col, 'i.open_amount', false)}, 0 AS neg
      FROM invoices i WHERE i.settled_on IS NULL${where} GROUP BY i.customer_id`;
  return fromRows(stmt(sqlite, sql).raw().all(bindRanges(ranges, customerId === undefined ? {} : { cid: customerId })) as number[][], ranges.length);
}

const OPEN_AS_OF = `(i.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.invoice_id = i.id AND a.date <= @d), 0))`;

/** Bucket index of a date column: ranges are contiguous and in bucket order (latest dates first). */
function bucketIndexExpr(n: number, col: string): string {
  if (n === 1) return '0';
  const whens: string[] = [];
  for (let k = 0; k < n - 1; k++) whens.push(`WHEN ${col} >= @lo${k} THEN ${k}`);
  return `CASE ${whens.join(' ')} ELSE ${n - 1} END`;
}

/**
 * Open invoices as of D, rebuilt from allocation rows: only invoices issued on or before D that
 * are open now or were settled after D count. For the whole book the open amount as of D is
 * "open now + Σ allocations dated after D" (one range of allocations_date, a few months of rows,
 * summed once per invoice) read beside the covering open / settled indexes, so no invoice row
 * and no per-invoice lookup is needed. One customer: "amount − Σ allocations up to D" per
 * invoice (a handful of lookups).
 */
export function bucketSumsAsOf(sqlite: Sqlite, asOf: string, basis: 'due' | 'issue', ranges: readonly DateRange[], customerId?: number): CustomerSums {
  const n = ranges.length;
  if (customerId !== undefined) {
    const col = basis === 'issue' ? 'x.issue_date' : 'x.due_date';
    const inner = (cond: string) =>
      `SELECT i.customer_id AS cid, i.due_date AS due_date, i.issue_date AS issue_date, ${OPEN_AS_OF} AS o FROM invoices i WHERE ${cond} AND i.issue_date <= @d AND i.customer_id = @cid`;
    const sql = `SELECT x.cid AS cid, ${bucketColumns(n, col, 'x.o')}, SUM(CASE WHEN x.o < 0 THEN x.o ELSE 0 END) AS neg
      FROM (${inner('i.settled_on IS NULL')} UNION ALL ${inner('i.settled_on > @d')}) x
      WHERE x.o <> 0 GROUP BY x.cid`;
    return fromRows(stmt(sqlite, sql).raw().all(bindRanges(ranges, { d: asOf, cid: customerId })) as number[][], n);
  }
  const col = basis === 'issue' ? 'i.issue_date' : 'i.due_date';
  const b = bucketIndexExpr(n, col);
  const cols: string[] = [];
  for (let k = 0; k < n; k++) cols.push(`SUM(CASE WHEN x.b = ${k} AND x.o > 0 THEN x.o ELSE 0 END)`);
  // "+invoice_id": group after reading the date range (not by walking allocations_invoice whole)
  const sql = `WITH d (inv, s) AS (SELECT invoice_id, SUM(amount) FROM allocations WHERE date > @d GROUP BY +invoice_id)
    SELECT x.cid AS cid, ${cols.join(', ')}, SUM(CASE WHEN x.o < 0 THEN x.o ELSE 0 END) AS neg
    FROM (SELECT i.customer_id AS cid, ${b} AS b, i.open_amount + COALESCE(d.s, 0) AS o
            FROM invoices i LEFT JOIN d ON d.inv = i.id WHERE i.settled_on IS NULL AND i.issue_date <= @d
          UNION ALL
          SELECT i.customer_id AS cid, ${b} AS b, d.s AS o
            FROM d JOIN invoices i ON i.id = d.inv WHERE i.settled_on > @d AND i.issue_date <= @d) x
    WHERE x.o <> 0 GROUP BY x.cid`;
  return fromRows(stmt(sqlite, sql).raw().all(bindRanges(ranges, { d: asOf })) as number[][], n);
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
 * after D (both from covering indexes; a voided receipt is "applied" on its own date).
 */
export function creditsAsOf(sqlite: Sqlite, asOf: string, customerId?: number): CustomerCredit[] {
  const w = customerId === undefined ? '' : ' AND r.customer_id = @cid';
  const after = (col: string) => `COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.${col} = r.id AND a.date > @d), 0)`;
  const sql = `SELECT g.cid AS cid, SUM(g.u) AS credit FROM (
      SELECT r.customer_id AS cid, r.unapplied + ${after('receipt_id')} AS u FROM receipts r WHERE r.applied_on IS NULL AND r.date <= @d${w}
      UNION ALL
      SELECT r.customer_id AS cid, ${after('receipt_id')} AS u FROM receipts r WHERE r.applied_on > @d AND r.date <= @d${w}
      UNION ALL
      SELECT r.customer_id AS cid, r.amount - COALESCE((SELECT SUM(a.amount) FROM allocations a WHERE a.credit_note_id = r.id AND a.date <= @d), 0) AS u
      FROM credit_notes r WHERE r.voided_at IS NULL AND r.date <= @d${w}) g
    GROUP BY g.cid HAVING SUM(g.u) <> 0`;
  return stmt(sqlite, sql).all(customerId === undefined ? { d: asOf } : { d: asOf, cid: customerId }) as CustomerCredit[];
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

// ---------------------------------------------------------------------------------------------
// Book totals per day

export interface DailyRow {
  date: string;
  invoiced: number;
  received: number;
  credited: number;
  written_off: number;
  invoices_n: number;
  receipts_n: number;
  credits_n: number;
}

export function dailyRows(sqlite: Sqlite): DailyRow[] {
  return stmt(sqlite, 'SELECT * FROM ar_daily ORDER BY date').all() as DailyRow[];
}

// ---------------------------------------------------------------------------------------------
// Bulk writes with ids chosen by the caller (demo book: state computed in memory first)

export function nextIds(sqlite: Sqlite): { invoice: number; receipt: number; creditNote: number; writeOff: number } {
  const one = (t: string) => (sqlite.prepare(`SELECT COALESCE(MAX(id), 0) + 1 AS n FROM ${t}`).get() as { n: number }).n;
  return { invoice: one('invoices'), receipt: one('receipts'), creditNote: one('credit_notes'), writeOff: one('write_offs') };
}

export function insertInvoiceWithId(sqlite: Sqlite, v: InvoiceInsert & { id: number }): void {
  stmt(
    sqlite,
    `INSERT INTO invoices (id, customer_id, number, issue_date, due_date, amount, description, open_amount, settled_on, override_reason, source, created_at)
     VALUES (@id, @customer_id, @number, @issue_date, @due_date, @amount, @description, @open_amount, @settled_on, @override_reason, @source, @created_at)`,
  ).run(v);
}

export function insertReceiptWithId(sqlite: Sqlite, v: ReceiptInsert & { id: number }): void {
  stmt(
    sqlite,
    `INSERT INTO receipts (id, customer_id, number, date, amount, method, reference, named_invoice_id, unapplied, applied_on, source, created_at)
     VALUES (@id, @customer_id, @number, @date, @amount, @method, @reference, @named_invoice_id, @unapplied, @applied_on, @source, @created_at)`,
  ).run(v);
}

export function insertCreditNoteWithId(
  sqlite: Sqlite,
  v: { id: number; customer_id: number; number: string; date: string; amount: number; kind: string; invoice_id: number | null; reason: string | null; unapplied: number; applied_on: string | null; created_at: string },
): void {
  stmt(
    sqlite,
    `INSERT INTO credit_notes (id, customer_id, number, date, amount, kind, invoice_id, reason, unapplied, applied_on, created_at)
     VALUES (@id, @customer_id, @number, @date, @amount, @kind, @invoice_id, @reason, @unapplied, @applied_on, @created_at)`,
  ).run(v);
}

export function insertWriteOffWithId(
  sqlite: Sqlite,
  v: { id: number; customer_id: number; invoice_id: number; date: string; amount: number; approved_by: string; reason: string; created_at: string },
): void {
  stmt(
    sqlite,
    `INSERT INTO write_offs (id, customer_id, invoice_id, date, amount, approved_by, reason, recovered, created_at)
     VALUES (@id, @customer_id, @invoice_id, @date, @amount, @approved_by, @reason, 0, @created_at)`,
  ).run(v);
}

export function insertNote(
  sqlite: Sqlite,
  v: { customer_id: number; number: string; kind: string; drawer: string; issue_date: string; maturity_date: string; amount: number; state: string; state_date: string; created_at: string },
): void {
  stmt(
    sqlite,
    `INSERT INTO notes_receivable (customer_id, number, kind, drawer, issue_date, maturity_date, amount, state, state_date, created_at)
     VALUES (@customer_id, @number, @kind, @drawer, @issue_date, @maturity_date, @amount, @state, @state_date, @created_at)`,
  ).run(v);
}

// ---------------------------------------------------------------------------------------------
// Customer names for reports: loaded once per connection and kept while the customers table's
// revision counter (foundation migration triggers) is unchanged; ranks give code order.

export interface CustomerDirectory {
  rev: number;
  rank: Map<number, number>;
  /** rank by customer id (-1: no such customer), for the report loops */
  rankById: Int32Array;
  id: number[];
  code: string[];
  name: string[];
  limit: number[];
}

const directories = new WeakMap<Sqlite, CustomerDirectory>();

export function customerDirectory(sqlite: Sqlite): CustomerDirectory {
  const rev = (stmt(sqlite, "SELECT rev FROM revisions WHERE name = 'customers'").get() as { rev: number } | undefined)?.rev ?? -1;
  const hit = directories.get(sqlite);
  if (hit && hit.rev === rev) return hit;
  const rows = stmt(sqlite, 'SELECT id, code, name, credit_limit FROM customers').raw().all() as [number, string, string, number][];
  rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  let maxId = 0;
  for (const r of rows) if (r[0] > maxId) maxId = r[0];
  const dir: CustomerDirectory = { rev, rank: new Map(), rankById: new Int32Array(maxId + 1).fill(-1), id: [], code: [], name: [], limit: [] };
  rows.forEach((r, i) => {
    dir.rank.set(r[0], i);
    dir.rankById[r[0]] = i;
    dir.id.push(r[0]);
    dir.code.push(r[1]);
    dir.name.push(r[2]);
    dir.limit.push(r[3]);
  });
  directories.set(sqlite, dir);
  return dir;
}

/** Book totals of the open invoices now: total, overdue as of `asOf`, sums per issue-date range. */
export function currentTotals(sqlite: Sqlite, asOf: string, issueRanges: readonly DateRange[]): { total: number; overdue: number; issue: number[] } {
  const cols = issueRanges.map((_, k) => `COALESCE(SUM(CASE WHEN issue_date >= @lo${k} AND issue_date <= @hi${k} THEN open_amount END), 0) AS b${k}`).join(', ');
  const r = stmt(
    sqlite,
    `SELECT COALESCE(SUM(open_amount), 0) AS total, COALESCE(SUM(CASE WHEN due_date < @d THEN open_amount END), 0) AS overdue, ${cols}
     FROM invoices WHERE settled_on IS NULL`,
  ).get(bindRanges(issueRanges, { d: asOf })) as Record<string, number>;
  return { total: r.total, overdue: r.overdue, issue: issueRanges.map((_, k) => r[`b${k}`]) };
}

/** Customers with the most overdue now (open invoices due before `asOf`). */
export function topOverdueCurrent(sqlite: Sqlite, asOf: string, limit: number): { cid: number; overdue: number }[] {
  return stmt(
    sqlite,
    `SELECT customer_id AS cid, SUM(open_amount) AS overdue FROM invoices WHERE settled_on IS NULL AND due_date < ?
     GROUP BY customer_id ORDER BY overdue DESC, customer_id LIMIT ?`,
  ).all(asOf, limit) as { cid: number; overdue: number }[];
}
