// Customer list: search (code, name, phone, pinyin) + filters + sort + paging. The list uses the
// in-memory finder (search-index.ts); exports use the same filter as SQL (applyCustomerFilter).
import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/schema';
import type { CustomerListRow } from '../../../shared/types';
import { normaliseQuery } from '../../domain/pinyin-search';
import type { ServiceContext } from '../context';
import { LIST_COLUMNS, toListRow } from './mapping';
import { findCustomerIds } from './search-index';
import type { CustomerFilter, CustomerSort } from './filter';

export interface ListCustomersInput {
  filter?: CustomerFilter;
  sort?: CustomerSort;
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/** LIKE pattern for a literal substring (escapes % and _). */
function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

export function applyCustomerFilter<O>(
  qb: SelectQueryBuilder<DB, 'customers', O>,
  f: CustomerFilter = {},
): SelectQueryBuilder<DB, 'customers', O> {
  let q = qb;
  const text = f.query ? normaliseQuery(f.query) : '';
  if (text) q = q.where(sql<boolean>`search_text LIKE ${containsPattern(text)} ESCAPE '\\'`);
  if (f.nature?.length) q = q.where('nature', 'in', f.nature);
  if (f.lifecycle?.length) q = q.where('lifecycle', 'in', f.lifecycle);
  else if (!f.includeTerminated) q = q.where('lifecycle', '!=', 'terminated');
  if (f.region?.length) q = q.where('region_code', 'in', f.region);
  if (f.confidentiality?.length) q = q.where('confidentiality', 'in', f.confidentiality);
  if (f.valueTier?.length) q = q.where(sql<boolean>`COALESCE(value_tier, 'none') IN (${sql.join(f.valueTier)})`);
  if (f.creditRating?.length)
    q = q.where(sql<boolean>`COALESCE(credit_rating, 'none') IN (${sql.join(f.creditRating)})`);
  if (f.creditClass?.length) q = q.where(sql<boolean>`COALESCE(credit_class, 'none') IN (${sql.join(f.creditClass)})`);
  if (f.prospectGrade?.length)
    q = q.where(sql<boolean>`COALESCE(prospect_grade, 'none') IN (${sql.join(f.prospectGrade)})`);
  return q;
}

export async function listCustomers(
  ctx: ServiceContext,
  input: ListCustomersInput,
): Promise<{ total: number; rows: CustomerListRow[] }> {
  const { total, ids } = await findCustomerIds(
    ctx.book,
    input.filter,
    input.sort,
    input.order,
    input.offset ?? 0,
    input.limit ?? 100,
  );
  if (ids.length === 0) return { total, rows: [] };
  const rows = await ctx.book.db.selectFrom('customers').select(LIST_COLUMNS).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { total, rows: ids.map((id) => toListRow(byId.get(id)!)) };
}
