// Promise statuses of the whole book as of a date (SPEC §5; issue #13: ≤ 1 s for 100k promises),
// worked out and handed over as columns. The promises come from column reads
// (db/collections/promise-columns.ts) and are put in report order here — customers in code order,
// each one's promises by promised date, made-on date, entry — with a counting sort on the
// customer's code rank, then the kept amounts and the sharing-out of promise-status.ts decide the
// states. The result crosses from the report worker as a few arrays instead of one object per
// promise (structured clone of 100k row objects cost more than the report itself), and becomes
// rows only where they are used (promiseRowsOf).
import type { Book } from '../../db/connection';
import { bookPromiseColumns, type BookPromiseColumns } from '../../db/collections/promise-columns';
import type { PromiseIn } from '../../domain/promises';
import type { PromiseStatusRow } from '../../../shared/types-collections';

type TextKey = 'madeOn' | 'promisedOn' | 'status' | 'promisedBy' | 'form';

/**
 * Promise status rows as parallel arrays (row i is every array's element i), in report order. The
 * texts that repeat (dates, status, who promised, form) are indexes into `texts`: a few hundred
 * strings cross instead of 500,000, and the rows share them.
 */
export type PromiseStatusColumns = { [K in Exclude<keyof PromiseStatusRow, TextKey>]: PromiseStatusRow[K][] } & {
  [K in TextKey]: Int32Array;
} & { texts: (string | null)[] };

/** Indexes of texts in one shared table. */
function textTable(): { texts: (string | null)[]; index: (values: ArrayLike<string | null>) => Int32Array } {
  const texts: (string | null)[] = [];
  const at = new Map<string | null, number>();
  const index = (values: ArrayLike<string | null>) => {
    const out = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      let k = at.get(v);
      if (k === undefined) at.set(v, (k = texts.push(v) - 1));
      out[i] = k;
    }
    return out;
  };
  return { texts, index };
}

/** Promises grouped by customer in sharing order with their kept amounts (−1: none), read by position. */
export interface KeptList {
  length: number;
  customerId(i: number): number;
  promisedOn(i: number): string;
  amount(i: number): number;
  kept(i: number): number;
  /** the promise itself (made only for the customers whose receipts are shared out) */
  promise(i: number): PromiseIn;
}

/** The states of such promises as of D (promise-status.ts statesWithKept). */
export type StatesOf = (promises: KeptList) => { received: number[]; status: PromiseStatusRow['status'][] };

/** The whole book's promise statuses as of D, in report order. */
export function bookPromiseStatusColumns(
  book: Book,
  asOf: string,
  graceDays: number,
  statesOf: StatesOf,
): PromiseStatusColumns {
  const sqlite = book.sqlite;
  const read = () => {
    const cols = bookPromiseColumns(sqlite, asOf, graceDays);
    const { order, rank } = reportOrder(cols);
    const promises: KeptList = {
      length: order.length,
      customerId: (k) => cols.customerId[order[k]],
      promisedOn: (k) => cols.promisedOn[order[k]],
      amount: (k) => cols.amount[order[k]],
      kept: (k) => cols.kept[order[k]],
      promise: (k) => {
        const i = order[k];
        const { id, customerId, madeOn, promisedOn, amount } = cols;
        return {
          id: id[i],
          customerId: customerId[i],
          madeOn: madeOn[i],
          promisedOn: promisedOn[i],
          amount: amount[i],
        };
      },
    };
    const { received, status } = statesOf(promises);
    const pick = <T>(xs: readonly T[]) => Array.from(order, (i) => xs[i]);
    const { code, name } = cols.customers;
    const { texts, index } = textTable();
    return {
      id: pick(cols.id),
      customerId: pick(cols.customerId),
      customerCode: Array.from(order, (i) => code[rank[i]]),
      customerName: Array.from(order, (i) => name[rank[i]]),
      madeOn: index(pick(cols.madeOn)),
      promisedOn: index(pick(cols.promisedOn)),
      amount: pick(cols.amount),
      received,
      status: index(status),
      promisedBy: index(pick(cols.promisedBy)),
      form: index(pick(cols.form)),
      collectionRecordId: pick(cols.collectionRecordId),
      texts,
    };
  };
  // one snapshot: the columns and the receipts shared out among the open promises
  return sqlite.inTransaction ? read() : sqlite.transaction(read)();
}

