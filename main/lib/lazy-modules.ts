// Heavy libraries loaded on first use, not at start-up: ExcelJS (.xlsx import/export) and pdf-lib
// (batch statements) together cost the main process tens of MB of memory that most sessions
// never need (issue: main-process memory ≤ 400 MB with a 1,000,000-invoice book).
import type ExcelJSModule from 'exceljs';
import type * as PdfLib from 'pdf-lib';

let excel: Promise<typeof ExcelJSModule> | null = null;
let pdf: Promise<typeof PdfLib> | null = null;

export function loadExcel(): Promise<typeof ExcelJSModule> {
  excel ??= import('exceljs').then(
    (m) => (m as { default?: typeof ExcelJSModule }).default ?? (m as unknown as typeof ExcelJSModule),
  );
  return excel;
}

export function loadPdfLib(): Promise<typeof PdfLib> {
  pdf ??= import('pdf-lib');
  return pdf;
}
