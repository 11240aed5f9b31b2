// Reads an import file into header + rows of strings: CSV (UTF-8, with or without BOM) or
// the first sheet of an .xlsx. Row numbers are spreadsheet rows (header = row 1).
import { serverError } from '../../shared/messages/server-messages';
import type ExcelJS from 'exceljs';
import { loadExcel } from '../lib/lazy-modules';
import Papa from 'papaparse';
import { AppError } from '../../shared/result';

export interface Table {
  headers: string[];
  rows: { row: number; cells: Record<string, string> }[];
}

export async function readTable(fileName: string, content: Buffer): Promise<Table> {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsx(content);
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsv(content);
  throw serverError('VALIDATION', 'import_file_type', { file: fileName }, { field: 'file', bare: true });
}

function readCsv(content: Buffer): Table {
  let text = content.toString('utf8');
  if (text.includes('\uFFFD')) {
    throw serverError('VALIDATION', 'import_not_utf8', {}, { field: 'file', bare: true });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  if (parsed.errors.length) {
    const e = parsed.errors[0];
    throw new AppError('VALIDATION', `row ${(e.row ?? 0) + 1}: ${e.message}`, {
      field: 'file',
      rows: [{ row: (e.row ?? 0) + 1, field: 'file', message: e.message }],
    });
  }
  return toTable(parsed.data);
}

async function readXlsx(content: Buffer): Promise<Table> {
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer);
  } catch (e) {
    throw serverError('VALIDATION', 'import_bad_xlsx', { detail: (e as Error).message }, { field: 'file', bare: true });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw serverError('VALIDATION', 'import_no_sheet', {}, { field: 'file', bare: true });
  const data: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    data[rowNumber - 1] = cells;
  });
  for (let i = 0; i < data.length; i++) data[i] ??= [];
  return toTable(data, true);
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10); // Excel dates are stored as UTC midnight
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return String(v);
}

function toTable(data: string[][], skipBlank = false): Table {
  if (data.length === 0) throw serverError('VALIDATION', 'import_empty', {}, { field: 'file', bare: true });
  const headers = data[0].map((h) => String(h ?? '').trim());
  const rows: Table['rows'] = [];
  for (let i = 1; i < data.length; i++) {
    const line = data[i];
    if (skipBlank && line.every((c) => !c || String(c).trim() === '')) continue;
    const cells: Record<string, string> = {};
    headers.forEach((h, j) => {
      if (h) cells[h] = String(line[j] ?? '').trim();
    });
    rows.push({ row: i + 1, cells });
  }
  return { headers, rows };
}

/** Maps headers (English keys or Chinese labels) to field keys; unknown headers are errors. */
export function mapHeaders(
  headers: string[],
  known: string[],
  chinese: Record<string, string>,
  aliases: Record<string, string> = {},
): Map<string, string> {
  const byChinese = new Map(Object.entries(chinese).map(([k, zh]) => [zh, k]));
  const map = new Map<string, string>();
  const unknown: string[] = [];
  for (const h of headers) {
    if (!h) continue;
    const key = known.includes(h.toLowerCase()) ? h.toLowerCase() : (byChinese.get(h) ?? aliases[h]);
    if (!key || !known.includes(key)) unknown.push(h);
    else map.set(h, key);
  }
  if (unknown.length) {
    throw new AppError('VALIDATION', `unknown column(s): ${unknown.join(', ')}`, {
      field: 'header',
      rows: unknown.map((u) => ({ row: 1, field: u, message: 'unknown column' })),
    });
  }
  return map;
}
