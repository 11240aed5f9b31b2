// The new invoices' sums by month and customer, added up by a bulk writer as it writes them (an
// invoices import), for the kept monthly_sales (0012) when the bulk write's triggers are paused
// (kept-pause.ts). Summing a million rows again by SQL cost a 1M-invoice import ~2 s, most of it
// the sort of GROUP BY month, customer over substr(issue_date). Here each row is a key (month and
// customer as one exact double) and its amount in typed columns; the keys are sorted natively,
// once, and each amount is added to its key's place. Amounts are integer fen: sums of integers,
// exact below 2^53 (the gross limits keep a customer's total far below that).
import type Database from 'better-sqlite3';
import { atLeast } from '../typed-columns';
import { RowBatch, valueRows } from './row-batch';

type Sqlite = Database.Database;

/** Customer ids up to 2^31 − 1 and months (year × 12 + month) below 2^17 share one exact double key. */
const CUSTOMER_SPAN = 2 ** 31;

export class MonthlySums {
  private keys: Float64Array = new Float64Array(1 << 14);
  private amounts: Float64Array = new Float64Array(1 << 14);
  private n = 0;
  /** False once a row could not be keyed (an id past Int32): then the SQL sums everything. */
  usable = true;

  add(customerId: number, issueDate: string, amount: number): void {
    if (!this.usable) return;
    const year = Number(issueDate.slice(0, 4));
    const month = Number(issueDate.slice(5, 7));
    if (!(customerId > 0 && customerId < CUSTOMER_SPAN) || !(month >= 1 && month <= 12)) {
      this.usable = false;
      return;
    }
    if (this.n === this.keys.length) {
      this.keys = atLeast(this.keys, this.n + 1);
      this.amounts = atLeast(this.amounts, this.n + 1);
    }
    this.keys[this.n] = (year * 12 + month - 1) * CUSTOMER_SPAN + customerId;
    this.amounts[this.n++] = amount;
  }

  /** Adds the sums to monthly_sales in the table's key order (month, customer), many rows to a statement. */
  write(sqlite: Sqlite): void {
    const sorted = this.keys.slice(0, this.n).sort();
    let m = 0; // distinct keys, in order, at the front of `sorted`
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[m - 1]) sorted[m++] = sorted[i];
    const keys = sorted.subarray(0, m);
    const sums = new Float64Array(m);
    for (let i = 0; i < this.n; i++) sums[placeOf(keys, this.keys[i])] += this.amounts[i];
    const out = new RowBatch(
      sqlite,
      (rows) =>
        `INSERT INTO monthly_sales (customer_id, month, invoiced, credited) VALUES ${valueRows(rows, 4)}
         ON CONFLICT (customer_id, month) DO UPDATE SET invoiced = invoiced + excluded.invoiced`,
      4,
    );
    let monthKey = -1;
    let monthText = '';
    for (let j = 0; j < m; j++) {
      const month = Math.floor(keys[j] / CUSTOMER_SPAN);
      if (month !== monthKey) {
        monthKey = month;
        const mm = (month % 12) + 1;
        monthText = `${String(Math.floor(month / 12)).padStart(4, '0')}-${mm < 10 ? '0' : ''}${mm}`;
      }
      out.values.push(keys[j] - month * CUSTOMER_SPAN, monthText, sums[j], 0);
      out.end();
    }
    out.flush();
  }
}

/** Index of `key` in the sorted distinct `keys` (it is there). */
function placeOf(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
