// SQL of service and loyalty (SPEC §7): follow-up tasks, satisfaction records, the loyalty type a
// user set, and the set-based loyalty facts (active months, scores) of every customer.
import type Database from 'better-sqlite3';
import { stmt } from './receivables/prepared';
import type { LoyaltyType, SatisfactionRecord, ServiceTask, SurveyChannel } from '../../shared/types-service';

type Sqlite = Database.Database;

interface TaskRow {
  id: number;
  customer_id: number;
  title: string;
  due_on: string;
  assignee: string | null;
  note: string | null;
  done_on: string | null;
  result: string | null;
  version: number;
}

function taskOut(r: TaskRow, today: string): ServiceTask {
  return {
    id: r.id,
    customerId: r.customer_id,
    title: r.title,
    dueOn: r.due_on,
    assignee: r.assignee,
    note: r.note,
    doneOn: r.done_on,
    result: r.result,
    overdue: r.done_on === null && r.due_on < today,
    version: r.version,
  };
}

export function taskById(sqlite: Sqlite, id: number, today: string): ServiceTask | null {
  const r = stmt(sqlite, 'SELECT * FROM service_tasks WHERE id = ?').get(id) as TaskRow | undefined;
  return r ? taskOut(r, today) : null;
}

/** A customer's tasks: open ones first by due date, then done ones, latest first. */
export function tasksOf(sqlite: Sqlite, customerId: number, today: string, limit = 200): ServiceTask[] {
  return (
    stmt(
      sqlite,
      `SELECT * FROM service_tasks WHERE customer_id = ?
        ORDER BY done_on IS NOT NULL, CASE WHEN done_on IS NULL THEN due_on END, done_on DESC, id DESC LIMIT ?`,
    ).all(customerId, limit) as TaskRow[]
  ).map((r) => taskOut(r, today));
}

export function insertTask(
  sqlite: Sqlite,
  t: { customerId: number; title: string; dueOn: string; assignee: string | null; note: string | null; at: string },
): number {
  const r = stmt(
    sqlite,
    `INSERT INTO service_tasks (customer_id, title, due_on, assignee, note, created_at, updated_at)
     VALUES (@customerId, @title, @dueOn, @assignee, @note, @at, @at)`,
  ).run(t);
  return Number(r.lastInsertRowid);
}

export function setTaskDone(
  sqlite: Sqlite,
  t: { id: number; doneOn: string | null; result: string | null; at: string },
): void {
  stmt(
    sqlite,
    'UPDATE service_tasks SET done_on = @doneOn, result = @result, version = version + 1, updated_at = @at WHERE id = @id',
  ).run(t);
}

interface ScoreRow {
  id: number;
  customer_id: number;
  surveyed_on: string;
  score: number;
  channel: string;
  note: string | null;
}

const scoreOut = (r: ScoreRow): SatisfactionRecord => ({
  id: r.id,
  customerId: r.customer_id,
  surveyedOn: r.surveyed_on,
  score: r.score,
  channel: r.channel as SurveyChannel,
  note: r.note,
});

export function satisfactionOf(sqlite: Sqlite, customerId: number, limit = 200): SatisfactionRecord[] {
  return (
    stmt(
      sqlite,
      'SELECT * FROM satisfaction_records WHERE customer_id = ? ORDER BY surveyed_on DESC, id DESC LIMIT ?',
    ).all(customerId, limit) as ScoreRow[]
  ).map(scoreOut);
}

export function satisfactionById(sqlite: Sqlite, id: number): SatisfactionRecord | null {
  const r = stmt(sqlite, 'SELECT * FROM satisfaction_records WHERE id = ?').get(id) as ScoreRow | undefined;
  return r ? scoreOut(r) : null;
}

export function insertSatisfaction(
  sqlite: Sqlite,
  s: { customerId: number; surveyedOn: string; score: number; channel: string; note: string | null; at: string },
): number {
  const r = stmt(
    sqlite,
    `INSERT INTO satisfaction_records (customer_id, surveyed_on, score, channel, note, created_at)
     VALUES (@customerId, @surveyedOn, @score, @channel, @note, @at)`,
  ).run(s);
  return Number(r.lastInsertRowid);
}

/** Rewrites a record's date, score, channel and note (an edit on the card). */
export function updateSatisfaction(
  sqlite: Sqlite,
  s: { id: number; surveyedOn: string; score: number; channel: string; note: string | null },
): void {
  stmt(
    sqlite,
    'UPDATE satisfaction_records SET surveyed_on = @surveyedOn, score = @score, channel = @channel, note = @note WHERE id = @id',
  ).run(s);
}

export function deleteSatisfaction(sqlite: Sqlite, id: number): void {
  stmt(sqlite, 'DELETE FROM satisfaction_records WHERE id = ?').run(id);
}

export interface LoyaltyOverride {
  type: LoyaltyType;
  setOn: string;
  note: string | null;
}

export function loyaltyOverride(sqlite: Sqlite, customerId: number): LoyaltyOverride | null {
  const r = stmt(sqlite, 'SELECT type, set_on AS setOn, note FROM customer_loyalty WHERE customer_id = ?').get(
    customerId,
  ) as LoyaltyOverride | undefined;
  return r ?? null;
}

