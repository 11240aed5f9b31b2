// Promise statuses as of a date (SPEC §5): the book's promises and receipts handed to the
// domain rule in one pass. Rows sorted by customer code, promised date, made-on date (then
// entry order); the SQL returns a narrow scope's in that order, the whole book's are read in
// columns and ordered by promise-book.ts.
// Speed (issue #13, ≤ 1 s for 100k promises): once a promise's window [made on, promised date +
// grace] has closed, its received amount is final (only receipts inside the window count, and only
// promises made inside it compete for them), so it is kept (migration 0022, kept by the triggers and
// services/collections/kept-promises.ts). As of D, a customer whose promises all closed before D
// and are all kept is read as kept; only the others (an open promise, or a write since the last
// refresh) get their receipts read and shared out.
import type { Book } from '../../db/connection';
import { collectionsSettings } from '../../db/collections-store';
import {
  promiseRowsInScope,
  customersWithEntriesAfter,
  promisesInScope,
  receiptsForPromises,
  type KeptPromiseIn,
  type PromiseScope,
} from '../../db/collections/promises';
import { addDays } from '../../domain/dates';
import { mergePromiseStates, receiptsByCustomer, type MergedStates } from '../../domain/promise-merge';
import type { PromiseIn, PromiseState } from '../../domain/promises';
import type { PromiseStatusRow } from '../../../shared/types-collections';
import { bookPromiseStatusColumns, type KeptList } from './promise-book';
import { promiseColumnsOf, promiseRowsOf, type PromiseStatusColumns } from './promise-status-columns';

export function promiseStatusRows(
  book: Book,
  scope: PromiseScope,
  graceDays = collectionsSettings(book.sqlite).promiseGraceDays,
): PromiseStatusRow[] {
  if (isWholeBook(scope)) return promiseRowsOf(promiseStatusColumns(book, scope, graceDays));
  const rows = promiseRowsInScope(book.sqlite, scope, graceDays);
  if (rows.length === 0) return [];
  // report order (code, promised date, made on, entry) is each customer's sharing order
  const { received, status } = statesWithKept(book, keptListOf(rows), scope, graceDays);
  const out = rows as PromiseStatusRow[];
  for (let i = 0; i < out.length; i++) {
    out[i].received = received[i];
    out[i].status = status[i];
  }
  return out;
}

/** The same report as columns (what the report worker hands over): the whole book's from column scans. */
export function promiseStatusColumns(
  book: Book,
  scope: PromiseScope,
  graceDays = collectionsSettings(book.sqlite).promiseGraceDays,
): PromiseStatusColumns {
  if (!isWholeBook(scope)) return promiseColumnsOf(promiseStatusRows(book, scope, graceDays));
  return bookPromiseStatusColumns(book, scope.asOf, graceDays, (promises) =>
    statesWithKept(book, promises, { asOf: scope.asOf }, graceDays),
  );
}

const isWholeBook = (s: PromiseScope) =>
  s.customerId === undefined && s.customerIds === undefined && s.promisedFrom === undefined;

/**
 * The states as of D of promises grouped by customer, each customer's in sharing order, from the
 * kept final amounts where they are the amounts as of D: for a customer whose promises all closed
 * before D, and for one with a promise still open but no receipt dated after D and no promise made
 * after D (the usual case as of today: the same receipts and promises shared out the same way).
 * The domain's sharing-out over their receipts for the others (only those become promise objects).
 */
