// Confidential and top-secret customers (SPEC: 保密/绝密) are masked in every export unless the
// user asked to include them AND confirmed. One rule for customers, ageing and audit exports.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { AppError } from '../../shared/result';
import { SENSITIVE_LEVELS } from '../../shared/customer-fields';

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

/** Ids and codes of the confidential and top-secret customers. */
export async function sensitiveCustomers(db: Kysely<DB>): Promise<{ ids: Set<number>; codes: string[] }> {
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'code'])
    .where('confidentiality', 'in', [...SENSITIVE_LEVELS])
    .execute();
  return { ids: new Set(rows.map((r) => r.id)), codes: rows.map((r) => r.code) };
}
