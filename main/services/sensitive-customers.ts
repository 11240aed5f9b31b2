// Confidential and top-secret customers (SPEC: 保密/绝密) are masked in every export unless the
// user asked to include them AND confirmed. One rule for customers, ageing and audit exports.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../../shared/result';
import { sensitiveCustomerRows } from '../db/sensitive-customers';

export const MASK = '***';

export interface SensitiveChoice {
  includeSensitive?: boolean;
  confirmed?: boolean;
}

/** Throws CONFIRMATION_REQUIRED when sensitive data is asked for without confirmation; true when it may be shown. */
export function showSensitive(input: SensitiveChoice): boolean {
  if (input.includeSensitive && !input.confirmed) {
    throw new AppError('CONFIRMATION_REQUIRED', 'including confidential and top-secret customers needs confirmation', {
      field: 'includeSensitive',
    });
  }
  return input.includeSensitive === true;
}

interface SensitiveSet {
  rev: number;
  ids: number[];
  codes: string[];
}
// kept per book connection while the customers' revision counter (foundation migration
// triggers, any connection's change) stands (the first export reads them from a partial index)
const kept = new WeakMap<Kysely<DB>, SensitiveSet>();

/** Ids and codes of the confidential and top-secret customers. */
export async function sensitiveCustomers(db: Kysely<DB>): Promise<{ ids: Set<number>; codes: string[] }> {
  const rev = (await db.selectFrom('revisions').select('rev').where('name', '=', 'customers').executeTakeFirst())?.rev;
  let hit = kept.get(db);
  if (!hit || rev === undefined || hit.rev !== rev) {
    const rows = await sensitiveCustomerRows(db);
    hit = { rev: rev ?? -1, ids: rows.map((r) => r.id), codes: rows.map((r) => r.code) };
    if (rev === undefined) kept.delete(db);
    else kept.set(db, hit);
  }
  return { ids: new Set(hit.ids), codes: [...hit.codes] };
}
