// Promise statuses as of a date (SPEC §5): the book's promises and receipts handed to the
// domain rule in one pass. Rows sorted by customer code, promised date, made-on date (then
// entry order); the SQL returns them in that order.
import type { Book } from '../../db/connection';
import { collectionsSettings } from '../../db/collections-store';
import {
  promiseRowsInScope,
  promisesInScope,
  receiptsForPromises,
  type PromiseScope,
} from '../../db/collections/promises';
import { addDays } from '../../domain/dates';
import { mergePromiseStates, receiptsByCustomer } from '../../domain/promise-merge';
import type { PromiseIn, PromiseState } from '../../domain/promises';
import type { PromiseStatusRow } from '../../../shared/types-collections';

export function promiseStatusRows(
  book: Book,
  scope: PromiseScope,
  graceDays = collectionsSettings(book.sqlite).promiseGraceDays,
): PromiseStatusRow[] {
  const rows = promiseRowsInScope(book.sqlite, scope) as PromiseStatusRow[];
  if (rows.length === 0) return [];
  // report order (code, promised date, made on, entry) is each customer's sharing order
  const receipts = receiptsByCustomer(receiptsForPromises(book.sqlite, scope, graceDays));
  const { received, status } = mergePromiseStates(rows, receipts, scope.asOf, graceDays);
  for (let i = 0; i < rows.length; i++) {
    rows[i].received = received[i];
    rows[i].status = status[i];
  }
  return rows;
}

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
  const promises = promisesInScope(book.sqlite, scope);
  const states = new Map<number, PromiseState>();
  if (promises.length === 0) return { promises, states, graceDays };
  // promisesInScope comes in (customer, promised date, made on, entry) order: the sharing order
  const receipts = receiptsByCustomer(receiptsForPromises(book.sqlite, scope, graceDays));
  const { received, status } = mergePromiseStates(promises, receipts, scope.asOf, graceDays);
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
