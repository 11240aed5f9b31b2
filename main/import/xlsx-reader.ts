// The .xlsx reader: the first sheet, row by row through ExcelJS's streaming reader (the zip is
// unzipped as it is read, shared strings and styles cached so text and date cells come out as
// in the sheet), so a big workbook is never loaded whole.
import type ExcelJS from 'exceljs';
import { serverError } from '../../shared/messages/server-messages';
import { loadExcel } from '../lib/lazy-modules';
import { byteStream, type ImportSource } from './source';

/** A cell as the text a user sees; dates as YYYY-MM-DD (Excel stores them as UTC midnight). */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
  }
  return String(v);
}

/**
 * Calls `onCells` with row 1 (the header, empty when the sheet leaves it blank) and then every
 * non-blank row with its sheet row number.
 */
export async function readXlsxCells(
  source: ImportSource,
  onCells: (line: number, cells: string[]) => void,
): Promise<void> {
  const excel = await loadExcel();
  const input = byteStream(source);
  const reader = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache', // number formats: which number cells are dates
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sheets = 0;
  try {
    let worksheets: AsyncIterator<ExcelJS.stream.xlsx.WorksheetReader>;
    try {
      worksheets = reader[Symbol.asyncIterator]();
    } catch (e) {
      throw badFile(e);
    }
    const first = await worksheets.next().catch((e) => Promise.reject(badFile(e)));
    if (first.done) throw serverError('VALIDATION', 'import_no_sheet', {}, { field: 'file', bare: true });
    sheets = 1;
    let seenHeader = false;
    for await (const row of iterateRows(first.value)) {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      for (let i = 0; i < cells.length; i++) cells[i] ??= '';
      if (!seenHeader) {
        seenHeader = true;
        if (row.number !== 1) onCells(1, []);
        else {
          onCells(1, cells);
          continue;
        }
      }
      if (cells.every((c) => c.trim() === '')) continue;
      onCells(row.number, cells);
    }
  } finally {
    input.destroy(); // stop unzipping the rest of the workbook
  }
  if (!sheets) throw serverError('VALIDATION', 'import_no_sheet', {}, { field: 'file', bare: true });
}

/** The sheet's rows; a damaged zip or sheet XML becomes "not a readable .xlsx file". */
async function* iterateRows(sheet: ExcelJS.stream.xlsx.WorksheetReader): AsyncGenerator<ExcelJS.Row> {
  const it = sheet[Symbol.asyncIterator]() as AsyncIterator<ExcelJS.Row>;
  for (;;) {
    let next: IteratorResult<ExcelJS.Row>;
    try {
      next = await it.next();
    } catch (e) {
      throw badFile(e);
    }
    if (next.done) return;
    yield next.value;
  }
}

function badFile(e: unknown) {
  return serverError(
    'VALIDATION',
    'import_bad_xlsx',
    { detail: (e as Error)?.message ?? String(e) },
    { field: 'file', bare: true },
  );
}
