// The SQL of the confirmation loop (回执): statements sent, slips returned, statements not yet
// returned. Writes go through kysely in the service (main/services/statements/confirmations.ts).
import type Database from 'better-sqlite3';

type Sqlite = Database.Database;

export interface ConfirmationDbRow {
  id: number;
  statement_id: number | null;
  customer_id: number;
  code: string;
  name: string;
  period_to: string;
  closing: number | null;
  result: string;
  stated_difference: number | null;
  note: string | null;
  received_on: string;
  scan_name: string | null;
  scan_mime: string | null;
  scan_size: number | null;
  scan_path: string | null;
  recorded_at: string;
  recorded_by: string | null;
  resolved_at: string | null;
  resolution: string | null;
}

const CONF_SQL = `SELECT f.id, f.statement_id, f.customer_id, c.code, c.name, f.period_to, s.closing, f.result, f.stated_difference, f.note, f.received_on,
  f.scan_name, f.scan_mime, length(f.scan_blob) AS scan_size, f.scan_path, f.recorded_at, f.recorded_by, f.resolved_at, f.resolution
  FROM statement_confirmations f JOIN customers c ON c.id = f.customer_id LEFT JOIN statements_sent s ON s.id = f.statement_id`;

export function confirmationById(sqlite: Sqlite, id: number): ConfirmationDbRow | undefined {
  return sqlite.prepare(`${CONF_SQL} WHERE f.id = ?`).get(id) as ConfirmationDbRow | undefined;
}

/** Returned slips, newest first (at most 2000): of one customer, and/or only open disagreements. */
export function confirmationList(
  sqlite: Sqlite,
  q: { customerId?: number; openDisagreements?: boolean },
): ConfirmationDbRow[] {
  const where: string[] = [];
  if (q.customerId !== undefined) where.push('f.customer_id = @cid');
  if (q.openDisagreements) where.push("f.result = 'disagrees' AND f.resolved_at IS NULL");
  return sqlite
    .prepare(
      `${CONF_SQL}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY f.received_on DESC, f.id DESC LIMIT 2000`,
    )
    .all({ cid: q.customerId ?? null }) as ConfirmationDbRow[];
}

export function confirmationScanRow(
  sqlite: Sqlite,
  id: number,
): { scan_name: string | null; scan_mime: string | null; scan_blob: Buffer | null } | undefined {
  return sqlite
    .prepare('SELECT scan_name, scan_mime, scan_blob FROM statement_confirmations WHERE id = ?')
    .get(id) as ReturnType<typeof confirmationScanRow>;
}

export interface SentStatementRef {
  id: number;
  customer_id: number;
  period_to: string;
  closing: number;
}

export function sentStatementById(sqlite: Sqlite, id: number): SentStatementRef | undefined {
  return sqlite.prepare('SELECT id, customer_id, period_to, closing FROM statements_sent WHERE id = ?').get(id) as
    SentStatementRef | undefined;
}

export function customerExists(sqlite: Sqlite, id: number): boolean {
  return !!sqlite.prepare('SELECT 1 FROM customers WHERE id = ?').get(id);
}

/** The latest statement sent to the customer (for that period end when given) and not yet returned. */
export function latestUnreturnedStatement(
  sqlite: Sqlite,
  customerId: number,
  periodTo: string | null,
): SentStatementRef | undefined {
  return sqlite
    .prepare(
      `SELECT s.id, s.customer_id, s.period_to, s.closing FROM statements_sent s
       WHERE s.customer_id = @cid AND (@to IS NULL OR s.period_to = @to)
         AND NOT EXISTS (SELECT 1 FROM statement_confirmations f WHERE f.statement_id = s.id)
       ORDER BY s.sent_at DESC, s.id DESC LIMIT 1`,
    )
    .get({ cid: customerId, to: periodTo }) as SentStatementRef | undefined;
}

export interface OutstandingDbRow {
  id: number;
  run_id: number | null;
  customer_id: number;
  code: string;
  name: string;
  period_from: string;
  period_to: string;
  style: string;
  closing: number;
  sent_at: string;
  file_path: string | null;
}

/** Statements sent and not yet returned, oldest first (at most 5000); `latestOnly`: one per customer. */
export function outstandingStatements(
  sqlite: Sqlite,
  q: { customerId?: number; latestOnly: boolean },
): OutstandingDbRow[] {
  return sqlite
    .prepare(
      `SELECT s.id, s.run_id, s.customer_id, c.code, c.name, s.period_from, s.period_to, s.style, s.closing, s.sent_at, s.file_path
       FROM statements_sent s JOIN customers c ON c.id = s.customer_id
       WHERE NOT EXISTS (SELECT 1 FROM statement_confirmations f WHERE f.statement_id = s.id)
         AND (@cid IS NULL OR s.customer_id = @cid)
         AND (@latest = 0 OR s.id = (SELECT s2.id FROM statements_sent s2 WHERE s2.customer_id = s.customer_id ORDER BY s2.sent_at DESC, s2.id DESC LIMIT 1))
       ORDER BY s.sent_at, c.code LIMIT 5000`,
    )
    .all({ cid: q.customerId ?? null, latest: q.latestOnly ? 1 : 0 }) as OutstandingDbRow[];
}
