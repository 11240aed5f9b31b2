// Promise statuses of the whole book as of a date (SPEC §5; issue #13: ≤ 1 s for 100k promises),
// worked out and handed over as columns. The promises come from column reads
// (db/collections/promise-columns.ts) and are put in report order here — customers in code order,
// each one's promises by promised date, made-on date, entry — with a counting sort on the
// customer's code rank, then the kept amounts and the sharing-out of promise-status.ts decide the
// states. The result crosses from the report worker as typed columns (promise-status-columns.ts)
// instead of one object per promise, and becomes rows only where they are used (promiseRowsOf).
import type { Book } from '../../db/connection';
import { bookPromiseColumns, type BookPromiseColumns } from '../../db/collections/promise-columns';
import { promiseCustomers } from '../../db/collections/promise-customers';
import type { PromiseIn } from '../../domain/promises';
import type { PromiseStatusRow } from '../../../shared/types-collections';
import { emptyPromiseColumns, textTable, type PromiseStatusColumns } from './promise-status-columns';

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
    // the customers in code order, kept per connection (a revision crosses to the main thread once)
    const customers = promiseCustomers(sqlite);
    const order = reportOrder(cols, customers);
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
    const n = order.length;
    const out = emptyPromiseColumns(n, customers.names, customers.rev);
    const { texts, index } = textTable();
    for (let k = 0; k < n; k++) {
      const i = order[k];
      const cid = cols.customerId[i];
      out.id[k] = cols.id[i];
      out.customerId[k] = cid;
      out.customer[k] = customers.rankById[cid];
      out.madeOn[k] = index(cols.madeOn[i]);
      out.promisedOn[k] = index(cols.promisedOn[i]);
      out.amount[k] = cols.amount[i];
      out.received[k] = received[k];
      out.status[k] = index(status[k]);
      out.promisedBy[k] = index(cols.promisedBy[i]);
      out.form[k] = index(cols.form[i]);
      out.collectionRecordId[k] = cols.collectionRecordId[i] ?? NaN;
    }
    out.texts = texts;
    return out;
  };
  // one snapshot: the columns and the receipts shared out among the open promises
  return sqlite.inTransaction ? read() : sqlite.transaction(read)();
}

/**
 * The promises' indexes in report order (a counting sort on the customer's code rank). A promise
 * whose customer is not in the directory is left out (the join on customers left it out too).
 */
function reportOrder(cols: BookPromiseColumns, ranks: { rankById: Int32Array; count: number }): Int32Array {
  const { rankById, count } = ranks;
  const n = cols.id.length;
  const rank = new Int32Array(n);
  const start = new Int32Array(count + 1);
  let listed = 0;
  for (let i = 0; i < n; i++) {
    const cid = cols.customerId[i];
    const r = (rank[i] = cid < rankById.length ? rankById[cid] : -1);
    if (r >= 0) {
      start[r + 1]++;
      listed++;
    }
  }
  for (let r = 0; r < count; r++) start[r + 1] += start[r];
  const next = start.slice(0, count);
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
  for (let r = 0; r < count; r++) {
    const from = start[r];
    const to = start[r + 1];
    if (to - from > 1) order.subarray(from, to).sort(sharingOrder);
  }
  return order;
}
