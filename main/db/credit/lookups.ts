// Small credit lookups for the credit services (main/services/credit/*): the customer's current
// grade and class, the latest history row by date, the limit in effect, operator roles and the
// approver row, the stored credit settings. Plain SQL on the better-sqlite3 handle, prepared once
// per connection; callers run them inside their write transaction where it matters.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';

type Sqlite = Database.Database;

export function currentCreditRating(sqlite: Sqlite, customerId: number): string | null {
  const r = stmt(sqlite, 'SELECT credit_rating FROM customers WHERE id = ?').get(customerId) as
    { credit_rating: string | null } | undefined;
  return r?.credit_rating ?? null;
}

export function currentCreditClass(sqlite: Sqlite, customerId: number): string | null {
  const r = stmt(sqlite, 'SELECT credit_class FROM customers WHERE id = ?').get(customerId) as
    { credit_class: string | null } | undefined;
  return r?.credit_class ?? null;
}

/** The grade of the customer's latest rating by date (ties: the later entry). */
export function latestGrade(sqlite: Sqlite, customerId: number): string | null {
  const r = stmt(
    sqlite,
    'SELECT grade FROM credit_ratings WHERE customer_id = ? ORDER BY rated_on DESC, id DESC LIMIT 1',
  ).get(customerId) as { grade: string } | undefined;
  return r?.grade ?? null;
}

/** The class of the customer's latest class row by date (ties: the later entry). */
export function latestClass(sqlite: Sqlite, customerId: number): string | null {
  const r = stmt(
    sqlite,
    'SELECT class FROM credit_classes WHERE customer_id = ? ORDER BY set_on DESC, id DESC LIMIT 1',
  ).get(customerId) as { class: string } | undefined;
  return r?.class ?? null;
}

/** The amount of the latest limit decision effective on or before `today`, if any. */
export function limitInEffect(sqlite: Sqlite, customerId: number, today: string): number | null {
  const r = stmt(
    sqlite,
    'SELECT amount FROM credit_limit_decisions WHERE customer_id = ? AND effective_date <= ? ORDER BY effective_date DESC, id DESC LIMIT 1',
  ).get(customerId, today) as { amount: number } | undefined;
  return r?.amount ?? null;
}

export function operatorRoleById(sqlite: Sqlite, operatorId: number): string | null {
  const r = stmt(sqlite, 'SELECT role FROM operators WHERE id = ?').get(operatorId) as { role: string } | undefined;
  return r?.role ?? null;
}

export interface ApproverRow {
  name: string;
  role: string;
  password_hash: string | null;
}

export function activeOperatorByName(sqlite: Sqlite, name: string): ApproverRow | undefined {
  return stmt(sqlite, 'SELECT name, role, password_hash FROM operators WHERE name = ? AND active = 1').get(name) as
    ApproverRow | undefined;
}

/** The raw JSON value of a settings key, or null when unset. */
export function settingValue(sqlite: Sqlite, key: string): string | null {
  const r = stmt(sqlite, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return r?.value ?? null;
}

export interface OpenInvoiceFacts {
  oldest: string | null;
  overdue: number;
}

/** The oldest open invoice's issue date and the open amount past due, for the control rules. */
export function openInvoiceFacts(sqlite: Sqlite, customerId: number, today: string): OpenInvoiceFacts {
  return stmt(
    sqlite,
    `SELECT MIN(issue_date) AS oldest, COALESCE(SUM(open_amount) FILTER (WHERE due_date < @today), 0) AS overdue
     FROM invoices WHERE customer_id = @c AND settled_on IS NULL AND open_amount > 0`,
  ).get({ c: customerId, today }) as OpenInvoiceFacts;
}

/** Names of the given customers (the overview's listed rows), by id. */
export function customerNames(sqlite: Sqlite, ids: readonly number[]): Map<number, string> {
  const one = stmt(sqlite, 'SELECT name FROM customers WHERE id = ?').pluck();
  const names = new Map<number, string>();
  for (const id of ids) if (!names.has(id)) names.set(id, one.get(id) as string);
  return names;
}
