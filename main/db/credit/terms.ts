// A customer's cash-discount terms (现金折扣, e.g. 2/10 n/30) as stored by the credit area
// (credit_terms), for the statement's customer block and the credit tab.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';

export interface CashDiscountTerms {
  /** discount in basis points: 200 = 2 % */
  discountBp: number;
  discountDays: number;
  netDays: number;
}

export function cashDiscountTermsOf(sqlite: Database.Database, customerId: number): CashDiscountTerms | null {
  const r = stmt(
    sqlite,
    'SELECT discount_bp AS discountBp, discount_days AS discountDays, net_days AS netDays FROM credit_terms WHERE customer_id = ?',
  ).get(customerId) as CashDiscountTerms | undefined;
  return r ?? null;
}
