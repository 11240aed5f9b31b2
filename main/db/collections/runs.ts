// SQL of collection trips (上门催收): the customers a run can visit with their open amounts as of
// a date (SPEC §2 open amounts through allocations dated after D), runs and their stops.
// Lists sort by region then route sequence (SPEC §6), then customer code.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';

type Sqlite = Database.Database;

export interface RunCustomerRow {
  customerId: number;
  customerCode: string;
  customerName: string;
  regionCode: string | null;
  routeSeq: number | null;
  address: string | null;
  bestTime: string | null;
  contactName: string | null;
  contactPhone: string | null;
  balance: number;
  overdue: number;
}

const ROUTE_ORDER = `c.region_code IS NULL, c.region_code, c.route_seq IS NULL, c.route_seq, c.code`;

/** Open position per customer as of D: balance (open invoices) and overdue (due before D). */
const OPEN_AS_OF = `
  d (inv, s) AS (SELECT invoice_id, SUM(amount) FROM allocations WHERE date > @d GROUP BY +invoice_id),
  o (cid, due, amt) AS (
    SELECT i.customer_id, i.due_date, i.open_amount + COALESCE(d.s, 0)
      FROM invoices i LEFT JOIN d ON d.inv = i.id
     WHERE i.settled_on IS NULL AND i.issue_date <= @d AND i.customer_id IN (SELECT id FROM scope)
    UNION ALL
    SELECT i.customer_id, i.due_date, d.s
      FROM d JOIN invoices i ON i.id = d.inv
     WHERE i.settled_on > @d AND i.issue_date <= @d AND i.customer_id IN (SELECT id FROM scope)),
  pos (cid, balance, overdue) AS (
    SELECT cid, SUM(amt), COALESCE(SUM(amt) FILTER (WHERE due < @d), 0) FROM o WHERE amt > 0 GROUP BY cid)`;

const CUSTOMER_COLUMNS = `c.id AS customerId, c.code AS customerCode, c.name AS customerName, c.region_code AS regionCode,
  c.route_seq AS routeSeq, c.address AS address, json_extract(c.profile, '$.best_visit_time') AS bestTime,
  k.name AS contactName, COALESCE(k.mobile, k.phone, c.phone) AS contactPhone`;

const KEY_CONTACT = `LEFT JOIN contacts k ON k.id = (SELECT x.id FROM contacts x WHERE x.customer_id = c.id
  ORDER BY x.is_key_payer DESC, x.sort, x.id LIMIT 1)`;

/** Customers (not terminated) of a region, or all, owing something as of D; at most `limit`. */
export function runCandidates(sqlite: Sqlite, asOf: string, regionCode: string | null, limit = 500): RunCustomerRow[] {
  return stmt(
    sqlite,
    `WITH scope (id) AS (SELECT id FROM customers WHERE lifecycle <> 'terminated' AND (@r IS NULL OR region_code = @r)),
     ${OPEN_AS_OF}
     SELECT ${CUSTOMER_COLUMNS}, pos.balance AS balance, pos.overdue AS overdue
     FROM pos JOIN customers c ON c.id = pos.cid ${KEY_CONTACT}
     WHERE pos.balance > 0
     ORDER BY ${ROUTE_ORDER} LIMIT @limit`,
  ).all({ d: asOf, r: regionCode, limit }) as RunCustomerRow[];
}

/** The same facts for given customers (a run's stops), whatever they owe. */
export function runCustomers(sqlite: Sqlite, asOf: string, ids: number[]): RunCustomerRow[] {
  if (ids.length === 0) return [];
  return stmt(
    sqlite,
    `WITH scope (id) AS (SELECT value FROM json_each(@ids)),
     ${OPEN_AS_OF}
     SELECT ${CUSTOMER_COLUMNS}, COALESCE(pos.balance, 0) AS balance, COALESCE(pos.overdue, 0) AS overdue
     FROM customers c LEFT JOIN pos ON pos.cid = c.id ${KEY_CONTACT}
     WHERE c.id IN (SELECT id FROM scope)
     ORDER BY ${ROUTE_ORDER}`,
  ).all({ d: asOf, ids: JSON.stringify(ids) }) as RunCustomerRow[];
}

