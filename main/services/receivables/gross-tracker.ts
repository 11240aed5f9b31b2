// The import side of the gross caps (main/domain/book-limits.ts, #15 item 7): an import keeps
// the running gross of the book and of each customer it touches (read once, then added to row by
// row), so the row that would pass a cap is named, like any other bad row, and nothing is kept.
import type Database from 'better-sqlite3';
import { formatMoney } from '../../../shared/money';
import { BOOK_GROSS_LIMIT_FEN, CUSTOMER_GROSS_LIMIT_FEN, grossLimitPassed } from '../../domain/book-limits';
import { bookGross, bookHasNoDocuments, customerGross } from '../../db/receivables/gross';

export interface RowProblemSink {
  add(row: number, field: string, message: string, values?: Record<string, string | number>): void;
}

export class GrossTracker {
  private book: number;
  private readonly customers = new Map<number, number>();
  /** The book had no document when the import began: each customer's gross starts at 0. */
  private readonly fromZero: boolean;

  constructor(private readonly sqlite: Database.Database) {
    this.book = bookGross(sqlite);
    this.fromZero = bookHasNoDocuments(sqlite);
  }

  /** Adds the row's amount when it fits; otherwise records the problem and returns false. */
  take(
    p: RowProblemSink,
    row: number,
    customer: { id: number; code: string },
    amount: number,
    field = 'amount',
  ): boolean {
    let c = this.customers.get(customer.id);
    if (c === undefined) c = this.fromZero ? 0 : customerGross(this.sqlite, customer.id);
    const passed = grossLimitPassed({ customer: c, book: this.book }, amount);
    if (passed === 'customer') {
      p.add(row, field, 'customer_gross_limit', {
        customer: customer.code,
        limit: formatMoney(CUSTOMER_GROSS_LIMIT_FEN),
      });
      return false;
    }
    if (passed === 'book') {
      p.add(row, field, 'book_gross_limit', { limit: formatMoney(BOOK_GROSS_LIMIT_FEN) });
      return false;
    }
    this.customers.set(customer.id, c + amount);
    this.book += amount;
    return true;
  }
}
