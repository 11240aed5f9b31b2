// SQL of the collections area (promises, collection records, dunning). Open amounts as of D
// follow SPEC §2 through the allocation rows, the same way as receivables-store's ageing:
// open as of D = open now + Σ allocations dated after D, for invoices issued ≤ D that are open
// now or were settled after D.
import type Database from 'better-sqlite3';
import { stmt } from './receivables/prepared';
import type { PromiseIn, ReceiptIn } from '../domain/promises';
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

/** Invoices open as of `asOf` (open > 0) whose due date is in [dueFrom, dueTo], whole book. */
export function openInvoicesDueBetween(sqlite: Sqlite, asOf: string, dueFrom: string, dueTo: string): OpenDueRow[] {
  return stmt(
    sqlite,
    `WITH d (inv, s) AS (SELECT invoice_id, SUM(amount) FROM allocations WHERE date > @d GROUP BY +invoice_id)
     SELECT x.cid AS customerId, c.code AS customerCode, c.name AS customerName, x.id AS invoiceId, x.number AS number, x.due AS dueDate, x.o AS open
     FROM (SELECT i.customer_id AS cid, i.id AS id, i.number AS number, i.due_date AS due, i.open_amount + COALESCE(d.s, 0) AS o
             FROM invoices i LEFT JOIN d ON d.inv = i.id
            WHERE i.settled_on IS NULL AND i.issue_date <= @d AND i.due_date BETWEEN @lo AND @hi
           UNION ALL
           SELECT i.customer_id, i.id, i.number, i.due_date, d.s
             FROM d JOIN invoices i ON i.id = d.inv
            WHERE i.settled_on > @d AND i.issue_date <= @d AND i.due_date BETWEEN @lo AND @hi) x
     JOIN customers c ON c.id = x.cid
     WHERE x.o > 0`,
  ).all({ d: asOf, lo: dueFrom, hi: dueTo }) as OpenDueRow[];
}

/** Compact form for the dunning list: [customerId, dueDate, open] of invoices past due as of D. */
export function overdueInvoicesAsOf(
  sqlite: Sqlite,
  asOf: string,
): { customerId: number; dueDate: string; open: number }[] {
  return stmt(
    sqlite,
    `WITH d (inv, s) AS (SELECT invoice_id, SUM(amount) FROM allocations WHERE date > @d GROUP BY +invoice_id)
     SELECT cid AS customerId, due AS dueDate, o AS open FROM (
       SELECT i.customer_id AS cid, i.due_date AS due, i.open_amount + COALESCE(d.s, 0) AS o
         FROM invoices i LEFT JOIN d ON d.inv = i.id
        WHERE i.settled_on IS NULL AND i.issue_date <= @d AND i.due_date < @d
       UNION ALL
       SELECT i.customer_id, i.due_date, d.s
         FROM d JOIN invoices i ON i.id = d.inv
        WHERE i.settled_on > @d AND i.issue_date <= @d AND i.due_date < @d)
     WHERE o > 0`,
  ).all({ d: asOf }) as { customerId: number; dueDate: string; open: number }[];
}

/** Which promises to read: all made on or before D, or only those of customers with a promise due in a window / of one customer. */
export interface PromiseScope {
  asOf: string;
  promisedFrom?: string;
  promisedTo?: string;
  customerId?: number;
}

function scopeWhere(s: PromiseScope): { where: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { d: s.asOf };
  let where = 'p.made_on <= @d';
  if (s.customerId !== undefined) {
    where += ' AND p.customer_id = @cid';
    params.cid = s.customerId;
  }
  if (s.promisedFrom !== undefined && s.promisedTo !== undefined) {
    where +=
      ' AND p.customer_id IN (SELECT q.customer_id FROM promises q WHERE q.promised_on BETWEEN @pf AND @pt AND q.made_on <= @d)';
    params.pf = s.promisedFrom;
    params.pt = s.promisedTo;
  }
  return { where, params };
}

export interface PromiseRow extends PromiseIn {
  customerCode: string;
  customerName: string;
  promisedBy: string | null;
  form: string;
  collectionRecordId: number | null;
}

export function promisesInScope(sqlite: Sqlite, s: PromiseScope): PromiseRow[] {
  const { where, params } = scopeWhere(s);
  return stmt(
    sqlite,
    `SELECT p.id AS id, p.customer_id AS customerId, c.code AS customerCode, c.name AS customerName, p.made_on AS madeOn, p.promised_on AS promisedOn,
            p.amount AS amount, p.promised_by AS promisedBy, p.form AS form, p.collection_record_id AS collectionRecordId
     FROM promises p JOIN customers c ON c.id = p.customer_id WHERE ${where}`,
  ).all(params) as PromiseRow[];
}

/**
 * The receipts (not voided, dated ≤ D) that can count for the promises in scope: per customer,
 * only those dated inside [earliest made_on, latest promised_on + grace] (receipts_customer_date).
 */
export function receiptsForPromises(sqlite: Sqlite, s: PromiseScope, graceDays: number): ReceiptIn[] {
  const { where, params } = scopeWhere(s);
  return stmt(
    sqlite,
    `WITH w AS (SELECT p.customer_id AS cid, MIN(p.made_on) AS lo, MIN(date(MAX(p.promised_on), '+' || @g || ' days'), @d) AS hi
                FROM promises p WHERE ${where} GROUP BY p.customer_id)
     SELECT r.id AS id, r.customer_id AS customerId, r.date AS date, r.reference AS reference, r.amount AS amount
     FROM w JOIN receipts r ON r.customer_id = w.cid AND r.date BETWEEN w.lo AND w.hi
     WHERE r.voided_at IS NULL`,
  ).all({ ...params, g: graceDays }) as ReceiptIn[];
}

export interface CustomerRow {
  id: number;
  code: string;
  name: string;
}

export function customersByIds(sqlite: Sqlite, ids: Iterable<number>): Map<number, CustomerRow> {
  const out = new Map<number, CustomerRow>();
  const list = [...ids];
  for (let i = 0; i < list.length; i += 500) {
    const part = list.slice(i, i + 500);
    const rows = sqlite
      .prepare(`SELECT id, code, name FROM customers WHERE id IN (${part.map(() => '?').join(',')})`)
      .all(...part) as CustomerRow[];
    for (const r of rows) out.set(r.id, r);
  }
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
