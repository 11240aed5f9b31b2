// Read-side figures of the complaints area: the fixed rows of `creditdesk complaints` and the
// raw figures of 留档分析 (counts and amounts by month, type, responsibility; top customers;
// days to resolve; supplier claim-backs outstanding). Reads the book; never writes.
import type { Book } from '../db/connection';
import { daysBetween } from '../domain/dates';
import { complaintCliRows as cliRows, complaintFigures } from '../db/complaints-reports';
import type { ComplaintAnalysis, ComplaintAnalysisRow, ComplaintCliRow } from '../../shared/types-complaints';

/** Rows of `creditdesk complaints`, by received on then number; creditNote = the live linked credit note's number. */
export function complaintCliRows(book: Book, q: { from?: string; to?: string }): ComplaintCliRow[] {
  return cliRows(book.sqlite, q);
}

export function complaintAnalysis(book: Book, q: { from?: string; to?: string }): ComplaintAnalysis {
  const { rows: raw, topCustomers, supplierClaims } = complaintFigures(book.sqlite, q);
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
  return { from: q.from ?? null, to: q.to ?? null, rows, topCustomers, supplierClaims };
}
