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

/**
 * The list as it opens (no search text, code order) is answered by SQLite through the code and
 * (lifecycle, code) indexes: a page plus an index-only count cost milliseconds, where loading the
 * in-memory finder reads all 100,000 customers first (1.5–2 s of CPU on a cold book). Searches
 * and the other sort orders use the finder. A region filter naming '' (no region) stays with the
 * finder, whose null-as-'' rule SQL's IN does not share.
 */
function pagesInSql(input: ListCustomersInput): boolean {
  const f = input.filter ?? {};
  return (input.sort ?? 'code') === 'code' && !(f.query && normaliseQuery(f.query)) && !f.region?.includes('');
}

async function listInSql(ctx: ServiceContext, input: ListCustomersInput) {
  const where = <O>(qb: SelectQueryBuilder<DB, 'customers', O>) => applyCustomerFilter(qb, input.filter);
  const [rows, count] = await Promise.all([
    where(ctx.book.db.selectFrom('customers').select(LIST_COLUMNS))
      .orderBy('code', input.order ?? 'asc')
      .limit(input.limit ?? 100)
      .offset(input.offset ?? 0)
      .execute(),
    where(
      ctx.book.db.selectFrom('customers').select((eb) => eb.fn.countAll<number>().as('n')),
    ).executeTakeFirstOrThrow(),
  ]);
  return { total: Number(count.n), rows: rows.map(toListRow) };
}

export async function listCustomers(
  ctx: ServiceContext,
  input: ListCustomersInput,
): Promise<{ total: number; rows: CustomerListRow[] }> {
  if (pagesInSql(input)) return listInSql(ctx, input);
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
