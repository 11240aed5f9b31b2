// The receipts of an import file and the allocations planned for them, held as growable typed
// columns (a few bytes a row, not an object a row) between reading the file, applying it by the
// SPEC rule customer by customer, and writing it: each receipt is written once, with what the
// application left of it (an insert and then an update of every receipt cost a sixth of a
// 664k-receipt import), and the allocations after the receipts, in the order they were planned.
// Amounts are integer fen kept in Float64Array only because they can pass Int32's range: a double
// holds every integer up to 2^53 exactly, and only integer sums and differences are made of them.
import { atLeast } from '../../db/typed-columns';

/** Dates as small numbers (a file holds a few thousand distinct dates). */
class DateTable {
  readonly dates: string[] = [];
  private readonly index = new Map<string, number>();
  of(date: string): number {
    let d = this.index.get(date);
    if (d === undefined) {
      d = this.dates.push(date) - 1;
      this.index.set(date, d);
    }
    return d;
  }
}

export interface ReceiptRow {
  cid: number;
  date: string;
  amount: number;
  named: number | null;
  method: string;
  reference: string | null;
}

/** The good rows of a receipts file, in file order, and what the application leaves of each. */
export class ReceiptColumns {
  length = 0;
  cid = new Int32Array(1 << 14);
  date = new Int32Array(1 << 14); // index into `dates`
  amount = new Float64Array(1 << 14);
  named = new Float64Array(1 << 14); // 0: none (invoice ids start at 1)
  method = new Uint8Array(1 << 14); // index into `methods`
  unapplied = new Float64Array(1 << 14);
  appliedOn = new Int32Array(1 << 14); // index into `dates`, -1: not fully applied
  readonly references: (string | null)[] = [];
  private readonly methods: string[] = [];
  readonly dateTable = new DateTable();

  push(r: ReceiptRow): void {
    if (this.length === this.cid.length) {
      const n = this.length + 1;
      this.cid = atLeast(this.cid, n);
      this.date = atLeast(this.date, n);
      this.amount = atLeast(this.amount, n);
      this.named = atLeast(this.named, n);
      this.method = atLeast(this.method, n);
      this.unapplied = atLeast(this.unapplied, n);
      this.appliedOn = atLeast(this.appliedOn, n);
    }
    let m = this.methods.indexOf(r.method);
    if (m < 0) m = this.methods.push(r.method) - 1;
    const i = this.length++;
    this.cid[i] = r.cid;
    this.date[i] = this.dateTable.of(r.date);
    this.amount[i] = r.amount;
    this.named[i] = r.named ?? 0;
    this.method[i] = m;
    this.unapplied[i] = r.amount; // as written until the application says otherwise
    this.appliedOn[i] = -1;
    this.references.push(r.reference);
  }

  dateOf(i: number): string {
    return this.dateTable.dates[this.date[i]];
  }
  methodOf(i: number): string {
    return this.methods[this.method[i]];
  }
  appliedOnOf(i: number): string | null {
    return this.appliedOn[i] < 0 ? null : this.dateTable.dates[this.appliedOn[i]];
  }
  setApplied(i: number, unapplied: number, appliedOn: string | null): void {
    this.unapplied[i] = unapplied;
    this.appliedOn[i] = appliedOn === null ? -1 : this.dateTable.of(appliedOn);
  }

  /** Row indexes grouped by customer (ascending id), file order within each customer. */
  byCustomer(): { order: Int32Array; start: Int32Array; customers: Int32Array } {
    let maxCid = 0;
    for (let i = 0; i < this.length; i++) if (this.cid[i] > maxCid) maxCid = this.cid[i];
    const count = new Int32Array(maxCid + 2);
    for (let i = 0; i < this.length; i++) count[this.cid[i] + 1]++;
    for (let c = 1; c < count.length; c++) count[c] += count[c - 1];
    const start = count.slice(); // start[c]..start[c + 1]: customer c's rows
    const order = new Int32Array(this.length);
    const next = count;
    for (let i = 0; i < this.length; i++) order[next[this.cid[i]]++] = i;
    const customers: number[] = [];
    for (let c = 0; c <= maxCid; c++) if (start[c + 1] > start[c]) customers.push(c);
    return { order, start, customers: Int32Array.from(customers) };
  }
}

export const ALLOCATION_KINDS = ['named', 'auto'] as const;

/** The allocations planned for the receipts (by receipt row index), in the order planned. */
export class PlannedAllocations {
  length = 0;
  receipt = new Int32Array(1 << 14);
  invoice = new Float64Array(1 << 14);
  amount = new Float64Array(1 << 14);
  date = new Int32Array(1 << 14); // index into the receipts' date table
  kind = new Uint8Array(1 << 14); // index into ALLOCATION_KINDS

  push(receipt: number, invoice: number, amount: number, date: number, kind: string): void {
    const k = ALLOCATION_KINDS.indexOf(kind as (typeof ALLOCATION_KINDS)[number]);
    if (k < 0) throw new Error(`unexpected allocation kind ${kind}`);
    if (this.length === this.receipt.length) {
      const n = this.length + 1;
      this.receipt = atLeast(this.receipt, n);
      this.invoice = atLeast(this.invoice, n);
      this.amount = atLeast(this.amount, n);
      this.date = atLeast(this.date, n);
      this.kind = atLeast(this.kind, n);
    }
    const i = this.length++;
    this.receipt[i] = receipt;
    this.invoice[i] = invoice;
    this.amount[i] = amount;
    this.date[i] = date;
    this.kind[i] = k;
  }
}