function statesWithKept(book: Book, promises: KeptList, scope: PromiseScope, graceDays: number): MergedStates {
  const asOf = scope.asOf;
  const n = promises.length;
  const lastOf = new Map<string, string>();
  const last = new Array<string>(n);
  const work = new Set<number>();
  /** customers with every promise kept and one still open as of D */
  const open = new Set<number>();
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const cid = promises.customerId(i);
    if (i === 0 || promises.customerId(i - 1) !== cid) customers++;
    const p = promises.promisedOn(i);
    let l = graceDays === 0 ? p : lastOf.get(p);
    if (l === undefined) lastOf.set(p, (l = addDays(p, graceDays)));
    last[i] = l;
    if (promises.kept(i) < 0) work.add(cid);
    else if (asOf <= l) open.add(cid);
  }
  for (const cid of work) open.delete(cid);
  if (open.size > 0) for (const cid of customersWithEntriesAfter(book.sqlite, [...open], asOf)) work.add(cid);
  const received = new Array<number>(n);
  const status: MergedStates['status'] = new Array(n);
  const sub: PromiseIn[] = [];
  for (let i = 0; i < n; i++) {
    if (work.has(promises.customerId(i))) {
      sub.push(promises.promise(i));
      continue;
    }
    const r = (received[i] = promises.kept(i));
    // the domain's rule (promise-merge.ts) on the kept amount
    status[i] = r >= promises.amount(i) ? 'kept' : asOf <= last[i] ? 'pending' : r > 0 ? 'partly_kept' : 'broken';
  }
  if (work.size === 0) return { received, status };
  const all = work.size === customers;
  const narrowed: PromiseScope = all ? scope : { asOf, customerIds: [...work] };
  const merged = mergePromiseStates(
    sub,
    receiptsByCustomer(receiptsForPromises(book.sqlite, narrowed, graceDays)),
    asOf,
    graceDays,
  );
  for (let i = 0, j = 0; i < n; i++) {
    if (!all && !work.has(promises.customerId(i))) continue;
    received[i] = merged.received[j];
    status[i] = merged.status[j++];
  }
  return { received, status };
}

/** Rows with their kept amounts, read by position. */
const keptListOf = (rows: readonly KeptPromiseIn[]): KeptList => ({
  length: rows.length,
  customerId: (i) => rows[i].customerId,
  promisedOn: (i) => rows[i].promisedOn,
  amount: (i) => rows[i].amount,
  kept: (i) => rows[i].received,
  promise: (i) => rows[i],
});

/** A customer's promises as of D with their states (no names): what the dunning pause and the worklist need. */
export interface PromiseStates {
  promises: PromiseIn[];
  states: Map<number, PromiseState>;
  graceDays: number;
}

/**
 * The states of the promises of every customer with a promise still open on or after `openFrom`
 * (promised date ≥ openFrom − grace, made on or before D); null: of every customer. Only the
 * first can have a promise pending as of D (`openFrom` = D, the default).
 */
export function openPromiseStates(book: Book, asOf: string, openFrom: string | null = asOf): PromiseStates {
  const graceDays = collectionsSettings(book.sqlite).promiseGraceDays;
  const scope: PromiseScope = openFrom === null ? { asOf } : { asOf, promisedFrom: addDays(openFrom, -graceDays) };
  return promiseStatesInScope(book, scope, graceDays);
}

/** The states as of D of the promises in scope (whole customers: a state depends on its customer's other promises). */
export function promiseStatesInScope(book: Book, scope: PromiseScope, graceDays: number): PromiseStates {
  const promises = promisesInScope(book.sqlite, scope, graceDays);
  const states = new Map<number, PromiseState>();
  if (promises.length === 0) return { promises, states, graceDays };
  // promisesInScope comes in (customer, promised date, made on, entry) order: the sharing order
  const { received, status } = statesWithKept(book, keptListOf(promises), scope, graceDays);
  for (let i = 0; i < promises.length; i++) states.set(promises[i].id, { received: received[i], status: status[i] });
  return { promises, states, graceDays };
}

/** Customers with a promise still pending as of D (the dunning ladder pauses for them). */
export function customersWithPendingPromise(
  book: Book,
  asOf: string,
  open = openPromiseStates(book, asOf),
): Set<number> {
  const out = new Set<number>();
  for (const p of open.promises) if (open.states.get(p.id)!.status === 'pending') out.add(p.customerId);
  return out;
}
