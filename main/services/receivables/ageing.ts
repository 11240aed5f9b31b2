// Ageing (账龄分析) of the whole book as of any date, on due or issue basis, with any bucket
// set; drill-down to the open invoices; tie-out against the ledger balance; CSV / .xlsx export.
// The computation is in ageing-compute.ts; whole-book reports run through reports.ts (the report
// worker for a big book), drill-down (one customer, a few rows) runs in-thread.
import type Database from 'better-sqlite3';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../../lib/lazy-modules';
import { csvRows } from '../../lib/csv';
import { MASK, sensitiveCustomers, showSensitive, type SensitiveChoice } from '../sensitive-customers';
import { bucketFor, defaultBuckets, type BucketSet } from '../../domain/ageing';
import { daysBetween } from '../../domain/dates';
import { fenToDecimal, formatBp } from '../../../shared/money';
import { AppError } from '../../../shared/result';
import { openItemsAsOf } from '../../db/receivables-store';
import type { ExportFile } from '../../../shared/types';
import type { AgeingBucketDef, AgeingReportOut, AgeingReportRow, AgeingReportWire, DrilldownOut, OpenItemOut, TieOutOut } from '../../../shared/types-receivables';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { isCurrent } from './ageing-compute';
import { assertDateField, customerById, read, serialize } from './common';
import { runAgeing, runAgeingWire, runReport } from './reports';
import { resolveBuckets } from './settings';

export { computeAgeing, isCurrent, ledgerBalance } from './ageing-compute';

export interface AgeingQuery {
  asOf: string;
  basis?: 'due' | 'issue';
  buckets?: AgeingBucketDef[];
  preset?: string;
  /** Rebuild from allocations even when the kept open amounts would do (tests, checks). */
  rebuild?: boolean;
}

/** Whole-book ageing: on the report worker for a big book (the window stays responsive); by columns. */
export async function ageingReport(ctx: ServiceContext, q: AgeingQuery): Promise<AgeingReportWire> {
  assertDateField(q.asOf, 'asOf');
  const basis = q.basis ?? 'due';
  const set = await serialize(ctx, () => resolveBuckets(ctx, basis, q));
  return runAgeingWire(ctx, { asOf: q.asOf, basis, set, rebuild: q.rebuild });
}

/** The report in the fixed shape of `creditdesk ageing --format json` (DESIGN.md). */
export async function ageingReportFixed(ctx: ServiceContext, asOf: string, basis: 'due' | 'issue') {
  const r = await runAgeing(ctx, { asOf, basis, set: defaultBuckets(basis) });
  return {
    asOf: r.asOf,
    basis: r.basis,
    currency: r.currency,
    buckets: r.buckets,
    rows: r.rows.map((x) => ({ customerCode: x.customerCode, customerName: x.customerName, buckets: x.buckets, unapplied: x.unapplied, total: x.total, creditLimit: x.creditLimit })),
    totals: r.totals,
  };
}

export function openItemsOut(sqlite: Database.Database, customerId: number, asOf: string, basis: 'due' | 'issue', set: BucketSet): OpenItemOut[] {
  return openItemsAsOf(sqlite, customerId, asOf, isCurrent(sqlite, asOf))
    .filter((r) => r.open > 0)
    .map((r) => {
      const daysPastDue = daysBetween(r.dueDate, asOf);
      const daysSinceIssue = daysBetween(r.issueDate, asOf);
      return {
        invoiceId: r.id,
        number: r.number,
        issueDate: r.issueDate,
        dueDate: r.dueDate,
        amount: r.amount,
        open: r.open,
        daysPastDue,
        daysSinceIssue,
        bucket: bucketFor(basis === 'issue' ? daysSinceIssue : daysPastDue, set),
      };
    });
}

