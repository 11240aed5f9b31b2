// The ageing export file (CSV with a BOM, or .xlsx) built from a computed report, by row index:
// run by the report worker for a big book and in-thread for a small one (main/reports/jobs.ts).
import { csvRows } from '../lib/csv';
import { loadExcel } from '../lib/lazy-modules';
import { fenToDecimal, formatBp } from '../../shared/money';
import { bucketColumnHeader } from '../../shared/labels/buckets';
import type { ExportFile } from '../../shared/types';
import type { AgeingReportOut, AgeingReportRow } from '../../shared/types-receivables';

/** What a masked cell shows (the same mark as the customer export). */
const MASK = '***';

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

function tableParts(
  rep: Pick<AgeingReportOut, 'buckets' | 'totals'>,
  locale: 'zh-CN' | 'en',
  masked: ReadonlySet<string> = new Set(),
) {
  const zh = locale === 'zh-CN';
  const keys = rep.buckets.map((b) => b.key);
  const headers = [
    zh ? '客户编码' : 'customer_code',
    zh ? '客户名称' : 'customer_name',
    ...keys.map((k) => bucketColumnHeader(k, locale)),
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
  const totals = [
    zh ? '合计' : 'TOTAL',
    '',
    ...keys.map((k) => fenToDecimal(rep.totals.buckets[k])),
    fenToDecimal(rep.totals.unapplied),
    fenToDecimal(rep.totals.total),
    '',
    '',
  ];
  return { headers, line, totals };
}

export function ageingTable(
  rep: AgeingReportOut,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): { headers: string[]; data: string[][] } {
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
    return {
      fileName: `${name}.csv`,
      mime: 'text/csv',
      base64: csv.toString('base64'),
      rows: src.count,
      masked: maskedCount,
    };
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
