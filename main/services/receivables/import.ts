// Import of invoices (DESIGN.md columns) from CSV or the first sheet of an .xlsx, and the row
// checks it shares with the receipts import (import-receipts.ts).
// One transaction per file: rows are written as they are read until the first bad row; from
// there on the rest is only checked, so every problem is listed, and the transaction is rolled
// back (all rows or none).
// Big files: the file is read from disk (or a buffer) a quarter megabyte at a time and each row
// is written as it is read, inside the one transaction, so a 1,000,000-row file never exists in
// memory whole, nor as a million row objects; between chunks the event loop turns, so the
// Electron main process (window, menus) stays responsive through a 30 s import; requests that
// read the book wait for the import's transaction (the per-book queue, kysely's connection
// mutex) and never see half of it.
// The audit log gets one row per import (file, rows, totals); each document records its source.
import { serverError } from '../../../shared/messages/server-messages';
import type { RowError } from '../../../shared/result';
import { MoneyParseError, parseMoney } from '../../../shared/money';
import { addDays, isValidDate } from '../../domain/dates';
import { readRows, type ImportColumns } from '../../import/rows';
import type { ImportSource } from '../../import/source';
import { atLeast } from './import-columns';
import { GrossTracker } from './gross-tracker';
import {
  DailyAccumulator,
  importCustomers,
  insertInvoice,
  invoiceByNumber,
  nextInvoiceId,
} from '../../db/receivables/writes';
import type { ArImportSummary } from '../../../shared/types-receivables';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { writeBulk } from '../book-queue';
import { beginImportProgress, endImportProgress } from './import-progress';
import { pauseKeptTriggers, resumeKeptTriggers } from '../../db/receivables/kept-pause';
import { dropIndexesOfEmptyTables, recreateIndexes } from '../../db/receivables/bulk-indexes';

export const INVOICE_COLUMNS = ['customer_code', 'number', 'issue_date', 'due_date', 'amount', 'description'];
export const INVOICE_HEADERS_ZH: Record<string, string> = {
  customer_code: '客户编码',
  number: '发票号',
  issue_date: '开票日期',
  due_date: '到期日',
  amount: '金额',
  description: '说明',
};
const MAX_LISTED = 1000;
const INVOICE_FILE: ImportColumns = {
  columns: INVOICE_COLUMNS,
  chinese: INVOICE_HEADERS_ZH,
  required: ['customer_code', 'number', 'issue_date', 'amount'],
};

interface CustomerRef {
  id: number;
  lifecycle: string;
  terms: number;
}

export function loadCustomers(ctx: ServiceContext): Map<string, CustomerRef> {
  const m = new Map<string, CustomerRef>();
  for (const r of importCustomers(ctx.book.sqlite)) {
    m.set(r.code, { id: r.id, lifecycle: r.lifecycle, terms: r.terms });
  }
  return m;
}

export class Problems {
  readonly list: RowError[] = [];
  count = 0;
  add(row: number, field: string, message: string, values?: Record<string, string | number>): void {
    this.count++;
    if (this.list.length < MAX_LISTED)
      this.list.push(values ? { row, field, message, values } : { row, field, message });
  }
  throwIfAny(fileName: string): void {
    if (this.count === 0) return;
    this.list.sort((a, b) => a.row - b.row);
    const more = this.count > this.list.length ? ` (first ${this.list.length} listed)` : '';
    throw serverError(
      'VALIDATION',
      'import_problems',
      { file: fileName, count: this.count, more },
      { rows: this.list, field: this.list[0].field, bare: true },
    );
  }
}

export function money(p: Problems, row: number, field: string, v: string): number | null {
  if (v === '') {
    p.add(row, field, 'is required');
    return null;
  }
  try {
    const fen = parseMoney(v);
    if (fen <= 0) {
      p.add(row, field, `amount must be positive, got "${v}"`);
      return null;
    }
    return fen;
  } catch (e) {
    p.add(row, field, e instanceof MoneyParseError ? e.message : String(e));
    return null;
  }
}

export function date(p: Problems, row: number, field: string, v: string, required = true): string | null {
  if (v === '') {
    if (required) p.add(row, field, 'is required');
    return null;
  }
  if (!isValidDate(v)) {
    p.add(row, field, `"${v}" is not a date YYYY-MM-DD`);
    return null;
  }
  return v;
}

export function customer(
  p: Problems,
  row: number,
  customers: Map<string, CustomerRef>,
  code: string,
  trading: boolean,
): CustomerRef | null {
  if (code === '') {
    p.add(row, 'customer_code', 'is required');
    return null;
  }
  const c = customers.get(code);
  if (!c) {
    p.add(row, 'customer_code', `unknown customer ${code}`);
    return null;
  }
  if (c.lifecycle === 'terminated') {
    p.add(row, 'customer_code', `customer ${code} is terminated and read-only`);
    return null;
  }
  if (trading && c.lifecycle === 'prospect') {
    p.add(row, 'customer_code', `customer ${code} is a prospect (approve the opening review first)`);
    return null;
  }
  return c;
}

