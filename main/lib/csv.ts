// The one way CreditDesk writes CSV. A spreadsheet runs a cell that starts with = + - @ (or a
// tab / carriage return before one) as a formula: `=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`.
// Such cells get a leading apostrophe (papaparse's escapeFormulae), which Excel and WPS show
// as text. Negative amounts ("-1234.50", "-1,234.50") are numbers, not formulas: left alone.
import type PapaModule from 'papaparse';
import { lazyRequire } from './lazy-require';

// loaded when CSV is first written (not by the report worker or the app at start)
const Papa = lazyRequire<typeof PapaModule>('papaparse');

/** Starts like a formula and is not a plain negative number. */
export const FORMULA_START = /^(?!-\d[\d,]*(?:\.\d+)?$)[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null | undefined;

/** Rows (no header handling) as CSV text. */
export function csvRows(rows: CsvCell[][], newline: '\r\n' | '\n' = '\r\n'): string {
  return Papa().unparse(rows, { newline, escapeFormulae: FORMULA_START });
}

/** A header row and data rows as CSV text. */
export function csvTable(fields: string[], data: CsvCell[][], newline: '\r\n' | '\n' = '\r\n'): string {
  return Papa().unparse({ fields, data }, { newline, escapeFormulae: FORMULA_START });
}