/** Customers that exist (for validating a run's list): id → lifecycle. */
export function lifecycles(sqlite: Sqlite, ids: number[]): Map<number, string> {
  const rows = stmt(sqlite, 'SELECT id, lifecycle FROM customers WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(ids),
  ) as { id: number; lifecycle: string }[];
  return new Map(rows.map((r) => [r.id, r.lifecycle]));
}

export function regionName(sqlite: Sqlite, code: string | null): string | null {
  if (code === null) return null;
  const r = stmt(sqlite, 'SELECT name FROM regions WHERE code = ?').get(code) as { name: string } | undefined;
  return r?.name ?? null;
}

export function insertRun(
  sqlite: Sqlite,
  r: { runDate: string; regionCode: string | null; note: string | null; operatorName: string | null; now: string },
): number {
  return Number(
    stmt(
      sqlite,
      'INSERT INTO collection_runs (run_date, region_code, note, operator_name, created_at) VALUES (@runDate, @regionCode, @note, @operatorName, @now)',
    ).run(r).lastInsertRowid,
  );
}

export function insertStop(sqlite: Sqlite, runId: number, seq: number, customerId: number): number {
  return Number(
    stmt(sqlite, 'INSERT INTO collection_run_stops (run_id, seq, customer_id) VALUES (?, ?, ?)').run(
      runId,
      seq,
      customerId,
    ).lastInsertRowid,
  );
}

export interface RunRow {
  id: number;
  runDate: string;
  regionCode: string | null;
  note: string | null;
  operatorName: string | null;
}

export function runById(sqlite: Sqlite, id: number): RunRow | undefined {
  return stmt(
    sqlite,
    'SELECT id, run_date AS runDate, region_code AS regionCode, note, operator_name AS operatorName FROM collection_runs WHERE id = ?',
  ).get(id) as RunRow | undefined;
}

export interface StopRow {
  stopId: number;
  runId: number;
  seq: number;
  customerId: number;
  outcome: string | null;
  collectionRecordId: number | null;
  promiseId: number | null;
  receiptId: number | null;
}

const STOP_COLUMNS = `id AS stopId, run_id AS runId, seq, customer_id AS customerId, outcome, collection_record_id AS collectionRecordId,
  promise_id AS promiseId, receipt_id AS receiptId`;

export function stopsOfRun(sqlite: Sqlite, runId: number): StopRow[] {
  return stmt(sqlite, `SELECT ${STOP_COLUMNS} FROM collection_run_stops WHERE run_id = ? ORDER BY seq`).all(
    runId,
  ) as StopRow[];
}

export function stopById(sqlite: Sqlite, stopId: number): StopRow | undefined {
  return stmt(sqlite, `SELECT ${STOP_COLUMNS} FROM collection_run_stops WHERE id = ?`).get(stopId) as
    StopRow | undefined;
}

export function saveStopOutcome(
  sqlite: Sqlite,
  s: {
    stopId: number;
    outcome: string;
    collectionRecordId: number;
    promiseId: number | null;
    receiptId: number | null;
    now: string;
  },
): void {
  stmt(
    sqlite,
    `UPDATE collection_run_stops SET outcome = @outcome, collection_record_id = @collectionRecordId, promise_id = @promiseId,
       receipt_id = @receiptId, recorded_at = @now WHERE id = @stopId`,
  ).run(s);
}

export interface RunListDbRow {
  id: number;
  runDate: string;
  regionCode: string | null;
  regionName: string | null;
  stops: number;
  recorded: number;
}

export function listRuns(sqlite: Sqlite, limit = 200): RunListDbRow[] {
  return stmt(
    sqlite,
    `SELECT r.id AS id, r.run_date AS runDate, r.region_code AS regionCode, g.name AS regionName,
            (SELECT COUNT(*) FROM collection_run_stops s WHERE s.run_id = r.id) AS stops,
            (SELECT COUNT(*) FROM collection_run_stops s WHERE s.run_id = r.id AND s.outcome IS NOT NULL) AS recorded
     FROM collection_runs r LEFT JOIN regions g ON g.code = r.region_code
     ORDER BY r.run_date DESC, r.id DESC LIMIT ?`,
  ).all(limit) as RunListDbRow[];
}
