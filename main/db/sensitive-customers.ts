// Confidential and top-secret customers (SPEC: 保密/绝密), read from the partial index
// customers_sensitive (migration 0024). The levels are written out, not bound: SQLite can only
// use a partial index when the query's WHERE names the same literal values. Sorted here, not by
// ORDER BY id, which would make SQLite scan the table in rowid order instead.
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

export const SENSITIVE_CUSTOMERS_SQL = `SELECT id, code FROM customers
  WHERE confidentiality IN ('confidential', 'top_secret')`;

export async function sensitiveCustomerRows(db: Kysely<DB>): Promise<{ id: number; code: string }[]> {
  const r = await sql<{ id: number; code: string }>`${sql.raw(SENSITIVE_CUSTOMERS_SQL)}`.execute(db);
  return r.rows.sort((a, b) => a.id - b.id);
}