export async function ageingDrilldown(ctx: ServiceContext, q: AgeingQuery & { customerId: number; bucket?: string }): Promise<DrilldownOut> {
  assertDateField(q.asOf, 'asOf');
  const basis = q.basis ?? 'due';
  return read(ctx, (sqlite) => {
    const set = resolveBuckets(ctx, basis, q);
    if (q.bucket !== undefined && !set.some((b) => b.key === q.bucket)) throw new AppError('VALIDATION', `bucket: no bucket "${q.bucket}"`, { field: 'bucket' });
    const c = customerById(sqlite, q.customerId);
    const items = openItemsOut(sqlite, c.id, q.asOf, basis, set).filter((i) => q.bucket === undefined || i.bucket === q.bucket);
    return {
      asOf: q.asOf,
      basis,
      customerId: c.id,
      customerCode: c.code,
      customerName: c.name,
      bucket: q.bucket ?? null,
      items,
      total: items.reduce((s, i) => s + i.open, 0),
    };
  });
}

export async function ageingTieOut(ctx: ServiceContext, q: { asOf: string }): Promise<TieOutOut> {
  assertDateField(q.asOf, 'asOf');
  return runReport(ctx, 'tie-out', { asOf: q.asOf });
}

const ZH_BUCKETS: Record<string, string> = {
  not_due: '未到期',
  '1-30': '逾期1-30天',
  '31-60': '逾期31-60天',
  '61-90': '逾期61-90天',
  '91-180': '逾期91-180天',
  '181-365': '逾期181-365天',
  over_365: '逾期365天以上',
  'y0-1': '1年以内',
  'y1-2': '1-2年',
  'y2-3': '2-3年',
  'y3-4': '3-4年',
  'y4-5': '4-5年',
  over_5y: '5年以上',
};

/**
 * A report's rows as an export reads them: by index. From the worker's columns each row object
 * is made only while its slice is written, so a 100,000-customer export never holds them all.
 */
export interface ExportRows {
  rep: Pick<AgeingReportOut, 'basis' | 'buckets' | 'totals'>;
  count: number;
  row(i: number): AgeingReportRow;
}

export const rowsOf = (rep: AgeingReportOut): ExportRows => ({ rep, count: rep.rows.length, row: (i) => rep.rows[i] });

function tableParts(rep: Pick<AgeingReportOut, 'buckets' | 'totals'>, locale: 'zh-CN' | 'en', masked: ReadonlySet<string> = new Set()) {
  const zh = locale === 'zh-CN';
  const keys = rep.buckets.map((b) => b.key);
  const headers = [
    zh ? '客户编码' : 'customer_code',
    zh ? '客户名称' : 'customer_name',
    ...keys.map((k) => (zh ? (ZH_BUCKETS[k] ?? k) : k)),
    zh ? '未核销' : 'unapplied',
    zh ? '合计' : 'total',
    zh ? '信用额度' : 'credit_limit',
    zh ? '额度使用率%' : 'limit_used_pct',
  ];
  const pct = (bp: number | null) => (bp === null ? '' : formatBp(bp));
  const line = (r: AgeingReportOut['rows'][number]) => [
    r.customerCode,
    r.customerName,
    ...keys.map((k) => fenToDecimal(r.buckets[k])),
    fenToDecimal(r.unapplied),
    fenToDecimal(r.total),
    masked.has(r.customerCode) ? MASK : fenToDecimal(r.creditLimit),
    masked.has(r.customerCode) ? MASK : pct(r.limitUsedBp),
  ];
  const totals = [zh ? '合计' : 'TOTAL', '', ...keys.map((k) => fenToDecimal(rep.totals.buckets[k])), fenToDecimal(rep.totals.unapplied), fenToDecimal(rep.totals.total), '', ''];
  return { headers, line, totals };
}

export function ageingTable(rep: AgeingReportOut, locale: 'zh-CN' | 'en' = 'zh-CN'): { headers: string[]; data: string[][] } {
  const { headers, line, totals } = tableParts(rep, locale);
  const data = rep.rows.map(line);
  data.push(totals);
  return { headers, data };
}

