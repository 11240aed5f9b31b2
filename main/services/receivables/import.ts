// The row checks the invoices import (import-invoices.ts) and the receipts import
// (import-receipts.ts) share, and the invoice file's columns. Both imports work this way:
// one transaction per file: rows are written as they are read until the first bad row; from
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
import { isValidDate } from '../../domain/dates';
import { importCustomers } from '../../db/receivables/writes';
import type { ServiceContext } from '../context';

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
