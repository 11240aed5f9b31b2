// The SQL of the complaints area's read side (main/reports/complaints.ts and the calendar's
// complaint follow-ups): rows of `creditdesk complaints`, the raw figures of 留档分析, the
// complaints whose reply-by or follow-up date falls in a window.
import type Database from 'better-sqlite3';
import type { ComplaintAnalysis, ComplaintCliRow } from '../../shared/types-complaints';

type Sqlite = Database.Database;

/** A received-on period: WHERE clause over `k` (complaints) and its parameters. */
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
export function complaintCliRows(sqlite: Sqlite, q: { from?: string; to?: string }): ComplaintCliRow[] {
  const p = period(q.from, q.to);
  return sqlite
    .prepare(
      `SELECT k.number, c.code AS customerCode, k.received_on AS receivedOn, k.type, k.status, k.responsibility, k.compensation,
         CASE WHEN n.voided_at IS NULL AND k.claim_voided_at IS NULL THEN n.number END AS creditNote
       FROM complaints k JOIN customers c ON c.id = k.customer_id LEFT JOIN credit_notes n ON n.id = k.credit_note_id
       ${p.sql} ORDER BY k.received_on, k.number`,
    )
    .all(p.params) as ComplaintCliRow[];
}

export interface ComplaintFigureRow {
  month: string;
  type: string;
  responsibility: string | null;
  status: string;
  receivedOn: string;
  resolvedOn: string | null;
  compensation: number;
}

/** The figures of the complaints received in the period, the top 10 customers and supplier claims. */
export function complaintFigures(
  sqlite: Sqlite,
  q: { from?: string; to?: string },
): {
  rows: ComplaintFigureRow[];
  topCustomers: ComplaintAnalysis['topCustomers'];
  supplierClaims: ComplaintAnalysis['supplierClaims'];
} {
  const p = period(q.from, q.to);
  const rows = sqlite
    .prepare(
      `SELECT substr(k.received_on, 1, 7) AS month, k.type, k.responsibility, k.status, k.received_on AS receivedOn, k.resolved_on AS resolvedOn, k.compensation
       FROM complaints k ${p.sql}`,
    )
    .all(p.params) as ComplaintFigureRow[];
  const topCustomers = sqlite
    .prepare(
      `SELECT k.customer_id AS customerId, c.code AS customerCode, c.name AS customerName, count(*) AS count, sum(k.compensation) AS compensation
       FROM complaints k JOIN customers c ON c.id = k.customer_id ${p.sql}
       GROUP BY k.customer_id ORDER BY count DESC, compensation DESC, c.code LIMIT 10`,
    )
    .all(p.params) as ComplaintAnalysis['topCustomers'];
  const supplierClaims = sqlite
    .prepare(
      `SELECT coalesce(sum(CASE WHEN k.supplier_claim_status = 'claimed' THEN 1 ELSE 0 END), 0) AS outstandingCount,
              coalesce(sum(CASE WHEN k.supplier_claim_status = 'claimed' THEN k.supplier_claim ELSE 0 END), 0) AS outstandingAmount,
              coalesce(sum(CASE WHEN k.supplier_claim_status = 'recovered' THEN k.supplier_claim ELSE 0 END), 0) AS recoveredAmount
       FROM complaints k ${p.sql}`,
    )
    .get(p.params) as ComplaintAnalysis['supplierClaims'];
  return { rows, topCustomers, supplierClaims };
}

export interface ComplaintFollowupRow {
  id: number;
  number: string;
  customer_id: number;
  code: string;
  name: string;
  reply_by: string;
  replied_on: string | null;
  follow_up_on: string | null;
  status: string;
  resolved_on: string | null;
  closed_on: string | null;
}

/** Complaints received by `to` whose reply-by or follow-up date lies in [from, to], by number. */
export function complaintFollowupRows(sqlite: Sqlite, from: string, to: string): ComplaintFollowupRow[] {
  return sqlite
    .prepare(
      `SELECT k.id, k.number, k.customer_id, c.code, c.name, k.reply_by, k.replied_on, k.follow_up_on, k.status, k.resolved_on, k.closed_on
       FROM complaints k JOIN customers c ON c.id = k.customer_id
       WHERE k.received_on <= @to AND ((k.reply_by BETWEEN @from AND @to) OR (k.follow_up_on BETWEEN @from AND @to))
       ORDER BY k.number`,
    )
    .all({ from, to }) as ComplaintFollowupRow[];
}
