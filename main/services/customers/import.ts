// Customer import: every row is validated first (import-row.ts); only a file without a single bad
// row is written, in one transaction (all rows or none). New customers are written many rows to a
// statement with the per-row insert triggers paused (db/customers/), existing codes are updated.
import { serverError } from '../../../shared/messages/server-messages';
import type { RowError } from '../../../shared/result';
import {
  CHINESE_HEADER_ALIASES,
  CHINESE_HEADERS,
  PROFILE_KEYS,
  CUSTOMER_FILE_BASE_COLUMNS,
} from '../../../shared/customer-fields';
import type { ImportSummary } from '../../../shared/types';
import { readRows, type ImportColumns } from '../../import/rows';
import type { ImportSource } from '../../import/source';
import { writeAudit } from '../audit';
import {
  customerBulk,
  noCustomersYet,
  pauseCustomerInserts,
  resumeCustomerInserts,
} from '../../db/customers/insert-pause';
import { CustomerHistoryRows, NewCustomerRows } from '../../db/customers/bulk-insert';
import { CHANGED_CUSTOMER_COLUMNS, customersByCode, updateImportedCustomer } from '../../db/customers/bulk-update';
import { withBulkCache } from '../../db/receivables/prepared';
import type { ServiceContext } from '../context';
import { customerColumns } from './commands';
import { assertImportedLimitsRoom } from '../limits/money-caps';
import { parseRow, type ParsedRow } from './import-row';

const COLUMN_KEYS = [
  ...CUSTOMER_FILE_BASE_COLUMNS,
  ...PROFILE_KEYS,
  // computed by the app (value tier, rating): accepted so an export imports back, then ignored
  'value_tier',
  'credit_rating',
];

const CUSTOMER_FILE: ImportColumns = {
  columns: COLUMN_KEYS,
  chinese: CHINESE_HEADERS,
  aliases: CHINESE_HEADER_ALIASES,
  required: ['code', 'name', 'kind'],
};

/**
 * The new customers in file order, each with its audit row and (with a limit) its credit-limit
 * decision, many rows to a statement; returns how many.
 */
function writeNewCustomers(
  ctx: ServiceContext,
  sqlite: ServiceContext['book']['sqlite'],
  fresh: readonly ParsedRow[],
  fileName: string,
  now: string,
): number {
  const operatorId = ctx.session.operator?.id || null;
  const operatorName = ctx.session.operator?.name ?? null;
  const today = ctx.clock.today();
  const rows = new NewCustomerRows<{ p: ParsedRow; after: string }>(
    sqlite,
    (id, { p, after }) => {
      const history = rows.history;
      history.audit.values.push(now, operatorId, operatorName, 'customer', p.input.code, 'import-create', null, after);
      history.audit.values.push(`${fileName} row ${p.row}`);
      history.endAudit(id);
      // limits set by import are recorded as credit-limit decisions (SPEC §4: the limit is a decision)
      if (p.input.creditLimit === 0) return;
      history.decisions.values.push(today, p.input.creditLimit, 'import', null, `${fileName} row ${p.row}`, 'import');
      history.decisions.values.push(operatorName, null, ctx.clock.now().toISOString());
      history.endDecision(id);
    },
    customerBulk.perRow,
  );
  const values = rows.customers.values;
  for (const p of fresh) {
    // the columns once per row (their pinyin is most of the cost): the insert and its audit row
    const c = customerColumns(p.input);
    const lifecycle = p.lifecycle ?? 'active';
    const review =
      lifecycle === 'prospect'
        ? null
        : JSON.stringify({
            requestedBy: null,
            approvedBy: `import ${fileName}`,
            approvedAt: now,
            note: `imported row ${p.row}`,
          });
    values.push(c.code, c.name, c.kind, c.nature, c.prospect_grade, c.region_code, c.route_seq, c.confidentiality);
    values.push(c.address, c.phone, c.email, c.payment_terms_days, c.credit_limit, c.profile, c.search_text);
    values.push(c.name_pinyin, lifecycle, review, now, now);
    rows.endCustomer({ p, after: JSON.stringify(c) });
  }
  rows.finish();
  return rows.created;
}

/**
 * The customers of the file that exist already, in file order: their columns (and lifecycle when
 * given), a credit-limit decision when the limit changes, an audit row each; returns how many.
 */
