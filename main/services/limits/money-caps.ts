// Refuses a credit limit or a promise to pay that would pass the caps of
// main/domain/book-limits.ts (#15 item 7), before anything is written, naming the field.
import type Database from 'better-sqlite3';
import { serverError } from '../../../shared/messages/server-messages';
import {
  BOOK_CREDIT_LIMITS_FEN,
  BOOK_PROMISES_LIMIT_FEN,
  CREDIT_LIMIT_MAX_FEN,
  CUSTOMER_PROMISES_LIMIT_FEN,
} from '../../domain/book-limits';
import { creditLimitPeaks, creditLimitPeaksByCode, promiseTotals } from '../../db/limits/money-caps';

const big = (n: number) => BigInt(n);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

function limitTooLarge(limit: number, field: string, row?: number) {
  if (limit <= CREDIT_LIMIT_MAX_FEN) return null;
  return serverError(
    'VALIDATION',
    'credit_limit_max',
    { limitFen: CREDIT_LIMIT_MAX_FEN },
    { field, ...(row ? { rows: [{ row, field, message: `credit limit over the cap` }] } : {}) },
  );
}

function bookLimitsPassed(field: string) {
  return serverError('VALIDATION', 'book_credit_limits_cap', { limitFen: BOOK_CREDIT_LIMITS_FEN }, { field });
}

/** A customer (null: a new one) gets the credit limit `limit`. */
export function assertCreditLimitRoom(
  sqlite: Database.Database,
  customerId: number | null,
  limit: number,
  field = 'creditLimit',
): void {
  const tooLarge = limitTooLarge(limit, field);
  if (tooLarge) throw tooLarge;
  const peaks = creditLimitPeaks(sqlite, customerId);
  const after = peaks.book - peaks.customer + max(peaks.customer, big(limit));
  if (after > big(BOOK_CREDIT_LIMITS_FEN)) throw bookLimitsPassed(field);
}

/** An import sets these limits (by customer code; new customers have no peak yet). */
export function assertImportedLimitsRoom(
  sqlite: Database.Database,
  rows: readonly { row: number; code: string; limit: number }[],
): void {
  // a zero limit cannot raise the sum: only rows with a limit are looked up
  const peaks = creditLimitPeaksByCode(
    sqlite,
    rows.filter((r) => r.limit > 0).map((r) => r.code),
  );
  let book = creditLimitPeaks(sqlite, null).book;
  for (const r of rows) {
    const tooLarge = limitTooLarge(r.limit, 'credit_limit', r.row);
    if (tooLarge) throw tooLarge;
    const peak = peaks.get(r.code) ?? 0n;
    if (big(r.limit) > peak) {
      book += big(r.limit) - peak;
      peaks.set(r.code, big(r.limit));
    }
    if (book > big(BOOK_CREDIT_LIMITS_FEN))
      throw serverError(
        'VALIDATION',
        'book_credit_limits_cap',
        { limitFen: BOOK_CREDIT_LIMITS_FEN },
        { field: 'credit_limit', rows: [{ row: r.row, field: 'credit_limit', message: 'credit limits over the cap' }] },
      );
  }
}

/** New promises (one, or an import's rows) of these customers. */
export function assertPromiseRoom(
  sqlite: Database.Database,
  promises: readonly { customerId: number; customerCode: string; amount: number; row?: number }[],
  field = 'amount',
): void {
  const totals = promiseTotals(
    sqlite,
    promises.map((p) => p.customerId),
  );
  let book = totals.book;
  for (const p of promises) {
    const customer = totals.customers.get(p.customerId)! + big(p.amount);
    totals.customers.set(p.customerId, customer);
    book += big(p.amount);
    const rows = p.row ? { rows: [{ row: p.row, field, message: 'promises over the cap' }] } : {};
    if (customer > big(CUSTOMER_PROMISES_LIMIT_FEN))
      throw serverError(
        'VALIDATION',
        'customer_promises_cap',
        { customer: p.customerCode, limitFen: CUSTOMER_PROMISES_LIMIT_FEN },
        { field, ...rows },
      );
    if (book > big(BOOK_PROMISES_LIMIT_FEN))
      throw serverError('VALIDATION', 'book_promises_cap', { limitFen: BOOK_PROMISES_LIMIT_FEN }, { field, ...rows });
  }
}