/**
 * The CSV bytes (UTF-8 with a BOM, CRLF), encoded a slice of rows at a time: 100,000 rows never
 * exist as one UTF-16 string (Chinese names make it two bytes a character) nor twice as cells.
 */
function ageingCsv(src: ExportRows, locale: 'zh-CN' | 'en', masked: ReadonlySet<string>): Buffer {
  const { headers, line, totals } = tableParts(src.rep, locale, masked);
  const chunks = [Buffer.from('\uFEFF' + csvRows([headers]), 'utf8')];
  for (let i = 0; i < src.count; i += 2000) {
    const slice: string[][] = [];
    for (let j = i; j < Math.min(src.count, i + 2000); j++) slice.push(line(src.row(j)));
    chunks.push(Buffer.from('\r\n' + csvRows(slice), 'utf8'));
  }
  chunks.push(Buffer.from('\r\n' + csvRows([totals]), 'utf8'));
  return Buffer.concat(chunks);
}

/** The export file (CSV with a BOM, or .xlsx) of a computed report; runs on the report worker for big books. */
export async function buildAgeingExport(
  rows: ExportRows,
  q: { asOf: string; format: 'csv' | 'xlsx'; locale?: 'zh-CN' | 'en'; maskCodes?: string[] },
): Promise<ExportFile> {
  const name = `ageing-${rows.rep.basis}-${q.asOf.replaceAll('-', '')}`;
  // confidential/top-secret customers: credit limit and its use masked (balances stay, so totals tie out)
  const maskSet = new Set(q.maskCodes ?? []);
  let maskedCount = 0;
  const src: ExportRows = {
    ...rows,
    row: (i) => {
      const r = rows.row(i);
      if (maskSet.has(r.customerCode)) maskedCount++;
      return r;
    },
  };
  if (q.format === 'csv') {
    const csv = ageingCsv(src, q.locale ?? 'zh-CN', maskSet);
    return { fileName: `${name}.csv`, mime: 'text/csv', base64: csv.toString('base64'), rows: src.count, masked: maskedCount };
  }
  const { headers, line, totals } = tableParts(src.rep, q.locale ?? 'zh-CN', maskSet);
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(q.locale === 'en' ? 'Ageing' : '账龄分析');
  ws.addRow(headers).font = { bold: true };
  // money cells as numbers (yuan) so Excel can sum them; codes and names stay text
  const add = (d: string[]) => ws.addRow(d.map((v, i) => (i >= 2 && v !== '' && v !== MASK ? Number(v) : v)));
  for (let i = 0; i < src.count; i++) add(line(src.row(i)));
  add(totals);
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  for (let c = 3; c <= headers.length; c++) ws.getColumn(c).numFmt = '#,##0.00';
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return {
    fileName: `${name}.xlsx`,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: buf.toString('base64'),
    rows: src.count,
    masked: maskedCount,
  };
}

export async function exportAgeing(
  ctx: ServiceContext,
  q: AgeingQuery & { format: 'csv' | 'xlsx'; locale?: 'zh-CN' | 'en' } & SensitiveChoice,
): Promise<ExportFile> {
  assertDateField(q.asOf, 'asOf');
  const show = showSensitive(q);
  const maskCodes = show ? [] : (await sensitiveCustomers(ctx.book.db)).codes;
  const basis = q.basis ?? 'due';
  const set = await serialize(ctx, () => resolveBuckets(ctx, basis, q));
  const file = await runReport(ctx, 'export', { asOf: q.asOf, basis, set, rebuild: q.rebuild, format: q.format, locale: q.locale, maskCodes });
  await serialize(ctx, () =>
    writeAudit(ctx, ctx.book.db, { entity: 'export', entityId: 'ageing', action: show ? 'export-sensitive' : 'export', after: { format: q.format, asOf: q.asOf, basis, rows: file.rows, masked: file.masked } }),
  );
  return file;
}