/**
 * Invoices are written as they are read, inside one transaction: nothing of the file is kept in
 * memory (1,000,000 rows). The first bad row stops the writing; the rest is still checked so every
 * problem is listed, and the transaction is rolled back: all rows or none.
 */
export async function importInvoices(
  ctx: ServiceContext,
  fileName: string,
  content: ImportSource,
): Promise<ArImportSummary> {
  const t0 = performance.now();
  const customers = loadCustomers(ctx);
  const p = new Problems();
  const source = `import:${fileName}`;
  let rows = 0;
  let total = 0;
  let firstNumber = '';
  let lastNumber = '';
  const numbers: string[] = [];
  const progress = beginImportProgress(ctx.book, 'invoices', fileName);
  await writeBulk(ctx, async (trx, db) => {
    const existing = invoiceByNumber(db);
    const firstId = nextInvoiceId(db);
    // file row of each invoice written (by id − firstId), for "also in row N"
    let rowOfId = new Int32Array(1 << 16);
    // numbers of good rows read after the first problem (those are no longer written)
    const unwritten = new Map<string, number>();
    const at = ctx.clock.now().toISOString();
    const daily = new DailyAccumulator();
    const gross = new GrossTracker(db);
    const invoiced = new Set<number>(); // customers whose credit facts the import changes
    const mark = pauseKeptTriggers(db);
    // into an empty table (a new book's first import): the date-keyed indexes built once at the end
    const indexes = dropIndexesOfEmptyTables(db, ['invoices']);
    await readRows(fileName, content, INVOICE_FILE, (row, get) => {
      progress.rows++;
      const before = p.count;
      const c = customer(p, row, customers, get('customer_code'), true);
      const number = get('number');
      let numberOk = false;
      if (number === '') p.add(row, 'number', 'is required');
      else if (number.length > 40) p.add(row, 'number', 'is too long (at most 40 characters)');
      else {
        const prev = unwritten.get(number);
        const hit = prev === undefined ? existing(number) : undefined;
        if (prev !== undefined) p.add(row, 'number', `duplicate invoice number ${number} (also in row ${prev})`);
        else if (hit && hit.id >= firstId)
          p.add(row, 'number', `duplicate invoice number ${number} (also in row ${rowOfId[hit.id - firstId]})`);
        else if (hit) p.add(row, 'number', `invoice number ${number} already exists in the book`);
        else numberOk = true;
      }
      const iss = date(p, row, 'issue_date', get('issue_date'));
      let d = date(p, row, 'due_date', get('due_date'), false);
      if (iss && d && d < iss) {
        p.add(row, 'due_date', `due date ${d} is before the issue date ${iss}`);
        d = null;
      }
      const a = money(p, row, 'amount', get('amount'));
      const description = get('description');
      if (description.length > 500) p.add(row, 'description', 'is too long (at most 500 characters)');
      if (p.count === before && c && a !== null) gross.take(p, row, { id: c.id, code: get('customer_code') }, a);
      const good = p.count === before && !!c && !!iss && a !== null;
      if (good) rows++;
      if (!good || p.count > 0) {
        if (numberOk) unwritten.set(number, row);
        return;
      }
      const id = insertInvoice(db, {
        customer_id: c!.id,
        number,
        issue_date: iss!,
        due_date: d ?? addDays(iss!, c!.terms),
        amount: a!,
        description: description || null,
        open_amount: a!,
        settled_on: null,
        override_reason: null,
        source,
        created_at: at,
      });
      const k = id - firstId;
      rowOfId = atLeast(rowOfId, k + 1);
      if (k >= 0) rowOfId[k] = row;
      invoiced.add(c!.id);
      daily.add(iss!, { invoiced: a!, invoices_n: 1 });
      total += a!;
      if (!firstNumber) firstNumber = number;
      lastNumber = number;
      numbers.push(number);
    });
    if (p.count === 0 && rows === 0)
      throw serverError('VALIDATION', 'import_no_rows', { file: fileName }, { field: 'file', bare: true });
    p.throwIfAny(fileName); // rolls the transaction back
    recreateIndexes(db, indexes);
    resumeKeptTriggers(db, mark, invoiced);
    daily.flush(db);
    await writeAudit(ctx, trx, {
      entity: 'import',
      entityId: fileName,
      action: 'import',
      // which documents this import created: one audit row per import, listing every number
      after: { kind: 'invoices', rows, amount: total, firstNumber, lastNumber, numbers },
    });
  }).finally(() => endImportProgress(ctx.book, progress));
  return { imported: rows, created: rows, updated: 0, amount: total, ms: Math.round(performance.now() - t0) };
}
