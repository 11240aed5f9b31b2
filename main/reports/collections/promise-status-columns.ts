// Promise status rows as columns: what the promise report job answers (reports/collections/jobs.ts)
// and what crosses from the report worker. Numbers are typed arrays (their buffers are transferred,
// not copied: no per-value decoding on the main thread, no garbage in the worker's small young
// generation); the texts that repeat are indexes into one small table; the customers' codes and
// names are indexes into the customer directory, which crosses once per revision
// (workers/report-client.ts keeps it). Rows are made only where they are used (promiseRowsOf).
import type { PromiseStatusRow } from '../../../shared/types-collections';
import { packNames, unpackNames, type CustomerNames, type PackedNames } from './customer-names';

/** Row i is every column's element i, in report order. */
export interface PromiseStatusColumns {
  id: Float64Array;
  customerId: Float64Array;
  /** the row's customer: an index into `customers` */
  customer: Int32Array;
  /**
   * Codes and names by index. A whole-book result indexes every customer in code order as of
   * revision `customersRev` (db/collections/promise-customers.ts); the worker leaves them out
   * when the main thread already has that revision.
   */
  customers?: PackedNames;
  /** the customers' revision `customer` indexes; −1: `customers` belongs to this result alone */
  customersRev: number;
  madeOn: Int32Array;
  promisedOn: Int32Array;
  status: Int32Array;
  promisedBy: Int32Array;
  form: Int32Array;
  /** the texts the five columns above index */
  texts: (string | null)[];
  /** fen */
  amount: Float64Array;
  /** fen */
  received: Float64Array;
  /** NaN: none */
  collectionRecordId: Float64Array;
}

/** Indexes of texts in one shared table. */
export function textTable(): { texts: (string | null)[]; index: (value: string | null) => number } {
  const texts: (string | null)[] = [];
  const at = new Map<string | null, number>();
  const index = (v: string | null) => {
    let k = at.get(v);
    if (k === undefined) at.set(v, (k = texts.push(v) - 1));
    return k;
  };
  return { texts, index };
}

/** The rows, in the order and with the keys the row report had. */
export function promiseRowsOf(c: PromiseStatusColumns): PromiseStatusRow[] {
  const out = new Array<PromiseStatusRow>(c.id.length);
  rowsInto(c, namesOf(c), out, 0, out.length);
  return out;
}

/** Rows made per turn of the event loop: a few ms each (the window's work runs in between). */
export const ROWS_PER_TURN = 10_000;

/** The same rows, made a slice per turn (a 100,000-row book's on the window's main thread). */
export async function promiseRowsInTurns(c: PromiseStatusColumns): Promise<PromiseStatusRow[]> {
  const out = new Array<PromiseStatusRow>(c.id.length);
  const names = namesOf(c);
  for (let at = 0; at < out.length; at += ROWS_PER_TURN) {
    if (at > 0) await new Promise((resolve) => setImmediate(resolve));
    rowsInto(c, names, out, at, Math.min(out.length, at + ROWS_PER_TURN));
  }
  return out;
}

function namesOf(c: PromiseStatusColumns): CustomerNames {
  if (!c.customers) throw new Error('promise statuses: customer names missing');
  return unpackNames(c.customers);
}

function rowsInto(c: PromiseStatusColumns, names: CustomerNames, out: PromiseStatusRow[], from: number, to: number) {
  const t = c.texts;
  for (let i = from; i < to; i++) {
    const k = c.customer[i];
    const record = c.collectionRecordId[i];
    out[i] = {
      id: c.id[i],
      customerId: c.customerId[i],
      customerCode: names.code[k],
      customerName: names.name[k],
      madeOn: t[c.madeOn[i]] as string,
      promisedOn: t[c.promisedOn[i]] as string,
      amount: c.amount[i],
      received: c.received[i],
      promisedBy: t[c.promisedBy[i]],
      form: t[c.form[i]] as string,
      collectionRecordId: Number.isNaN(record) ? null : record,
      status: t[c.status[i]] as PromiseStatusRow['status'],
    };
  }
}

/** Empty columns for n rows (filled by the caller). */
export function emptyPromiseColumns(n: number, customers: PackedNames | undefined, customersRev: number) {
  return {
    id: new Float64Array(n),
    customerId: new Float64Array(n),
    customer: new Int32Array(n),
    customers,
    customersRev,
    madeOn: new Int32Array(n),
    promisedOn: new Int32Array(n),
    status: new Int32Array(n),
    promisedBy: new Int32Array(n),
    form: new Int32Array(n),
    texts: [] as (string | null)[],
    amount: new Float64Array(n),
    received: new Float64Array(n),
    collectionRecordId: new Float64Array(n),
  } satisfies PromiseStatusColumns;
}

/** Rows as columns (a narrow report, worked out as rows): the rows' own codes and names go along. */
export function promiseColumnsOf(rows: readonly PromiseStatusRow[]): PromiseStatusColumns {
  const n = rows.length;
  const names: CustomerNames = { code: new Array<string>(n), name: new Array<string>(n) };
  const c = emptyPromiseColumns(n, undefined, -1);
  const { texts, index } = textTable();
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    c.id[i] = r.id;
    c.customerId[i] = r.customerId;
    c.customer[i] = i;
    names.code[i] = r.customerCode;
    names.name[i] = r.customerName;
    c.madeOn[i] = index(r.madeOn);
    c.promisedOn[i] = index(r.promisedOn);
    c.status[i] = index(r.status);
    c.promisedBy[i] = index(r.promisedBy);
    c.form[i] = index(r.form);
    c.amount[i] = r.amount;
    c.received[i] = r.received;
    c.collectionRecordId[i] = r.collectionRecordId ?? NaN;
  }
  c.texts = texts;
  c.customers = packNames(names);
  return c;
}

/** The columns' buffers, to transfer rather than copy to the main thread. */
export function promiseColumnBuffers(c: PromiseStatusColumns): ArrayBuffer[] {
  const cols = [c.id, c.customerId, c.customer, c.madeOn, c.promisedOn, c.status, c.promisedBy, c.form];
  return [...cols, c.amount, c.received, c.collectionRecordId].map((a) => a.buffer as ArrayBuffer);
}
