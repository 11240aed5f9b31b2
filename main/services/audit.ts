// The append-only audit log: who, when, before, after. Written inside the same transaction
// as the change it describes, so a change without its audit row cannot exist.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema';
import { loadExcel } from '../lib/lazy-modules';
import { csvTable } from '../lib/csv';
import type { AuditEntry, ExportFile } from '../../shared/types';
import type { ServiceContext } from './context';
import { MASK, sensitiveCustomers, showSensitive, type SensitiveChoice } from './sensitive-customers';
import { fromNumberRuns, isNumberRuns } from '../lib/number-runs';

export interface AuditRecord {
  entity: string;
  entityId?: string | number | null;
  customerId?: number | null;
  action: string;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

export async function writeAudit(
  ctx: ServiceContext,
  trx: Kysely<DB> | Transaction<DB>,
  rec: AuditRecord,
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      at: ctx.clock.now().toISOString(),
      operator_id: ctx.session.operator?.id || null, // id 0 = command line, not an operators row
      operator_name: ctx.session.operator?.name ?? null,
      entity: rec.entity,
      entity_id: rec.entityId == null ? null : String(rec.entityId),
      customer_id: rec.customerId ?? null,
      action: rec.action,
      before: rec.before === undefined ? null : JSON.stringify(rec.before),
      after: rec.after === undefined ? null : JSON.stringify(rec.after),
      note: rec.note ?? null,
    })
    .execute();
}

export interface AuditQuery {
  customerId?: number;
  customerCode?: string;
  operator?: string;
  entity?: string;
  from?: string;
  to?: string;
  offset?: number;
  limit?: number;
}

export async function listAudit(ctx: ServiceContext, q: AuditQuery): Promise<{ total: number; rows: AuditEntry[] }> {
  let base = ctx.book.db.selectFrom('audit_log');
  if (q.customerId !== undefined) base = base.where('customer_id', '=', q.customerId);
  if (q.customerCode) {
    const c = await ctx.book.db
      .selectFrom('customers')
      .select('id')
      .where('code', '=', q.customerCode)
      .executeTakeFirst();
    base = base.where('customer_id', '=', c?.id ?? -1);
  }
  if (q.operator) base = base.where('operator_name', '=', q.operator);
  if (q.entity) base = base.where('entity', '=', q.entity);
  if (q.from) base = base.where('at', '>=', q.from);
  if (q.to) base = base.where('at', '<', q.to.length === 10 ? `${q.to}T99` : q.to); // a date `to` includes that whole day
  const { n } = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('id', 'desc')
    .offset(q.offset ?? 0)
    .limit(q.limit ?? 200)
    .execute();
  return {
    total: Number(n),
    rows: rows.map((r) => ({
      id: r.id,
      at: r.at,
      operatorName: r.operator_name,
      entity: r.entity,
      entityId: r.entity_id,
      customerId: r.customer_id,
      action: r.action,
      before: r.before ? JSON.parse(r.before) : null,
      after: r.after ? withNumbers(r.entity, JSON.parse(r.after)) : null,
      note: r.note,
    })),
  };
}

/**
 * An invoice import's row stores the numbers it created as runs (numberRuns): readers get the
 * full list as `numbers`, in the same place among the row's fields, as rows written before did.
 */
function withNumbers(entity: string, after: unknown): unknown {
  if (entity !== 'import' || !after || typeof after !== 'object' || Array.isArray(after)) return after;
  const runs = (after as Record<string, unknown>).numberRuns;
  if (!isNumberRuns(runs)) return after;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(after)) {
    if (k === 'numberRuns') out.numbers = fromNumberRuns(runs);
    else out[k] = v;
  }
  return out;
}

/** Audit log export (CSV with BOM, or .xlsx) of the filtered entries, newest first (max 100,000). */
export async function exportAudit(
  ctx: ServiceContext,
  q: AuditQuery & { format: 'csv' | 'xlsx'; locale?: 'zh-CN' | 'en' } & SensitiveChoice,
): Promise<ExportFile> {
  const show = showSensitive(q);
  const { includeSensitive: _i, confirmed: _c, ...query } = q;
  const listed = await listAudit(ctx, { ...query, offset: 0, limit: 100_000 });
  // entries about confidential/top-secret customers: before/after states (address, credit
  // limit, contacts …) masked unless confirmed
  const hidden = show ? new Set<number>() : (await sensitiveCustomers(ctx.book.db)).ids;
  let masked = 0;
  const rows = listed.rows.map((r) => {
    if (r.customerId == null || !hidden.has(r.customerId) || (r.before == null && r.after == null)) return r;
    masked++;
    return { ...r, before: r.before == null ? null : MASK, after: r.after == null ? null : MASK };
  });
  const cell = (v: unknown) => (v == null ? '' : v === MASK ? MASK : JSON.stringify(v));
  const zh = q.locale !== 'en';
  const headers = zh
    ? ['时间', '操作员', '对象', '编号', '动作', '变更前', '变更后', '备注']
    : ['time', 'operator', 'entity', 'id', 'action', 'before', 'after', 'note'];
  const data = rows.map((r) => [
    r.at,
    r.operatorName ?? '',
    r.entity,
    r.entityId ?? '',
    r.action,
    cell(r.before),
    cell(r.after),
    r.note ?? '',
  ]);
  const stamp = ctx.clock.today().replaceAll('-', '');
  if (q.format === 'csv') {
    const csv = '\uFEFF' + csvTable(headers, data);
    return {
      fileName: `audit-${stamp}.csv`,
      mime: 'text/csv',
      base64: Buffer.from(csv, 'utf8').toString('base64'),
      rows: rows.length,
      masked,
    };
  }
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(zh ? '审计日志' : 'Audit log');
  ws.addRow(headers).font = { bold: true };
  for (const d of data) ws.addRow(d);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName: `audit-${stamp}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buf.toString('base64'),
    rows: rows.length,
    masked,
  };
}
