// Refuses a document that would take its customer's or the book's gross totals past the caps of
// main/domain/book-limits.ts (#15 item 7), before anything is written.
import type Database from 'better-sqlite3';
import { serverError } from '../../../shared/messages/server-messages';
import { BOOK_GROSS_LIMIT_FEN, CUSTOMER_GROSS_LIMIT_FEN, grossLimitPassed } from '../../domain/book-limits';
import { grossTotals } from '../../db/receivables/gross';

export function assertGrossRoom(
  sqlite: Database.Database,
  customer: { id: number; code: string },
  add: number,
  field = 'amount',
): void {
  const passed = grossLimitPassed(grossTotals(sqlite, customer.id), add);
  if (passed === 'customer')
    throw serverError(
      'VALIDATION',
      'customer_gross_limit',
      { customer: customer.code, limitFen: CUSTOMER_GROSS_LIMIT_FEN },
      { field },
    );
  if (passed === 'book')
    throw serverError('VALIDATION', 'book_gross_limit', { limitFen: BOOK_GROSS_LIMIT_FEN }, { field });
}
