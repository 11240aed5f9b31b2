// Checks shared by the receivables services: writable customers, date fields. (Rows are read by
// main/db/receivables/rows.ts; the book's write queue is services/book-queue.ts.)
import type { CustomerLite } from '../../db/receivables/rows';
import { AppError } from '../../../shared/result';
import { isValidDate } from '../../domain/dates';

/** New documents: not for terminated customers (read-only) and, for invoices, not for prospects. */
export function assertWritable(c: CustomerLite, opts: { trading?: boolean } = {}): void {
  if (c.lifecycle === 'terminated') throw new AppError('FORBIDDEN', `customer ${c.code} is terminated and read-only`, { field: 'customerId' });
  if (opts.trading && c.lifecycle === 'prospect') {
    throw new AppError('VALIDATION', `customerId: customer ${c.code} is a prospect; approve the opening review (交易开始调查书) first`, { field: 'customerId' });
  }
}

export function assertDateField(v: string, field: string): void {
  if (!isValidDate(v)) throw new AppError('VALIDATION', `${field}: must be a date YYYY-MM-DD`, { field });
}
