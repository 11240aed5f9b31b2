// The customers an import changes: one UPDATE each on the raw connection, prepared once (their
// update triggers firing as before), instead of a kysely query built for every customer.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';
import { NEW_CUSTOMER_COLUMNS } from './bulk-insert';

/** The columns an import sets on a customer it changes (customerColumns), in the order of their values. */
export const CHANGED_CUSTOMER_COLUMNS = NEW_CUSTOMER_COLUMNS.slice(0, NEW_CUSTOMER_COLUMNS.indexOf('lifecycle'));

const updateSql = (lifecycle: boolean) =>
  `UPDATE customers SET ${[...CHANGED_CUSTOMER_COLUMNS, ...(lifecycle ? ['lifecycle'] : []), 'updated_at']
    .map((c) => `${c} = ?`)
    .join(', ')}, version = version + 1 WHERE id = ?`;
const UPDATE = updateSql(false);
const UPDATE_LIFECYCLE = updateSql(true);

/** Sets `values` (CHANGED_CUSTOMER_COLUMNS), the lifecycle when the file gives one, updated_at, and the next version. */
export function updateImportedCustomer(
  sqlite: Database.Database,
  id: number,
  values: unknown[],
  lifecycle: string | null,
  updatedAt: string,
): void {
  if (lifecycle) values.push(lifecycle);
  values.push(updatedAt, id);
  stmt(sqlite, lifecycle ? UPDATE_LIFECYCLE : UPDATE).run(values);
}

/** The customers with these codes (those that exist), in one statement: id, lifecycle and limit by code. */
export function customersByCode(
  sqlite: Database.Database,
  codes: readonly string[],
): Map<string, { id: number; lifecycle: string; creditLimit: number }> {
  const rows = stmt(
    sqlite,
    `SELECT c.code, c.id, c.lifecycle, c.credit_limit FROM json_each(?) AS j CROSS JOIN customers c ON c.code = j.value`,
  )
    .raw()
    .all(JSON.stringify(codes)) as [string, number, string, number][];
  return new Map(rows.map(([code, id, lifecycle, creditLimit]) => [code, { id, lifecycle, creditLimit }]));
}
