// Whole-book ageing bucket sums as of a past date D, in one pass of SQL that touches only what
// changed after D. An invoice's open amount as of D is "open now + Σ its allocations dated after
// D" (an invoice settled on or before D is 0 as of D and never read). So:
//   1. every invoice open now and issued on or before D, at its open amount now, straight from
//      the covering open-invoice index (no join, no lookup);
//   2. plus, for each invoice with allocations after D (summed per invoice in invoice order from
//      the allocations_date range), the change that those allocations make: the invoice row is
//      looked up by id in ascending order (neighbouring pages), and only if it was issued on or
//      before D and is open now or settled after D.
// Part 2 is written as a correction of part 1 (a positive open amount goes to its bucket, a
// negative one to the customer's credit), so each invoice counts exactly once, with its open
// amount as of D, however the two parts split it. All in integer fen; grouped per customer.
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

const pos = (x: string) => `CASE WHEN ${x} > 0 THEN ${x} ELSE 0 END`;
const neg = (x: string) => `CASE WHEN ${x} < 0 THEN ${x} ELSE 0 END`;

function sqlFor(n: number, basis: 'due' | 'issue'): string {
  const col = basis === 'issue' ? 'issue_date' : 'due_date';
  const cells: string[] = [];
  for (let k = 0; k < n; k++) cells.push(`SUM(CASE WHEN x.b = ${k} THEN x.p ELSE 0 END)`);
  // "+invoice_id": read the date range of allocations_date, then group (not a walk of the whole
  // allocations_invoice index); the groups come out in invoice order
  return `WITH a (inv, s) AS (SELECT invoice_id, SUM(amount) FROM allocations WHERE date > @d GROUP BY +invoice_id)
    SELECT x.cid AS cid, ${cells.join(', ')}, SUM(x.n) AS neg FROM (
      SELECT customer_id AS cid, ${bucketIndex(n, col)} AS b, ${pos('open_amount')} AS p, ${neg('open_amount')} AS n
        FROM invoices INDEXED BY invoices_open WHERE settled_on IS NULL AND issue_date <= @d
      UNION ALL
      SELECT y.cid, y.b, ${pos('y.o')} - ${pos('y.now')}, ${neg('y.o')} - ${neg('y.now')} FROM (
        SELECT i.customer_id AS cid, ${bucketIndex(n, `i.${col}`)} AS b, i.open_amount + a.s AS o,
               CASE WHEN i.settled_on IS NULL THEN i.open_amount ELSE 0 END AS now
          FROM a JOIN invoices i ON i.id = a.inv
          WHERE i.issue_date <= @d AND (i.settled_on IS NULL OR i.settled_on > @d)) y
    ) x GROUP BY x.cid`;
}

/** Per-customer bucket sums and over-credited amounts as of D for the whole book. */
export function bookSumsAsOf(
  sqlite: Sqlite,
  asOf: string,
  basis: 'due' | 'issue',
  ranges: readonly DateRange[],
): CustomerSums {
  const n = ranges.length;
  const rows = stmt(sqlite, sqlFor(n, basis)).raw().all(params(asOf, ranges)) as number[][];
  const m = rows.length;
  const out: CustomerSums = { cid: new Int32Array(m), cells: new Float64Array(m * n), neg: new Float64Array(m) };
  let j = 0;
  for (const r of rows) {
    // a customer whose invoices are all 0 as of D (settled then, opened again later) has no row
    let any = r[n + 1] !== 0;
    for (let k = 0; k < n && !any; k++) any = r[k + 1] !== 0;
    if (!any) continue;
    out.cid[j] = r[0];
    for (let k = 0; k < n; k++) out.cells[j * n + k] = r[k + 1];
    out.neg[j] = r[n + 1];
    j++;
  }
  return { cid: out.cid.slice(0, j), cells: out.cells.slice(0, j * n), neg: out.neg.slice(0, j) };
}
