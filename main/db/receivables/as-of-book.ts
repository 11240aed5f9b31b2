// Whole-book ageing bucket sums as of a past date D, reading only the invoices open on D: issued
// on or before D and settled after D (or still open). The invoices_open_on index (migration
// 0018) is keyed by issue month, then settled-on, so each month up to D's is one seek to
// "settled after D" (json_each lists the months). An invoice's open amount on D is its amount
// when nothing was paid on or before D (paid_from, kept by triggers, is later or empty: most of
// them); otherwise amount − Σ its allocations up to D (allocations_invoice index). A positive
// amount goes to its bucket, a negative one to the customer's credit. Integer fen; per customer.
import type Database from 'better-sqlite3';
import type { CustomerSums, DateRange } from './as-of';
import { stmt } from './prepared';

type Sqlite = Database.Database;

/** Bucket index of a date column: ranges are contiguous and in bucket order (latest dates first). */
function bucketIndex(n: number, col: string): string {
  if (n === 1) return '0';
  const whens: string[] = [];
  for (let k = 0; k < n - 1; k++) whens.push(`WHEN ${col} >= @lo${k} THEN ${k}`);
  return `CASE ${whens.join(' ')} ELSE ${n - 1} END`;
}

function params(asOf: string, ranges: readonly DateRange[]): Record<string, string> {
  const p: Record<string, string> = { d: asOf };
  ranges.forEach((r, k) => (p[`lo${k}`] = r.lo));
  return p;
}

// One row of two JSON lists (key = customer id × n + bucket, open amount) instead of a row per
// customer: better-sqlite3 hands over a row array at several µs each, and SQLite's GROUP BY
// would sort the rows first; summing ~140,000 pairs in JavaScript costs a few ms. The greatest
// customer id comes along, so the pairs are summed in one pass by customer id.
function sqlFor(n: number, basis: 'due' | 'issue'): string {
  const col = basis === 'issue' ? 'issue_date' : 'due_date';
  return `SELECT json_group_array(i.customer_id * ${n} + ${bucketIndex(n, `i.${col}`)}),
           json_group_array(CASE WHEN i.paid_from IS NULL OR i.paid_from > @d THEN i.amount
             ELSE i.amount - (SELECT SUM(a.amount) FROM allocations a WHERE a.invoice_id = i.id AND a.date <= @d) END),
           max(i.customer_id)
      FROM invoices i INDEXED BY invoices_open_on
      WHERE substr(i.issue_date, 1, 7) IN (SELECT value FROM json_each(@months))
        AND coalesce(i.settled_on, '9999-12-31') > @d AND i.issue_date <= @d`;
}

/** Every issue month ('YYYY-MM') of the book up to D's, as a JSON list. */
export function monthsUpTo(sqlite: Sqlite, asOf: string): string {
  const first = stmt(sqlite, 'SELECT MIN(substr(issue_date, 1, 7)) FROM invoices INDEXED BY invoices_open_on')
    .pluck()
    .get() as string | null;
  const months: string[] = [];
  const last = asOf.slice(0, 7);
  if (first === null) return '[]';
  for (let y = Number(first.slice(0, 4)), m = Number(first.slice(5, 7)); ; m++) {
    if (m > 12) {
      y++;
      m = 1;
    }
    const ym = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
    if (ym > last) break;
    months.push(ym);
  }
  return JSON.stringify(months);
}

/** Per-customer bucket sums and over-credited amounts as of D for the whole book. */
export function bookSumsAsOf(
  sqlite: Sqlite,
  asOf: string,
  basis: 'due' | 'issue',
  ranges: readonly DateRange[],
): CustomerSums {
  const n = ranges.length;
  const [keysJson, openJson, maxCid] = stmt(sqlite, sqlFor(n, basis))
    .raw()
    .get({ ...params(asOf, ranges), months: monthsUpTo(sqlite, asOf) }) as [string, string, number | null];
  return sumByCustomer(JSON.parse(keysJson) as number[], JSON.parse(openJson) as number[], n, maxCid ?? -1);
}

/**
 * The pairs summed per customer (in id order): a positive open amount to its bucket, a negative
 * one to the customer's credit; a customer whose invoices are all 0 as of D (settled then, opened
 * again later) has no row. Two plain indexed loops — in a fresh process (the command line) each
 * loop runs a while before it is optimised, so fewer passes cost less than tighter ones.
 */
export function sumByCustomer(keys: number[], open: number[], n: number, maxCid: number): CustomerSums {
  if (maxCid > 4 * keys.length + 65_536) return sumBySlot(keys, open, n, maxCid); // ids far apart
  // by customer id (ids are small integers), each customer's n buckets and its credit; a
  // customer with any amount other than 0 is counted once (positive ones only add to a bucket,
  // negative ones to the credit, so it has a row), the output then made at its size
  const cellsById = new Float64Array((maxCid + 1) * n);
  const negById = new Float64Array(maxCid + 1);
  const seen = new Uint8Array(maxCid + 1);
  let count = 0;
  for (let i = 0; i < keys.length; i++) {
    const o = open[i];
    const key = keys[i];
    const c = Math.floor(key / n);
    if (o > 0) cellsById[key] += o;
    else if (o < 0) negById[c] += o;
    else continue;
    if (seen[c] === 0) {
      seen[c] = 1;
      count++;
    }
  }
  const cid = new Int32Array(count);
  const cells = new Float64Array(count * n);
  const neg = new Float64Array(count);
  for (let c = 0, j = 0; c <= maxCid; c++) {
    if (seen[c] === 0) continue;
    cid[j] = c;
    for (let k = 0; k < n; k++) cells[j * n + k] = cellsById[c * n + k];
    neg[j] = negById[c];
    j++;
  }
  return { cid, cells, neg };
}

/** sumByCustomer for ids far apart (few pairs, a large id): a slot per customer with pairs. */
function sumBySlot(keys: number[], open: number[], n: number, maxCid: number): CustomerSums {
  const slotOf = new Int32Array(maxCid + 1);
  for (let i = 0; i < keys.length; i++) slotOf[Math.floor(keys[i] / n)] = 1;
  const ids: number[] = [];
  for (let c = 0; c <= maxCid; c++) slotOf[c] = slotOf[c] === 1 ? ids.push(c) - 1 : -1;
  const cells = new Float64Array(ids.length * n);
  const neg = new Float64Array(ids.length);
  for (let i = 0; i < keys.length; i++) {
    const cid = Math.floor(keys[i] / n);
    const o = open[i];
    if (o > 0) cells[slotOf[cid] * n + (keys[i] - cid * n)] += o;
    else if (o < 0) neg[slotOf[cid]] += o;
  }
  const out: CustomerSums = { cid: new Int32Array(ids.length), cells: new Float64Array(ids.length * n), neg };
  let j = 0;
  for (let s = 0; s < ids.length; s++) {
    let any = neg[s] !== 0;
    for (let k = 0; k < n && !any; k++) any = cells[s * n + k] !== 0;
    if (!any) continue;
    out.cid[j] = ids[s];
    out.cells.set(cells.subarray(s * n, s * n + n), j * n);
    neg[j] = neg[s];
    j++;
  }
  return { cid: out.cid.slice(0, j), cells: out.cells.slice(0, j * n), neg: neg.slice(0, j) };
}
