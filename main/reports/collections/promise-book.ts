// Promise statuses of the whole book as of a date (SPEC §5; issue #13: ≤ 1 s for 100k promises),
// worked out and handed over as columns. The promises come from narrow column scans
// (db/collections/promise-columns.ts) and are put in report order here — customers in code order,
// each one's promises by promised date, made-on date, entry — with a counting sort on the
// customer's code rank, then the kept amounts and the sharing-out of promise-status.ts decide the
// states. The result crosses from the report worker as a few arrays instead of one object per
// promise (structured clone of 100k row objects cost more than the report itself), and becomes
// rows only where they are used (promiseRowsOf).
import type { Book } from '../../db/connection';
import { bookPromiseColumns, type BookPromiseColumns } from '../../db/collections/promise-columns';
import type { KeptPromiseIn } from '../../db/collections/promises';
import type { PromiseStatusRow } from '../../../shared/types-collections';

/** Promise status rows as parallel arrays (row i is every array's element i), in report order. */
export type PromiseStatusColumns = { [K in keyof PromiseStatusRow]: PromiseStatusRow[K][] };

/** States of promises grouped by customer in sharing order (promise-status.ts statesWithKept). */
export type StatesOf = (
  promises: readonly KeptPromiseIn[],
  asOf: string,
) => { received: number[]; status: PromiseStatusRow['status'][] };

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
    const promises = Array.from(order, (i): KeptPromiseIn => ({
      id: cols.id[i],
      customerId: cols.customerId[i],
      madeOn: cols.madeOn[i],
      promisedOn: cols.promisedOn[i],
      amount: cols.amount[i],
      received: cols.kept[i],
    }));
    const { received, status } = statesOf(promises, asOf);
    const pick = <T>(xs: readonly T[]) => Array.from(order, (i) => xs[i]);
    const { code, name } = cols.customers;
    return {
      id: pick(cols.id),
      customerId: pick(cols.customerId),
      customerCode: Array.from(order, (i) => code[rank[i]]),
      customerName: Array.from(order, (i) => name[rank[i]]),
      madeOn: pick(cols.madeOn),
      promisedOn: pick(cols.promisedOn),
      amount: pick(cols.amount),
      received,
      status,
      promisedBy: pick(cols.promisedBy),
      form: pick(cols.form),
      collectionRecordId: pick(cols.collectionRecordId),
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
  const out = new Array<PromiseStatusRow>(c.id.length);
  for (let i = 0; i < out.length; i++)
    out[i] = {
      id: c.id[i],
      customerId: c.customerId[i],
      customerCode: c.customerCode[i],
      customerName: c.customerName[i],
      madeOn: c.madeOn[i],
      promisedOn: c.promisedOn[i],
      amount: c.amount[i],
      received: c.received[i],
      promisedBy: c.promisedBy[i],
      form: c.form[i],
      collectionRecordId: c.collectionRecordId[i],
      status: c.status[i],
    };
  return out;
}

/** Rows as columns (a narrow report, worked out as rows). */
export function promiseColumnsOf(rows: readonly PromiseStatusRow[]): PromiseStatusColumns {
  const col = <K extends keyof PromiseStatusRow>(k: K) => rows.map((r) => r[k]);
  return {
    id: col('id'),
    customerId: col('customerId'),
    customerCode: col('customerCode'),
    customerName: col('customerName'),
    madeOn: col('madeOn'),
    promisedOn: col('promisedOn'),
    amount: col('amount'),
    received: col('received'),
    status: col('status'),
    promisedBy: col('promisedBy'),
    form: col('form'),
    collectionRecordId: col('collectionRecordId'),
  };
}
