// CSV as the report commands write it: the app's one CSV writer (formula-like cells defused,
// lib/csv.ts), "\n" line ends and a final newline.
import { csvTable, type CsvCell } from '../../lib/csv';

export const csvText = (fields: string[], data: CsvCell[][]): string => `${csvTable(fields, data, '\n')}\n`;
