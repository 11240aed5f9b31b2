// Credit investigations (资信调查) as the printed sheet reads them: one by id, and the customer's
// others, latest first. JSON columns (attachments, warning signs) come back parsed.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';

export interface InvestigationRow {
  id: number;
  customerId: number;
  date: string;
  channel: string;
  source: string | null;
  findings: string;
  attachments: string[];
  warningSigns: string[];
  recordedBy: string | null;
}

type Raw = Omit<InvestigationRow, 'attachments' | 'warningSigns'> & { attachments: string; warningSigns: string };

const COLUMNS =
  'id, customer_id AS customerId, date, channel, source, findings, attachments, warning_signs AS warningSigns, recorded_by AS recordedBy';

const parsed = (r: Raw): InvestigationRow => ({
  ...r,
  attachments: JSON.parse(r.attachments || '[]') as string[],
  warningSigns: JSON.parse(r.warningSigns || '[]') as string[],
});

export function investigationById(sqlite: Database.Database, id: number): InvestigationRow | null {
  const r = stmt(sqlite, `SELECT ${COLUMNS} FROM credit_investigations WHERE id = ?`).get(id) as Raw | undefined;
  return r ? parsed(r) : null;
}

/** The customer's investigations other than `exceptId`, latest first (at most `limit`). */
export function otherInvestigations(
  sqlite: Database.Database,
  customerId: number,
  exceptId: number,
  limit = 10,
): InvestigationRow[] {
  return (
    stmt(
      sqlite,
      `SELECT ${COLUMNS} FROM credit_investigations WHERE customer_id = ? AND id <> ? ORDER BY date DESC, id DESC LIMIT ?`,
    ).all(customerId, exceptId, limit) as Raw[]
  ).map(parsed);
}