export function saveLoyaltyOverride(
  sqlite: Sqlite,
  customerId: number,
  o: (LoyaltyOverride & { at: string }) | null,
): void {
  if (!o) {
    stmt(sqlite, 'DELETE FROM customer_loyalty WHERE customer_id = ?').run(customerId);
    return;
  }
  stmt(
    sqlite,
    `INSERT INTO customer_loyalty (customer_id, type, set_on, note, updated_at) VALUES (@c, @type, @setOn, @note, @at)
     ON CONFLICT (customer_id) DO UPDATE SET type = excluded.type, set_on = excluded.set_on, note = excluded.note, updated_at = excluded.updated_at`,
  ).run({ c: customerId, ...o });
}

/** Net sales per month of one customer in [from, to] (voided excluded). */
export function monthlyNetSalesOf(sqlite: Sqlite, customerId: number, from: string, to: string): Map<string, number> {
  const rows = stmt(
    sqlite,
    `SELECT m, SUM(v) AS v FROM (
       SELECT substr(issue_date, 1, 7) AS m, amount AS v FROM invoices WHERE customer_id = @c AND issue_date BETWEEN @from AND @to AND voided_at IS NULL
       UNION ALL
       SELECT substr(date, 1, 7), -amount FROM credit_notes WHERE customer_id = @c AND date BETWEEN @from AND @to AND voided_at IS NULL
     ) GROUP BY m`,
  ).all({ c: customerId, from, to }) as { m: string; v: number }[];
  return new Map(rows.map((r) => [r.m, r.v]));
}

export function scoresOf(sqlite: Sqlite, customerId: number, from: string, to: string): { sum: number; count: number } {
  return stmt(
    sqlite,
    'SELECT COALESCE(SUM(score), 0) AS sum, count(*) AS count FROM satisfaction_records WHERE customer_id = ? AND surveyed_on BETWEEN ? AND ?',
  ).get(customerId, from, to) as { sum: number; count: number };
}

export interface LoyaltyFactsRow {
  customerId: number;
  activeMonths: number;
  sales: number;
  scoreSum: number;
  scoreCount: number;
  manual: LoyaltyType | null;
}

/**
 * Loyalty facts of every customer that is neither a prospect nor terminated, in one pass: net sales
 * per customer and month in the window (through the (customer_id, issue_date) index), scores and
 * hand-set types. Yields rows in customer id order.
 */
export function* allLoyaltyFacts(sqlite: Sqlite, from: string, to: string): Generator<LoyaltyFactsRow> {
  const rows = stmt(
    sqlite,
    `WITH docs AS (
       SELECT customer_id AS c, substr(issue_date, 1, 7) AS m, SUM(amount) AS v FROM invoices
        WHERE issue_date BETWEEN @from AND @to AND voided_at IS NULL GROUP BY customer_id, m
       UNION ALL
       SELECT customer_id, substr(date, 1, 7), -SUM(amount) FROM credit_notes
        WHERE date BETWEEN @from AND @to AND voided_at IS NULL GROUP BY customer_id, substr(date, 1, 7)
     ), months AS (SELECT c, SUM(v) AS v FROM docs GROUP BY c, m),
     per AS (SELECT c, SUM(v > 0) AS active, SUM(v) AS net FROM months GROUP BY c),
     sc AS (SELECT customer_id AS c, SUM(score) AS s, count(*) AS n FROM satisfaction_records
             WHERE surveyed_on BETWEEN @from AND @to GROUP BY customer_id)
     SELECT k.id, COALESCE(per.active, 0), MAX(0, COALESCE(per.net, 0)), COALESCE(sc.s, 0), COALESCE(sc.n, 0), l.type
       FROM customers k LEFT JOIN per ON per.c = k.id LEFT JOIN sc ON sc.c = k.id LEFT JOIN customer_loyalty l ON l.customer_id = k.id
      WHERE k.lifecycle NOT IN ('prospect', 'terminated')`,
  )
    .raw()
    .iterate({ from, to }) as Iterable<[number, number, number, number, number, LoyaltyType | null]>;
  for (const [customerId, activeMonths, sales, scoreSum, scoreCount, manual] of rows)
    yield { customerId, activeMonths, sales, scoreSum, scoreCount, manual };
}

/** Open follow-up tasks, and those of them due before today. */
export function openTaskCounts(sqlite: Sqlite, today: string): { open: number; overdue: number } {
  return stmt(
    sqlite,
    'SELECT count(*) AS open, COALESCE(SUM(due_on < ?), 0) AS overdue FROM service_tasks WHERE done_on IS NULL',
  ).get(today) as { open: number; overdue: number };
}

export interface DueTaskRow {
  id: number;
  customerId: number;
  code: string;
  name: string;
  title: string;
  dueOn: string;
  doneOn: string | null;
}

/** Tasks due in [from, to] with their customer, for the collection calendar. */
export function tasksDueBetween(sqlite: Sqlite, from: string, to: string): DueTaskRow[] {
  return stmt(
    sqlite,
    `SELECT t.id, t.customer_id AS customerId, c.code, c.name, t.title, t.due_on AS dueOn, t.done_on AS doneOn
       FROM service_tasks t JOIN customers c ON c.id = t.customer_id
      WHERE t.due_on BETWEEN ? AND ? ORDER BY t.due_on, t.id`,
  ).all(from, to) as DueTaskRow[];
}
