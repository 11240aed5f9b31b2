// SQL of the visit plans: who gets planned visits, the visits of a window, done marks and plan runs.
// A visit's status as of D is never stored: done when done_on ≤ D, missed when planned_on < D, else
// planned (domain/visits.ts `visitStatus`; the same rule as STATUS_SQL below).
import type Database from 'better-sqlite3';
import type { VisitRow, VisitStatus } from '../../../shared/types-visits';

export interface PlanTarget {
  id: number;
  lifecycle: string;
  valueTier: string | null;
  prospectGrade: string | null;
}

/** Customers a plan can give visits: ranked customers with a tier, prospects with a grade. */
export function planTargets(sqlite: Database.Database): PlanTarget[] {
  return sqlite
    .prepare(
      `SELECT id, lifecycle, value_tier AS valueTier, prospect_grade AS prospectGrade FROM customers
        WHERE (lifecycle IN ('active', 'suspended') AND value_tier IS NOT NULL)
           OR (lifecycle = 'prospect' AND prospect_grade IS NOT NULL)
        ORDER BY id`,
    )
    .all() as PlanTarget[];
}

export interface PlannedKey {
  id: number;
  customerId: number;
  role: string;
  plannedOn: string;
}

/** Generated (tier / prospect) visits not done, planned in [from, to]: the ones a new plan may replace. */
export function openGeneratedVisits(sqlite: Database.Database, from: string, to: string): PlannedKey[] {
  return sqlite
    .prepare(
      `SELECT id, customer_id AS customerId, role, planned_on AS plannedOn FROM visits
        WHERE planned_on BETWEEN ? AND ? AND done_on IS NULL AND source IN ('tier', 'prospect')`,
    )
    .all(from, to) as PlannedKey[];
}

export function deleteVisits(sqlite: Database.Database, ids: number[]): void {
  const del = sqlite.prepare('DELETE FROM visits WHERE id = ?');
  for (const id of ids) del.run(id);
}

export interface NewVisit {
  customerId: number;
  role: string;
  plannedOn: string;
  source: string;
  basis: string | null;
  note?: string | null;
}

/** Inserts visits, skipping a (customer, role, day) that already has one; returns how many were written. */
export function insertVisits(sqlite: Database.Database, rows: NewVisit[], at: string): number {
  const ins = sqlite.prepare(
    `INSERT OR IGNORE INTO visits (customer_id, role, planned_on, source, basis, note, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let n = 0;
  for (const r of rows)
    n += ins.run(r.customerId, r.role, r.plannedOn, r.source, r.basis, r.note ?? null, at, at).changes;
  return n;
}

export function insertPlanRun(sqlite: Database.Database, r: Omit<PlanRunRow, 'runAt'> & { at: string }): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO visit_plan_runs (month, created, replaced, customers, trigger, operator_name, run_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.month, r.created, r.replaced, r.customers, r.trigger, r.operatorName, r.at).lastInsertRowid,
  );
}

export interface PlanRunRow {
  month: string;
  created: number;
  replaced: number;
  customers: number;
  trigger: string;
  operatorName: string | null;
  runAt: string;
}

export function latestPlanRun(sqlite: Database.Database, month?: string): PlanRunRow | null {
  const sel = `SELECT month, created, replaced, customers, trigger, operator_name AS operatorName, run_at AS runAt FROM visit_plan_runs`;
  const row = month
    ? sqlite.prepare(`${sel} WHERE month = ? ORDER BY id DESC LIMIT 1`).get(month)
    : sqlite.prepare(`${sel} ORDER BY id DESC LIMIT 1`).get();
  return (row as PlanRunRow | undefined) ?? null;
}

const STATUS_SQL = `CASE WHEN v.done_on IS NOT NULL AND v.done_on <= @asOf THEN 'done' WHEN v.planned_on < @asOf THEN 'missed' ELSE 'planned' END`;

export interface VisitQuery {
  from: string;
  to: string;
  asOf: string;
  customerId?: number;
  status?: VisitStatus[];
  role?: string[];
  offset?: number;
  limit?: number;
}

function where(q: VisitQuery): { sql: string; params: Record<string, unknown> } {
  const parts = ['v.planned_on BETWEEN @from AND @to'];
  const params: Record<string, unknown> = { from: q.from, to: q.to, asOf: q.asOf };
  if (q.customerId !== undefined) {
    parts.push('v.customer_id = @customerId');
    params.customerId = q.customerId;
  }
  if (q.status?.length) {
    parts.push(`${STATUS_SQL} IN (${q.status.map((_, i) => `@s${i}`).join(', ')})`);
    q.status.forEach((s, i) => (params[`s${i}`] = s));
  }
  if (q.role?.length) {
    parts.push(`v.role IN (${q.role.map((_, i) => `@r${i}`).join(', ')})`);
    q.role.forEach((s, i) => (params[`r${i}`] = s));
  }
  return { sql: parts.join(' AND '), params };
}

/** Visits of a window in date order (then customer code, role), with their status as of asOf. */
export function listVisits(sqlite: Database.Database, q: VisitQuery): VisitRow[] {
  const w = where(q);
  return sqlite
    .prepare(
      `SELECT v.id, v.customer_id AS customerId, c.code AS customerCode, c.name AS customerName, v.role,
              v.planned_on AS plannedOn, v.source, v.basis, ${STATUS_SQL} AS status,
              CASE WHEN v.done_on <= @asOf THEN v.done_on END AS doneOn, v.visited_by AS visitedBy, v.note
         FROM visits v JOIN customers c ON c.id = v.customer_id
        WHERE ${w.sql}
        ORDER BY v.planned_on, c.code, v.role LIMIT @limit OFFSET @offset`,
    )
    .all({ ...w.params, limit: q.limit ?? -1, offset: q.offset ?? 0 }) as VisitRow[];
}

/** Counts per status of the same filter (without the status filter itself). */
export function countVisits(sqlite: Database.Database, q: VisitQuery): Record<VisitStatus, number> {
  const w = where({ ...q, status: undefined });
  const rows = sqlite
    .prepare(`SELECT ${STATUS_SQL} AS status, count(*) AS n FROM visits v WHERE ${w.sql} GROUP BY status`)
    .all(w.params) as { status: VisitStatus; n: number }[];
  const out: Record<VisitStatus, number> = { planned: 0, done: 0, missed: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export interface VisitRecord {
  id: number;
  customer_id: number;
  role: string;
  planned_on: string;
  source: string;
  basis: string | null;
  done_on: string | null;
  visited_by: string | null;
  note: string | null;
}

export function getVisit(sqlite: Database.Database, id: number): VisitRecord | undefined {
  return sqlite
    .prepare(
      'SELECT id, customer_id, role, planned_on, source, basis, done_on, visited_by, note FROM visits WHERE id = ?',
    )
    .get(id) as VisitRecord | undefined;
}

export function setVisitDone(
  sqlite: Database.Database,
  id: number,
  done: { doneOn: string | null; visitedBy: string | null; note: string | null },
  at: string,
): void {
  sqlite
    .prepare('UPDATE visits SET done_on = ?, visited_by = ?, note = ?, updated_at = ? WHERE id = ?')
    .run(done.doneOn, done.visitedBy, done.note, at, id);
}

export function customerExists(sqlite: Database.Database, id: number): { lifecycle: string } | undefined {
  return sqlite.prepare('SELECT lifecycle FROM customers WHERE id = ?').get(id) as { lifecycle: string } | undefined;
}
