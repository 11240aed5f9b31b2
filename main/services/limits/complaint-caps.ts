// Refuses a complaint whose compensation or supplier claim would take a customer's or the book's
// sum past the caps of main/domain/book-limits.ts (#15 item 7), before anything is written,
// naming the field (messages in zh-CN and en: shared/messages/server-messages.ts).
import type Database from 'better-sqlite3';
import { serverError } from '../../../shared/messages/server-messages';
import { BOOK_COMPLAINT_MONEY_LIMIT_FEN, CUSTOMER_COMPLAINT_MONEY_LIMIT_FEN } from '../../domain/book-limits';
import { complaintMoneyTotals, type ComplaintMoney } from '../../db/limits/complaint-money';

const FIELDS = [
  ['compensation', 'customer_compensation_cap', 'book_compensation_cap'],
  ['supplierClaim', 'customer_supplier_claims_cap', 'book_supplier_claims_cap'],
] as const;

/** The complaint `complaintId` (null: a new one) of this customer will hold these amounts. */
export function assertComplaintMoneyRoom(
  sqlite: Database.Database,
  customer: { id: number; code: string },
  complaintId: number | null,
  amounts: { compensation: number; supplierClaim: number },
): void {
  if (amounts.compensation === 0 && amounts.supplierClaim === 0) return; // cannot raise a sum
  const totals = complaintMoneyTotals(sqlite, customer.id, complaintId);
  for (const [field, customerKey, bookKey] of FIELDS) {
    const add = BigInt(amounts[field]);
    const over = (sums: ComplaintMoney, limit: number) => add > 0n && sums[field] + add > BigInt(limit);
    if (over(totals.customer, CUSTOMER_COMPLAINT_MONEY_LIMIT_FEN))
      throw serverError(
        'VALIDATION',
        customerKey,
        { customer: customer.code, limitFen: CUSTOMER_COMPLAINT_MONEY_LIMIT_FEN },
        { field },
      );
    if (over(totals.book, BOOK_COMPLAINT_MONEY_LIMIT_FEN))
      throw serverError('VALIDATION', bookKey, { limitFen: BOOK_COMPLAINT_MONEY_LIMIT_FEN }, { field });
  }
}
