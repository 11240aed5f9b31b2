// The whole table of a small import file (header + rows of strings keyed by header), read
// through the same CSV / .xlsx readers as `readRows`. Prefer `readRows` (./rows.ts): it maps
// the headers and streams; this stays for callers that want the raw headers.
import { serverError } from '../../shared/messages/server-messages';
import { cellReaderFor } from './rows';
import type { ImportSource } from './source';

export { mapHeaders } from './headers';

export interface Table {
  headers: string[];
  rows: { row: number; cells: Record<string, string> }[];
}

export async function readTable(fileName: string, source: ImportSource): Promise<Table> {
  const readCells = cellReaderFor(fileName);
  let headers: string[] | null = null;
  const rows: Table['rows'] = [];
  await readCells(source, (row, line) => {
    if (!headers) {
      headers = line.map((h) => String(h ?? '').trim());
      return;
    }
    const cells: Record<string, string> = {};
    headers.forEach((h, j) => {
      if (h) cells[h] = String(line[j] ?? '').trim();
    });
    rows.push({ row, cells });
  });
  if (!headers) throw serverError('VALIDATION', 'import_empty', {}, { field: 'file', bare: true });
  return { headers, rows };
}
