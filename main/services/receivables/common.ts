// Checks shared by the receivables services: writable customers, date fields. (Rows are read by
import { serverError } from '../../../shared/messages/server-messages';
// main/db/receivables/rows.ts; the book's write queue is services/book-queue.ts.)
import type { CustomerLite } from '../../db/receivables/rows';
import { isValidDate } from '../../domain/dates';

/** New documents: not for terminated customers (read-only) and, for invoices, not for prospects. */
export function assertWritable(c: CustomerLite, opts: { trading?: boolean } = {}): void {
  if (c.lifecycle === 'terminated')
    throw serverError('FORBIDDEN', 'customer_terminated', { code: c.code }, { field: 'customerId', bare: true });
  if (opts.trading && c.lifecycle === 'prospect') {
    throw serverError('VALIDATION', 'customer_prospect', { code: c.code }, { field: 'customerId' });
  }
}

export function assertDateField(v: string, field: string): void {
  if (!isValidDate(v)) throw serverError('VALIDATION', 'not_a_date', {}, { field });
}
