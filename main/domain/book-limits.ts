// How large a book's money may grow (#15 item 7). Amounts are integer fen in JavaScript numbers,
// exact only up to 2^53 (about 9.007 × 10^15 fen). One document is capped at
// 999,999,999,999.99 yuan; without a cap on totals, ninety such documents would already make the
// ledger's running balance, the dashboard and the exports inexact. So the documents a customer
// and a book hold are capped too, far above any small business:
//
//   gross = Σ live invoices + Σ live receipts + Σ live credit notes + Σ notes receivable
//   a customer's gross ≤ 10^15 fen  (¥10,000,000,000,000.00, ten trillion yuan)
//   a book's gross     ≤ 2 × 10^15 fen
//
// Write-offs reduce invoices and never exceed them, so every signed sum the app forms (open
// amounts, running balances, exposure, bucket and book totals) stays within 2 × the book's
// gross ≤ 4 × 10^15 < 2^53: exact. A write that would pass a cap is refused naming the field.
import type { Fen } from '../../shared/money';

export const CUSTOMER_GROSS_LIMIT_FEN: Fen = 1_000_000_000_000_000;
export const BOOK_GROSS_LIMIT_FEN: Fen = 2_000_000_000_000_000;

export interface GrossTotals {
  customer: Fen;
  book: Fen;
}

/** Which cap adding `add` fen would pass, or null when it fits. */
export function grossLimitPassed(current: GrossTotals, add: Fen): 'customer' | 'book' | null {
  if (current.customer + add > CUSTOMER_GROSS_LIMIT_FEN) return 'customer';
  if (current.book + add > BOOK_GROSS_LIMIT_FEN) return 'book';
  return null;
}

// Credit limits and promises to pay are not documents, but the credit and collections screens
// add them up across customers too (the ageing page's limit column, promise totals in imports
// and collection runs). They get caps of their own, the same size:
//
//   a customer's credit limit            ≤ 10^15 fen (no limit above what its documents can hold)
//   Σ over customers of the largest limit each was decided (credit_limit_decisions)
//                                        ≤ 2 × 10^15 fen
//   Σ a customer's promise amounts       ≤ 10^15 fen;  Σ the book's promises ≤ 2 × 10^15 fen
//
// so every sum of limits or of promise amounts is below 2^53 and exact as a number.
export const CREDIT_LIMIT_MAX_FEN: Fen = CUSTOMER_GROSS_LIMIT_FEN;
export const BOOK_CREDIT_LIMITS_FEN: Fen = BOOK_GROSS_LIMIT_FEN;
export const CUSTOMER_PROMISES_LIMIT_FEN: Fen = CUSTOMER_GROSS_LIMIT_FEN;
export const BOOK_PROMISES_LIMIT_FEN: Fen = BOOK_GROSS_LIMIT_FEN;

// Complaints (投诉) carry money that the analysis (留档分析) adds up across complaints and
// customers: the compensation promised and the supplier claim-back. One complaint is capped at
// the per-document cap; their sums get the same caps as documents:
//
//   Σ a customer's compensation ≤ 10^15 fen;  Σ the book's compensation ≤ 2 × 10^15 fen
//   Σ a customer's supplier claims ≤ 10^15 fen;  Σ the book's supplier claims ≤ 2 × 10^15 fen
//
// so every compensation or claim total the complaints screens show is below 2^53 and exact.
export const CUSTOMER_COMPLAINT_MONEY_LIMIT_FEN: Fen = CUSTOMER_GROSS_LIMIT_FEN;
export const BOOK_COMPLAINT_MONEY_LIMIT_FEN: Fen = BOOK_GROSS_LIMIT_FEN;
