// SQL of the evaluation sheet: one customer's figures over a period (indexed by customer and
// date), all customers' sales for the share, and the saved sheets.
import type Database from 'better-sqlite3';
import { safeNumbers } from '../../domain/exact-sums';

export function invoiceTotals(
  sqlite: Database.Database,
  customerId: number | null,
  from: string,
  to: string,
): { n: number; sales: number } {
  const who = customerId === null ? '' : 'customer_id = @c AND';
  return sqlite
    .prepare(
      `SELECT count(*) AS n, COALESCE(SUM(amount), 0) AS sales FROM invoices WHERE ${who} issue_date BETWEEN @from AND @to AND voided_at IS NULL`,
    )
    .get({ c: customerId, from, to }) as { n: number; sales: number };
}

/** The customer's balance movements: Σ before `from` (opening) and per day in [from, to]. */
export function balanceMovements(
  sqlite: Database.Database,
  customerId: number,
  from: string,
  to: string,
): { opening: number; days: { date: string; delta: number }[] } {
  const moves = `
    SELECT issue_date AS d, amount AS v FROM invoices WHERE customer_id = @c AND voided_at IS NULL AND issue_date <= @to
    UNION ALL SELECT date, -amount FROM receipts WHERE customer_id = @c AND voided_at IS NULL AND date <= @to
    UNION ALL SELECT date, -amount FROM credit_notes WHERE customer_id = @c AND voided_at IS NULL AND date <= @to
    UNION ALL SELECT date, -amount FROM write_offs WHERE customer_id = @c AND voided_at IS NULL AND date <= @to
    UNION ALL SELECT a.date, -a.amount FROM allocations a JOIN invoices i ON i.id = a.invoice_id
               WHERE i.customer_id = @c AND a.kind = 'recovery' AND a.date <= @to`;
  const opening = (
    sqlite
      .prepare(`SELECT COALESCE(SUM(v), 0) AS o FROM (${moves}) WHERE d < @from`)
      .get({ c: customerId, from, to }) as {
      o: number;
    }
  ).o;
  const days = sqlite
    .prepare(`SELECT d AS date, SUM(v) AS delta FROM (${moves}) WHERE d >= @from GROUP BY d ORDER BY d`)
    .all({ c: customerId, from, to }) as { date: string; delta: number }[];
  return { opening, days };
}

/** Open invoices now: amount open and issue date (for the provision) and due date (overdue). */
export function openInvoicesNow(
  sqlite: Database.Database,
  customerId: number,
): { issueDate: string; dueDate: string; open: number }[] {
  return sqlite
    .prepare(
      `SELECT issue_date AS issueDate, due_date AS dueDate, open_amount AS open FROM invoices
        WHERE customer_id = ? AND settled_on IS NULL AND voided_at IS NULL AND open_amount > 0`,
    )
    .all(customerId) as { issueDate: string; dueDate: string; open: number }[];
}

/** Invoices settled in [from, to]: Σ amount × days late, Σ amount, and how many were late. */
export function settledLateness(
  sqlite: Database.Database,
  customerId: number,
  from: string,
  to: string,
): { weighted: bigint; amount: number; late: number } {
  // weighted (fen × days) may pass 2^53 even within the gross caps: read exactly (domain/exact-sums.ts)
  const r = sqlite
    .prepare(
      `SELECT COALESCE(SUM(amount * MAX(0, CAST(julianday(settled_on) - julianday(due_date) AS INTEGER))), 0) AS weighted,
              COALESCE(SUM(amount), 0) AS amount, COALESCE(SUM(settled_on > due_date), 0) AS late
         FROM invoices WHERE customer_id = ? AND settled_on BETWEEN ? AND ? AND voided_at IS NULL`,
    )
    .safeIntegers(true)
    .get(customerId, from, to) as { weighted: bigint; amount: bigint; late: bigint };
  return { weighted: r.weighted, ...safeNumbers(r, ['amount', 'late']) };
}

export function customerGrades(
  sqlite: Database.Database,
  customerId: number,
):
  | { code: string; name: string; valueTier: string | null; prospectGrade: string | null; confidentiality: string }
  | undefined {
  return sqlite
    .prepare(
      'SELECT code, name, value_tier AS valueTier, prospect_grade AS prospectGrade, confidentiality FROM customers WHERE id = ?',
    )
    .get(customerId) as
    | { code: string; name: string; valueTier: string | null; prospectGrade: string | null; confidentiality: string }
    | undefined;
}

export interface EvaluationDbRow {
  id: number;
  customer_id: number;
  code: string;
  name: string;
  evaluated_on: string;
  period_from: string;
  period_to: string;
  figures: string;
  rows: string;
  summary: string | null;
  evaluator: string | null;
  created_at: string;
}

export function insertEvaluation(sqlite: Database.Database, r: Omit<EvaluationDbRow, 'id' | 'code' | 'name'>): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO customer_evaluations (customer_id, evaluated_on, period_from, period_to, figures, rows, summary, evaluator, created_at)
         VALUES (@customer_id, @evaluated_on, @period_from, @period_to, @figures, @rows, @summary, @evaluator, @created_at)`,
      )
      .run(r).lastInsertRowid,
  );
}

const SELECT_EVALUATION = `SELECT e.*, c.code, c.name FROM customer_evaluations e JOIN customers c ON c.id = e.customer_id`;

/** A customer's saved sheets, newest first. */
export function evaluationsOf(sqlite: Database.Database, customerId: number): EvaluationDbRow[] {
  return sqlite
    .prepare(`${SELECT_EVALUATION} WHERE e.customer_id = ? ORDER BY e.id DESC`)
    .all(customerId) as EvaluationDbRow[];
}

export function evaluationById(sqlite: Database.Database, id: number): EvaluationDbRow | undefined {
  return sqlite.prepare(`${SELECT_EVALUATION} WHERE e.id = ?`).get(id) as EvaluationDbRow | undefined;
}