/**
 * The promises' indexes in report order, and each promise's customer code rank. A promise whose
 * customer is not in the directory is left out (the join on customers left it out too).
 */
function reportOrder(cols: BookPromiseColumns): { order: Int32Array; rank: Int32Array } {
  const ids = cols.customers.id;
  let maxId = 0;
  for (const id of ids) if (id > maxId) maxId = id;
  const rankById = new Int32Array(maxId + 1).fill(-1);
  for (let r = 0; r < ids.length; r++) rankById[ids[r]] = r;
  const n = cols.id.length;
  const rank = new Int32Array(n);
  const start = new Int32Array(ids.length + 1);
  let listed = 0;
  for (let i = 0; i < n; i++) {
    const cid = cols.customerId[i];
    const r = (rank[i] = cid <= maxId ? rankById[cid] : -1);
    if (r >= 0) {
      start[r + 1]++;
      listed++;
    }
  }
  for (let r = 0; r < ids.length; r++) start[r + 1] += start[r];
  const next = start.slice(0, ids.length);
  const order = new Int32Array(listed);
  for (let i = 0; i < n; i++) if (rank[i] >= 0) order[next[rank[i]]++] = i;
  const { promisedOn, madeOn, id } = cols;
  const sharingOrder = (a: number, b: number) =>
    promisedOn[a] !== promisedOn[b]
      ? promisedOn[a] < promisedOn[b]
        ? -1
        : 1
      : madeOn[a] !== madeOn[b]
        ? madeOn[a] < madeOn[b]
          ? -1
          : 1
        : id[a] - id[b];
  for (let r = 0; r < ids.length; r++) {
    const from = start[r];
    const to = start[r + 1];
    if (to - from > 1) order.subarray(from, to).sort(sharingOrder);
  }
  return { order, rank };
}

/** The rows, in the order and with the keys the row report had. */
export function promiseRowsOf(c: PromiseStatusColumns): PromiseStatusRow[] {
  const t = c.texts;
  const out = new Array<PromiseStatusRow>(c.id.length);
  for (let i = 0; i < out.length; i++)
    out[i] = {
      id: c.id[i],
      customerId: c.customerId[i],
      customerCode: c.customerCode[i],
      customerName: c.customerName[i],
      madeOn: t[c.madeOn[i]] as string,
      promisedOn: t[c.promisedOn[i]] as string,
      amount: c.amount[i],
      received: c.received[i],
      promisedBy: t[c.promisedBy[i]],
      form: t[c.form[i]] as string,
      collectionRecordId: c.collectionRecordId[i],
      status: t[c.status[i]] as PromiseStatusRow['status'],
    };
  return out;
}

/** Rows as columns (a narrow report, worked out as rows). */
export function promiseColumnsOf(rows: readonly PromiseStatusRow[]): PromiseStatusColumns {
  const { texts, index } = textTable();
  const col = <K extends keyof PromiseStatusRow>(k: K) => rows.map((r) => r[k]);
  const text = (k: TextKey) => index(col(k));
  return {
    id: col('id'),
    customerId: col('customerId'),
    customerCode: col('customerCode'),
    customerName: col('customerName'),
    madeOn: text('madeOn'),
    promisedOn: text('promisedOn'),
    amount: col('amount'),
    received: col('received'),
    status: text('status'),
    promisedBy: text('promisedBy'),
    form: text('form'),
    collectionRecordId: col('collectionRecordId'),
    texts,
  };
}
