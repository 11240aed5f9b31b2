// Read-side figures of the complaints area: the fixed rows of `creditdesk complaints` and the
// raw figures of 留档分析 (counts and amounts by month, type, responsibility; top customers;
// days to resolve; supplier claim-backs outstanding). Reads the book; never writes.
import type { Book } from '../db/connection';
import { daysBetween } from '../domain/dates';
import type { ComplaintAnalysis, ComplaintAnalysisRow, ComplaintCliRow } from '../../shared/types-complaints';

function period(from?: string, to?: string): { sql: string; params: Record<string, string> } {
  const where: string[] = [];
  const params: Record<string, string> = {};
  if (from) {
    where.push('k.received_on >= @from');
    params.from = from;
  }
  if (to) {
    where.push('k.received_on <= @to');
    params.to = to;
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

/** Rows of `creditdesk complaints`, by received on then number; creditNote = the live linked credit note's number. */
export function complaintCliRows(book: Book, q: { from?: string; to?: string }): ComplaintCliRow[] {
  const p = period(q.from, q.to);
  return book.sqlite
    .prepare(
      `SELECT k.number, c.code AS customerCode, k.received_on AS receivedOn, k.type, k.status, k.responsibility, k.compensation,
         CASE WHEN n.voided_at IS NULL AND k.claim_voided_at IS NULL THEN n.number END AS creditNote
       FROM complaints k JOIN customers c ON c.id = k.customer_id LEFT JOIN credit_notes n ON n.id = k.credit_note_id
       ${p.sql} ORDER BY k.received_on, k.number`,
    )
    .all(p.params) as ComplaintCliRow[];
}

export function complaintAnalysis(book: Book, q: { from?: string; to?: string }): ComplaintAnalysis {
  const p = period(q.from, q.to);
  const raw = book.sqlite
    .prepare(
      `SELECT substr(k.received_on, 1, 7) AS month, k.type, k.responsibility, k.status, k.received_on AS receivedOn, k.resolved_on AS resolvedOn, k.compensation
       FROM complaints k ${p.sql}`,
    )
    .all(p.params) as {
    month: string;
    type: string;
    responsibility: string | null;
    status: string;
    receivedOn: string;
    resolvedOn: string | null;
    compensation: number;
  }[];
  const groups = new Map<string, ComplaintAnalysisRow>();
  for (const r of raw) {
    const key = `${r.month}|${r.type}|${r.responsibility ?? ''}|${r.status}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        month: r.month,
        type: r.type,
        responsibility: r.responsibility,
        status: r.status,
        count: 0,
        compensation: 0,
        resolveDays: 0,
        resolvedCount: 0,
      } as ComplaintAnalysisRow;
      groups.set(key, g);
    }
    g.count += 1;
    g.compensation += r.compensation;
    if (r.resolvedOn) {
      g.resolveDays += daysBetween(r.receivedOn, r.resolvedOn);
      g.resolvedCount += 1;
    }
  }
  const rows = [...groups.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const topCustomers = book.sqlite
    .prepare(
      `SELECT k.customer_id AS customerId, c.code AS customerCode, c.name AS customerName, count(*) AS count, sum(k.compensation) AS compensation
       FROM complaints k JOIN customers c ON c.id = k.customer_id ${p.sql}
       GROUP BY k.customer_id ORDER BY count DESC, compensation DESC, c.code LIMIT 10`,
    )
    .all(p.params) as ComplaintAnalysis['topCustomers'];
  const sc = book.sqlite
    .prepare(
      `SELECT coalesce(sum(CASE WHEN k.supplier_claim_status = 'claimed' THEN 1 ELSE 0 END), 0) AS outstandingCount,
              coalesce(sum(CASE WHEN k.supplier_claim_status = 'claimed' THEN k.supplier_claim ELSE 0 END), 0) AS outstandingAmount,
              coalesce(sum(CASE WHEN k.supplier_claim_status = 'recovered' THEN k.supplier_claim ELSE 0 END), 0) AS recoveredAmount
       FROM complaints k ${p.sql}`,
    )
    .get(p.params) as ComplaintAnalysis['supplierClaims'];
  return { from: q.from ?? null, to: q.to ?? null, rows, topCustomers, supplierClaims: sc };
}
