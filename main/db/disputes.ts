// Customers "in dispute" (争议): an open complaint that disputes invoices, or a returned
// statement slip that disagrees. The dunning ladder pauses for them and statements show the
// disputed items. Resolving (or closing) the complaint, or resolving the slip's disagreement,
// lifts the dispute from that day on.
import type { Book } from './connection';
import { stmt } from './receivables/prepared';

/** Ids of customers in dispute as of `asOf` (YYYY-MM-DD). */
export function disputedCustomerIds(book: Book, asOf: string): Set<number> {
  const rows = stmt(
    book.sqlite,
    `SELECT customer_id AS id FROM complaints
       WHERE disputes_invoices = 1 AND received_on <= @asOf
         AND (resolved_on IS NULL OR resolved_on > @asOf) AND (closed_on IS NULL OR closed_on > @asOf)
     UNION
     SELECT customer_id AS id FROM statement_confirmations
       WHERE result = 'disagrees' AND received_on <= @asOf AND (resolved_at IS NULL OR substr(resolved_at, 1, 10) > @asOf)`,
  ).all({ asOf }) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** Disagreeing statement slips of one customer not yet cleared as of asOf (for the statement's notes). */
export function openSlipDisputesOf(
  book: Pick<Book, 'sqlite'>,
  customerId: number,
  asOf: string,
): { receivedOn: string; periodTo: string; statedDifference: number | null; note: string | null }[] {
  return stmt(
    book.sqlite,
    `SELECT received_on AS receivedOn, period_to AS periodTo, stated_difference AS statedDifference, note FROM statement_confirmations
     WHERE customer_id = ? AND result = 'disagrees' AND received_on <= ? AND (resolved_at IS NULL OR substr(resolved_at, 1, 10) > ?)
     ORDER BY received_on, id`,
  ).all(customerId, asOf, asOf) as {
    receivedOn: string;
    periodTo: string;
    statedDifference: number | null;
    note: string | null;
  }[];
}

/** What puts each customer in dispute as of asOf: open disputing complaints (by number) and disagreeing slips (by received date). */
export function disputeSourcesByCustomer(
  book: Pick<Book, 'sqlite'>,
  asOf: string,
): Map<number, { complaints: string[]; slips: string[] }> {
  const rows = stmt(
    book.sqlite,
    `SELECT customer_id AS id, 'complaint' AS source, number AS ref FROM complaints
       WHERE disputes_invoices = 1 AND received_on <= @asOf
         AND (resolved_on IS NULL OR resolved_on > @asOf) AND (closed_on IS NULL OR closed_on > @asOf)
     UNION ALL
     SELECT customer_id AS id, 'slip' AS source, received_on AS ref FROM statement_confirmations
       WHERE result = 'disagrees' AND received_on <= @asOf AND (resolved_at IS NULL OR substr(resolved_at, 1, 10) > @asOf)
     ORDER BY id, source, ref`,
  ).all({ asOf }) as { id: number; source: 'complaint' | 'slip'; ref: string }[];
  const out = new Map<number, { complaints: string[]; slips: string[] }>();
  for (const r of rows) {
    const e = out.get(r.id) ?? { complaints: [], slips: [] };
    (r.source === 'complaint' ? e.complaints : e.slips).push(r.ref);
    out.set(r.id, e);
  }
  return out;
}
