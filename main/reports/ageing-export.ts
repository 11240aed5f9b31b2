// The ageing export file (CSV with a BOM, or .xlsx) built from a computed report, by row index:
// run by the report worker for a big book and in-thread for a small one (main/reports/jobs.ts).
import { csvRows } from '../lib/csv';
import { loadExcel } from '../lib/lazy-modules';
import { fenToDecimal, formatBp } from '../../shared/money';
import { bucketColumnHeader } from '../../shared/labels/buckets';
import type { ExportFile } from '../../shared/types';
import type { AgeingReportOut, AgeingReportRow } from '../../shared/types-receivables';

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

function tableParts(rep: Pick<AgeingReportOut, 'buckets' | 'totals'>, locale: 'zh-CN' | 'en') {
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
    fenToDecimal(r.creditLimit),
    pct(r.limitUsedBp),
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
function ageingCsv(src: ExportRows, locale: 'zh-CN' | 'en'): Buffer {
  const { headers, line, totals } = tableParts(src.rep, locale);
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
  src: ExportRows,
  q: { asOf: string; format: 'csv' | 'xlsx'; locale?: 'zh-CN' | 'en' },
): Promise<ExportFile> {
  const name = `ageing-${src.rep.basis}-${q.asOf.replaceAll('-', '')}`;
  if (q.format === 'csv') {
    const csv = ageingCsv(src, q.locale ?? 'zh-CN');
    return { fileName: `${name}.csv`, mime: 'text/csv', base64: csv.toString('base64'), rows: src.count, masked: 0 };
  }
  const { headers, line, totals } = tableParts(src.rep, q.locale ?? 'zh-CN');
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet(q.locale === 'en' ? 'Ageing' : '账龄分析');
  ws.addRow(headers).font = { bold: true };
  // money cells as numbers (yuan) so Excel can sum them; codes and names stay text
  const add = (d: string[]) => ws.addRow(d.map((v, i) => (i >= 2 && v !== '' ? Number(v) : v)));
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
    masked: 0,
  };
}
