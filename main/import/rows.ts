// The import pipeline: every importer (customers, invoices, receipts, promises, ...) reads its
// file through `readRows` and keeps only its row rules. CSV and the first sheet of an .xlsx are
// both read as a stream, row by row; the header row is mapped to the importer's field keys
// (English keys, Chinese labels, aliases) before the first data row; a row reaches `onRow` with
// its spreadsheet row number (header = row 1) and a getter of its trimmed cells by field key.
import { serverError } from '../../shared/messages/server-messages';
import { readCsvCells } from './csv-reader';
import { mapHeaders, requireColumns } from './headers';
import type { ImportSource } from './source';
import { readXlsxCells } from './xlsx-reader';

/** What an importer's file looks like. */
export interface ImportColumns {
  /** Every field key the importer understands (also the English header names). */
  columns: readonly string[];
  /** Chinese header of each key (`客户编码` → `customer_code`). */
  chinese: Record<string, string>;
  /** Further accepted header names → key. */
  aliases?: Record<string, string>;
  /** Keys whose column must be present (the row rules decide about empty cells). */
  required: readonly string[];
}

/** A cell of the current row by field key, trimmed; '' when the column is absent or empty. */
export type RowCells = (key: string) => string;

export interface RowsRead {
  /** The keys whose column the file has, in `columns` order. */
  present: string[];
  /** How many data rows were read. */
  rows: number;
}

/** The reader of a file's lines of cells, by its extension (.csv / .txt or .xlsx). */
export function cellReaderFor(fileName: string): typeof readCsvCells {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return readXlsxCells;
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return readCsvCells;
  throw serverError('VALIDATION', 'import_file_type', { file: fileName }, { field: 'file', bare: true });
}

/**
 * Reads the file `fileName` (its type by extension: .csv / .txt or .xlsx) from `source` and calls
 * `onRow` for each non-blank data row. Unknown or missing required columns, an empty file, a
 * file that is not UTF-8 or not a workbook, a malformed CSV line: an AppError (VALIDATION) naming
 * the file, row and field, before or instead of further rows. An error thrown by `onRow` stops
 * the reading and is what `readRows` rejects with. The file is never in memory whole.
 */
export async function readRows(
  fileName: string,
  source: ImportSource,
  spec: ImportColumns,
  onRow: (row: number, get: RowCells, present: readonly string[]) => void,
): Promise<RowsRead> {
  const readCells = cellReaderFor(fileName);
  const { columns } = spec;
  let index: Int32Array | null = null; // column position of each key, -1: absent
  let present: string[] = [];
  const position = new Map(columns.map((k, i) => [k, i]));
  let rows = 0;
  await readCells(source, (line, cells) => {
    if (!index) {
      const headers = cells.map((h) => String(h ?? '').trim());
      const map = mapHeaders(headers, columns, spec.chinese, spec.aliases);
      requireColumns(fileName, map.values(), spec.required);
      index = Int32Array.from(columns, (k) => headers.findIndex((h) => map.get(h) === k));
      const idx = index;
      present = columns.filter((_, i) => idx[i] >= 0);
      return;
    }
    const idx = index;
    rows++;
    onRow(
      line,
      (key) => {
        const j = idx[position.get(key) ?? -1] ?? -1;
        return j < 0 ? '' : String(cells[j] ?? '').trim();
      },
      present,
    );
  });
  if (!index) throw serverError('VALIDATION', 'import_empty', {}, { field: 'file', bare: true });
  return { present, rows };
}