function writeChangedCustomers(
  ctx: ServiceContext,
  sqlite: ServiceContext['book']['sqlite'],
  parsed: readonly ParsedRow[],
  existing: ReadonlyMap<string, { id: number; creditLimit: number }>,
  fileName: string,
  now: string,
): number {
  const operatorId = ctx.session.operator?.id || null;
  const operatorName = ctx.session.operator?.name ?? null;
  const history = new CustomerHistoryRows(sqlite, customerBulk.perRow);
  let updated = 0;
  for (const p of parsed) {
    const ex = existing.get(p.input.code);
    if (!ex) continue;
    const cols = customerColumns(p.input);
    const values = CHANGED_CUSTOMER_COLUMNS.map((k) => cols[k as keyof typeof cols]);
    updateImportedCustomer(sqlite, ex.id, values, p.lifecycle, now);
    const note = `${fileName} row ${p.row}`;
    if (cols.credit_limit !== ex.creditLimit) {
      history.decisions.values.push(ctx.clock.today(), cols.credit_limit, 'import', null, note, 'import');
      history.decisions.values.push(operatorName, null, ctx.clock.now().toISOString());
      history.endDecision(ex.id);
    }
    const at = ctx.clock.now().toISOString();
    history.audit.values.push(at, operatorId, operatorName, 'customer', p.input.code, 'import-update', null);
    history.audit.values.push(JSON.stringify(cols), note);
    history.endAudit(ex.id);
    updated++;
  }
  history.finish();
  return updated;
}

export async function importCustomers(
  ctx: ServiceContext,
  fileName: string,
  source: ImportSource,
): Promise<ImportSummary> {
  // all rows are checked before anything is written: keep each row's cells of the file's columns
  // (`present` order; all of COLUMN_KEYS, mostly absent profile fields, were 60 cells a row)
  const lines: { row: number; cells: string[] }[] = [];
  const { present } = await readRows(fileName, source, CUSTOMER_FILE, (row, get, keys) => {
    lines.push({ row, cells: keys.map(get) });
  });
  if (lines.length === 0)
    throw serverError('VALIDATION', 'import_no_rows', { file: fileName }, { field: 'file', bare: true });
  const at = present.map((k, i) => [k, i] as const);

  const errors: RowError[] = [];
  const parsed: ParsedRow[] = [];
  const seen = new Map<string, number>();
  for (const r of lines) {
    const v: Record<string, string> = {}; // the file's columns only (Object.fromEntries: a twentieth of the import)
    for (const [k, i] of at) v[k] = r.cells[i];
    const p = parseRow(r.row, v, errors);
    if (!p) continue;
    const prev = seen.get(p.input.code);
    if (prev)
      errors.push({ row: r.row, field: 'code', message: `duplicate code ${p.input.code} (also in row ${prev})` });
    else seen.set(p.input.code, r.row);
    parsed.push(p);
  }

  const db = ctx.book.db;
  const regions = new Set((await db.selectFrom('regions').select('code').execute()).map((r) => r.code));
  const existing = customersByCode(
    ctx.book.sqlite,
    parsed.map((p) => p.input.code),
  );
  for (const p of parsed) {
    const ex = existing.get(p.input.code);
    if (ex?.lifecycle === 'terminated')
      errors.push({ row: p.row, field: 'code', message: `customer ${p.input.code} is terminated and read-only` });
    if (p.lifecycle === 'active' && ex && ex.lifecycle === 'prospect') {
      // allowed: the import file states the customer is already trading (recorded below)
    }
  }
  if (!errors.length)
    assertImportedLimitsRoom(
      ctx.book.sqlite,
      parsed.map((p) => ({ row: p.row, code: p.input.code, limit: p.input.creditLimit })),
    );
  const newRegions = new Set<string>();
  for (const p of parsed)
    if (p.input.regionCode && !regions.has(p.input.regionCode)) newRegions.add(p.input.regionCode);

  if (errors.length) {
    errors.sort((a, b) => a.row - b.row);
    throw serverError(
      'VALIDATION',
      'import_problems',
      { file: fileName, count: errors.length },
      { rows: errors, field: errors[0].field, bare: true },
    );
  }

  const now = ctx.clock.now().toISOString();
  let created = 0;
  let updated = 0;
  const sqlite = ctx.book.sqlite;
  // the bulk page cache: 100,000 new customers land all over the customers' indexes; a first
  // import builds them at the end (insert-pause.ts), where the sort may use helper threads
  await withBulkCache(sqlite, { indexBuilds: noCustomersYet(sqlite) }, () =>
    db.transaction().execute(async (trx) => {
      // Regions named in the file but not yet kept are created with their code as name.
      for (const code of newRegions)
        await trx.insertInto('regions').values({ code, name: code, area: null, created_at: now }).execute();
      const fresh = parsed.filter((p) => !existing.has(p.input.code));
      const pause = pauseCustomerInserts(sqlite, fresh.length);
      created = writeNewCustomers(ctx, sqlite, fresh, fileName, now);
      resumeCustomerInserts(sqlite, pause);
      updated = writeChangedCustomers(ctx, sqlite, parsed, existing, fileName, now);
      await writeAudit(ctx, trx, {
        entity: 'import',
        entityId: fileName,
        action: 'import',
        after: { kind: 'customers', rows: parsed.length, created, updated },
      });
    }),
  );
  return { imported: parsed.length, created, updated };
}
