// Σ compensation and Σ supplier claims of the complaints, for the caps of
// main/domain/book-limits.ts, read as BigInt (safeIntegers) so the check is exact even for a book
// written before the caps.
import type Database from 'better-sqlite3';

export interface ComplaintMoney {
  compensation: bigint;
  supplierClaim: bigint;
}

const SUMS = 'COALESCE(SUM(compensation), 0) AS compensation, COALESCE(SUM(supplier_claim), 0) AS supplierClaim';

/** One customer's and the book's sums, leaving out complaint `exceptId` (the one being edited). */
export function complaintMoneyTotals(
  sqlite: Database.Database,
  customerId: number,
  exceptId: number | null,
): { customer: ComplaintMoney; book: ComplaintMoney } {
  const except = exceptId ?? 0; // ids start at 1
  const customer = sqlite
    .prepare(`SELECT ${SUMS} FROM complaints WHERE customer_id = ? AND id <> ?`)
    .safeIntegers(true)
    .get(customerId, except) as ComplaintMoney;
  const book = sqlite
    .prepare(`SELECT ${SUMS} FROM complaints WHERE id <> ?`)
    .safeIntegers(true)
    .get(except) as ComplaintMoney;
  return { customer, book };
}
