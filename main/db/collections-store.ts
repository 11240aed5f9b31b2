// SQL of the collections area (promises, collection records, dunning). Open amounts as of D
// follow SPEC §2 through the allocation rows, the same way as receivables-store's ageing:
// open as of D = open now + Σ allocations dated after D, for invoices issued ≤ D that are open
// now or were settled after D.
import type Database from 'better-sqlite3';
import { stmt } from './receivables/prepared';
import { addDays } from '../domain/dates';

type Sqlite = Database.Database;

export interface OpenDueRow {
  customerId: number;
  customerCode: string;
  customerName: string;
  invoiceId: number;
  number: string;
  dueDate: string;
  open: number;
}

/**
 * Invoices open as of `asOf` (open > 0) whose due date is in [dueFrom, dueTo]: the whole book's,
 * or only these customers' (a write's worklist refresh: a seek per customer on invoices_open, not
 * the whole book's invoices due that day read and filtered on the window's thread).
 */
export function openInvoicesDueBetween(
  sqlite: Sqlite,
  asOf: string,
  dueFrom: string,
  dueTo: string,
  customerIds?: readonly number[],
): OpenDueRow[] {
  const only = customerIds ? ' AND i.customer_id IN (SELECT value FROM json_each(@cids))' : '';
  // (the settled branch stays on invoices_settled: `+` keeps the planner off the customer's invoices)
  const onlySettled = customerIds ? ' AND +i.customer_id IN (SELECT value FROM json_each(@cids))' : '';
  return stmt(
    sqlite,
    `WITH d (inv, s) AS (SELECT invoice_id, SUM(amount) FROM allocations WHERE date > @d GROUP BY +invoice_id)
     SELECT x.cid AS customerId, c.code AS customerCode, c.name AS customerName, x.id AS invoiceId, x.number AS number, x.due AS dueDate, x.o AS open
     FROM (SELECT i.customer_id AS cid, i.id AS id, i.number AS number, i.due_date AS due, i.open_amount + COALESCE(d.s, 0) AS o
             FROM invoices i LEFT JOIN d ON d.inv = i.id
            WHERE i.settled_on IS NULL AND i.issue_date <= @d AND i.due_date BETWEEN @lo AND @hi${only}
           UNION ALL
           SELECT i.customer_id, i.id, i.number, i.due_date, d.s
             FROM d JOIN invoices i ON i.id = d.inv
            WHERE i.settled_on > @d AND i.issue_date <= @d AND i.due_date BETWEEN @lo AND @hi${onlySettled}) x
     JOIN customers c ON c.id = x.cid
     WHERE x.o > 0`,
  ).all({
    d: asOf,
    lo: dueFrom,
    hi: dueTo,
    ...(customerIds ? { cids: JSON.stringify(customerIds) } : {}),
  }) as OpenDueRow[];
}

export interface CustomerRow {
  id: number;
  code: string;
  name: string;
}

/** Codes and names of the given customers: one prepared statement, the ids as one JSON array. */
export function customersByIds(sqlite: Sqlite, ids: Iterable<number>): Map<number, CustomerRow> {
  const out = new Map<number, CustomerRow>();
  const list = [...ids];
  if (list.length === 0) return out;
  const rows = stmt(
    sqlite,
    'SELECT c.id AS id, c.code AS code, c.name AS name FROM json_each(?) j JOIN customers c ON c.id = j.value',
  ).all(JSON.stringify(list)) as CustomerRow[];
  for (const r of rows) out.set(r.id, r);
  return out;
}

export interface NextStepRow {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  nextStep: string;
  nextDate: string;
  contactName: string | null;
  done: number;
}

/** Collection records whose next step falls in [from, to]; done when a later record of the customer exists by D. */
export function nextStepsBetween(sqlite: Sqlite, from: string, to: string, asOf: string): NextStepRow[] {
  return stmt(
    sqlite,
    `SELECT r.id AS id, r.customer_id AS customerId, c.code AS customerCode, c.name AS customerName, r.next_step AS nextStep, r.next_date AS nextDate,
            r.contact_name AS contactName,
            EXISTS (SELECT 1 FROM collection_records l WHERE l.customer_id = r.customer_id AND l.id > r.id AND l.date >= r.date AND l.date <= @d) AS done
     FROM collection_records r JOIN customers c ON c.id = r.customer_id
     WHERE r.next_date BETWEEN @from AND @to AND r.next_step IS NOT NULL`,
  ).all({ from, to, d: asOf }) as NextStepRow[];
}

export interface StatementSentRow {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  sentOn: string;
  periodTo: string;
  confirmed: number;
}

/** Statements sent on [from, to] (by sent date), or whose slip follow-up (sent + days) falls there. */
export function statementsSentAround(
  sqlite: Sqlite,
  from: string,
  to: string,
  followUpDays: number,
  asOf: string,
): StatementSentRow[] {
  return stmt(
    sqlite,
    `SELECT s.id AS id, s.customer_id AS customerId, c.code AS customerCode, c.name AS customerName, substr(s.sent_at, 1, 10) AS sentOn, s.period_to AS periodTo,
            EXISTS (SELECT 1 FROM statement_confirmations k WHERE k.customer_id = s.customer_id AND (k.statement_id = s.id OR k.period_to = s.period_to) AND k.received_on <= @d) AS confirmed
     FROM statements_sent s JOIN customers c ON c.id = s.customer_id
     WHERE s.sent_at >= @lo AND s.sent_at < @hi`,
  ).all({ lo: addDays(from, -followUpDays), hi: `${to}T99`, d: asOf }) as StatementSentRow[];
}

export interface CollectionsSettings {
  /** Days after the promised date before an unpaid promise counts as broken (SPEC §5; default 0). */
  promiseGraceDays: number;
  /** A statement's confirmation slip is followed up this many days after sending. */
  slipFollowUpDays: number;
}

export const COLLECTIONS_SETTINGS_KEY = 'collections.settings';
export const DEFAULT_COLLECTIONS_SETTINGS: CollectionsSettings = { promiseGraceDays: 0, slipFollowUpDays: 14 };

export function collectionsSettings(sqlite: Sqlite): CollectionsSettings {
  const row = stmt(sqlite, 'SELECT value FROM settings WHERE key = ?').get(COLLECTIONS_SETTINGS_KEY) as
    { value: string } | undefined;
  if (!row) return { ...DEFAULT_COLLECTIONS_SETTINGS };
  try {
    return { ...DEFAULT_COLLECTIONS_SETTINGS, ...(JSON.parse(row.value) as Partial<CollectionsSettings>) };
  } catch {
    return { ...DEFAULT_COLLECTIONS_SETTINGS };
  }
}

export interface LadderRow {
  level: number;
  days: number;
  name: string;
  letterTemplate: string;
  action: string;
}

export function ladderRows(sqlite: Sqlite): LadderRow[] {
  return stmt(
    sqlite,
    'SELECT level, days, name, letter_template AS letterTemplate, action FROM dunning_levels ORDER BY level',
  ).all() as LadderRow[];
}
