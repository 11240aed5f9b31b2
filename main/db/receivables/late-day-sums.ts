// The new receipt allocations' late days summed per customer by a bulk writer as it plans them
// (a receipts import), for the kept collection_late_days (0019) when the bulk write's triggers
// are paused (kept-pause.ts). Joining a 1.07M-allocation import's rows with their invoices again
// and grouping them by customer cost ~1.3 s of CPU at the resume; the import already holds each
// allocation's date and its invoice's due date. A day count is the day numbers' difference
// (domain/dates.ts: the proleptic Gregorian calendar, as SQLite's julianday), so it equals 0019's
// MAX(0, ROUND(julianday(date) − julianday(due_date))) for every valid date; sums are of integers,
// exact below 2^53.
import type Database from 'better-sqlite3';
import { atLeast } from '../typed-columns';
import { toDayNumber } from '../../domain/dates';
import { RowBatch, valueRows } from './row-batch';

type Sqlite = Database.Database;

export class LateDaySums {
  private customers: Float64Array = new Float64Array(1 << 12);
  private lateDays: Float64Array = new Float64Array(1 << 12);
  private counts: Float64Array = new Float64Array(1 << 12);
  private n = 0;
  /**
   * False once an allocation could not be summed here (a date the helpers refuse, customers not
   * in ascending order): then the SQL sums every allocation written, as without this.
   */
  usable = true;

  /**
   * One allocation of `amount` dated `date` to an invoice of `customerId` due `dueDate`, from a
   * receipt (0019 counts receipt allocations of a positive amount). Customers come in ascending
   * id order, each one's allocations together (an import plans customer by customer).
   */
  add(customerId: number, date: string, dueDate: string, amount: number): void {
    if (!this.usable || !(amount > 0)) return;
    let late: number;
    try {
      late = toDayNumber(date) - toDayNumber(dueDate);
    } catch {
      this.usable = false;
      return;
    }
    const last = this.n - 1;
    if (last < 0 || this.customers[last] !== customerId) {
      if (last >= 0 && customerId < this.customers[last]) {
        this.usable = false;
        return;
      }
      if (this.n === this.customers.length) {
        this.customers = atLeast(this.customers, this.n + 1);
        this.lateDays = atLeast(this.lateDays, this.n + 1);
        this.counts = atLeast(this.counts, this.n + 1);
      }
      this.customers[this.n++] = customerId;
    }
    if (late > 0) this.lateDays[this.n - 1] += late;
    this.counts[this.n - 1]++;
  }

  /** Adds the sums to collection_late_days in customer order, many rows to a statement (0019's add on conflict). */
  write(sqlite: Sqlite): void {
    const out = new RowBatch(
      sqlite,
      (rows) =>
        `INSERT INTO collection_late_days (customer_id, late_days, count) VALUES ${valueRows(rows, 3)}
         ON CONFLICT (customer_id) DO UPDATE SET late_days = late_days + excluded.late_days, count = count + excluded.count`,
      3,
    );
    for (let j = 0; j < this.n; j++) {
      out.values.push(this.customers[j], this.lateDays[j], this.counts[j]);
      out.end();
    }
    out.flush();
  }
}
