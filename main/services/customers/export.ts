// Export of the (filtered) customer list to CSV (UTF-8 with BOM, so Excel opens it) or .xlsx.
// Confidential and top-secret customers have contact and financial fields masked unless the
// user explicitly includes them after a confirmation, which is written to the audit log.
import { serverError } from '../../../shared/messages/server-messages';
import { loadExcel } from '../../lib/lazy-modules';
import { csvTable } from '../../lib/csv';
import {
  CHINESE_HEADERS,
  PROFILE_FIELDS,
  SENSITIVE_LEVELS,
  type Confidentiality,
  CUSTOMER_FILE_BASE_COLUMNS,
} from '../../../shared/customer-fields';
import { fenToDecimal } from '../../../shared/money';
import type { ExportFile } from '../../../shared/types';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { applyCustomerFilter } from './query';
import type { CustomerFilter } from './filter';

export const MASK = '***';

const BASE_COLUMNS = CUSTOMER_FILE_BASE_COLUMNS;
const SENSITIVE_BASE = new Set(['address', 'phone', 'email', 'credit_limit']);
const SENSITIVE_PROFILE = new Set(PROFILE_FIELDS.filter((f) => f.sensitive).map((f) => f.key));
const MONEY_PROFILE = new Set(PROFILE_FIELDS.filter((f) => f.type === 'money').map((f) => f.key));

export interface ExportInput {
  filter?: CustomerFilter;
  format: 'csv' | 'xlsx';
  includeSensitive?: boolean;
  confirmed?: boolean;
  locale?: 'zh-CN' | 'en';
}

export async function exportCustomers(ctx: ServiceContext, input: ExportInput): Promise<ExportFile> {
  if (input.includeSensitive && !input.confirmed) {
    throw serverError(
      'CONFIRMATION_REQUIRED',
      'confirm_sensitive_export',
      {},
      { field: 'includeSensitive', bare: true },
    );
  }
  const rows = await applyCustomerFilter(ctx.book.db.selectFrom('customers'), input.filter)
    .selectAll()
    .orderBy('code')
    .execute();
  const profileKeys = PROFILE_FIELDS.map((f) => f.key);
  const keys = [...BASE_COLUMNS, 'value_tier', 'credit_rating', ...profileKeys];
  let masked = 0;
  let sensitiveIncluded = 0;
  const data = rows.map((r) => {
    const sensitive = SENSITIVE_LEVELS.includes(r.confidentiality as Confidentiality);
    const mask = sensitive && !input.includeSensitive;
    if (mask) masked++;
    if (sensitive && input.includeSensitive) sensitiveIncluded++;
    const profile = JSON.parse(r.profile) as Record<string, unknown>;
    const base: Record<string, string> = {
      code: r.code,
      name: r.name,
      kind: r.kind,
      region: r.region_code ?? '',
      payment_terms_days: String(r.payment_terms_days),
      credit_limit: fenToDecimal(r.credit_limit),
      nature: r.nature,
      lifecycle: r.lifecycle,
      prospect_grade: r.prospect_grade ?? '',
      route_seq: r.route_seq === null ? '' : String(r.route_seq),
      confidentiality: r.confidentiality,
      address: r.address ?? '',
      phone: r.phone ?? '',
      email: r.email ?? '',
      value_tier: r.value_tier ?? '',
      credit_rating: r.credit_rating ?? '',
    };
    for (const k of profileKeys) {
      const v = profile[k];
      base[k] = v === undefined || v === null ? '' : MONEY_PROFILE.has(k) ? fenToDecimal(Number(v)) : String(v);
    }
    if (mask) {
      for (const k of keys) {
        if ((SENSITIVE_BASE.has(k) || SENSITIVE_PROFILE.has(k)) && base[k] !== '') base[k] = MASK;
      }
    }
    return keys.map((k) => base[k]);
  });
  const headers = input.locale === 'zh-CN' ? keys.map((k) => CHINESE_HEADERS[k] ?? k) : [...keys];

  await writeAudit(ctx, ctx.book.db, {
    entity: 'export',
    entityId: 'customers',
    action: input.includeSensitive ? 'export-sensitive' : 'export',
    after: { format: input.format, rows: rows.length, masked, sensitiveIncluded, filter: input.filter ?? {} },
    note: input.includeSensitive ? 'user confirmed including confidential/top-secret customers' : null,
  });

  const stamp = ctx.clock.today().replaceAll('-', '');
  if (input.format === 'csv') {
    const csv = '\uFEFF' + csvTable(headers, data);
    return {
      fileName: `customers-${stamp}.csv`,
      mime: 'text/csv',
      base64: Buffer.from(csv, 'utf8').toString('base64'),
      rows: rows.length,
      masked,
    };
  }
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(input.locale === 'zh-CN' ? '客户' : 'Customers');
  ws.addRow(headers).font = { bold: true };
  for (const d of data) ws.addRow(d);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName: `customers-${stamp}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buf.toString('base64'),
    rows: rows.length,
    masked,
  };
}
