// Customers "in dispute" (争议): an open complaint that disputes invoices, or a returned
// statement slip that disagrees. The dunning ladder pauses for them and statements show the
// disputed items. Filled in by the complaints area; until then nobody is in dispute.
import type { Book } from './connection';

/** Ids of customers in dispute as of `asOf` (YYYY-MM-DD). */
export function disputedCustomerIds(_book: Book, _asOf: string): Set<number> {
  return new Set();
}
