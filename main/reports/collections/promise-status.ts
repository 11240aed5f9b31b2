// Promise statuses as of a date (SPEC §5): the book's promises and receipts handed to the
// domain rule. Rows sorted by customer code, promised date, made-on date (then entry order).
import type { Book } from '../../db/connection';
import {
  collectionsSettings,
  promisesInScope,
  receiptsForPromises,
  type PromiseScope,
} from '../../db/collections-store';
import { promiseStates } from '../../domain/promises';
import type { PromiseStatusRow } from '../../../shared/types-collections';

export function promiseStatusRows(
  book: Book,
  scope: PromiseScope,
  graceDays = collectionsSettings(book.sqlite).promiseGraceDays,
): PromiseStatusRow[] {
  const promises = promisesInScope(book.sqlite, scope);
  if (promises.length === 0) return [];
  const receipts = receiptsForPromises(book.sqlite, scope, graceDays);
  const states = promiseStates(promises, receipts, scope.asOf, graceDays);
  const rows: PromiseStatusRow[] = promises.map((p) => {
    const s = states.get(p.id)!;
    return { ...p, received: s.received, status: s.status };
  });
  return rows.sort(
    (a, b) =>
      cmp(a.customerCode, b.customerCode) || cmp(a.promisedOn, b.promisedOn) || cmp(a.madeOn, b.madeOn) || a.id - b.id,
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Customers with a promise still pending as of D (the dunning ladder pauses for them). */
export function customersWithPendingPromise(book: Book, asOf: string): Set<number> {
  const out = new Set<number>();
  for (const r of promiseStatusRows(book, { asOf })) if (r.status === 'pending') out.add(r.customerId);
  return out;
}
