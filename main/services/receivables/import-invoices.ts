// Import of invoices (DESIGN.md columns) from CSV or the first sheet of an .xlsx: one
// transaction per file, written as read until the first bad row, then only checked (every
// problem listed) and rolled back: all rows or none. The checks shared with the receipts
// import (customer, date, amount, the list of problems) live in ./import.
import { serverError } from '../../../shared/messages/server-messages';
import { addDays } from '../../domain/dates';
import { readRows, type ImportColumns } from '../../import/rows';
import type { ImportSource } from '../../import/source';
import { atLeast } from '../../db/typed-columns';
import { GrossTracker } from './gross-tracker';
import { DailyAccumulator, invoiceByNumber, invoiceRows, nextInvoiceId } from '../../db/receivables/writes';
import { BATCH_ROWS } from '../../db/receivables/row-batch';
import { SeenStrings } from '../../lib/seen-strings';
import type { ArImportSummary } from '../../../shared/types-receivables';
import { writeAudit } from '../audit';
import { toNumberRuns } from '../../lib/number-runs';
import type { ServiceContext } from '../context';
import { writeBulk } from '../book-queue';
import { beginImportProgress, endImportProgress } from './import-progress';
import { pauseKeptTriggers, resumeKeptTriggers } from '../../db/receivables/kept-pause';
import { dropIndexesOfEmptyTables, recreateIndexes } from '../../db/receivables/bulk-indexes';
import { MonthlySums } from '../../db/receivables/monthly-sums';
import { customer, INVOICE_COLUMNS, INVOICE_HEADERS_ZH, loadCustomers, Problems } from './import';
import { DateCells, amountCell } from './import-cells';

const INVOICE_FILE: ImportColumns = {
  columns: INVOICE_COLUMNS,
  chinese: INVOICE_HEADERS_ZH,
  required: ['customer_code', 'number', 'issue_date', 'amount'],
};

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
  await writeBulk(ctx, { indexBuilds: true }, async (trx, db) => {
    const existing = invoiceByNumber(db);
    const firstId = nextInvoiceId(db);
    // into a book with no invoice yet, a number the filter has not seen is not a duplicate: not
    // looked up (a first import looked a million numbers up in vain, ~1.5 s)
    const seen = new SeenStrings();
    const bookHadInvoices = firstId > 1;
    // file row of each invoice written (by id − firstId), for "also in row N"
    let rowOfId = new Int32Array(1 << 16);
    // numbers of good rows read after the first problem (those are no longer written)
    const unwritten = new Map<string, number>();
    const at = ctx.clock.now().toISOString();
    const daily = new DailyAccumulator();
    const gross = new GrossTracker(db);
    const invoiced = new Set<number>(); // customers whose credit facts the import changes
    const mark = pauseKeptTriggers(db);
    const monthly = new MonthlySums();
    // into an empty table (a new book's first import): the date-keyed indexes built once at the
    // end, but for the settled invoices' (an imported invoice is open: it gets no entry)
    const indexes = dropIndexesOfEmptyTables(db, ['invoices'], ['settled_on']);
    // written BATCH_ROWS to a statement: the rows not yet written (number → file row, and their
    // rows in order), so a duplicate among them is named like one already written
    const out = invoiceRows(db, source, at);
    const pending = new Map<string, number>();
    const pendingRows = new Int32Array(BATCH_ROWS);
    let pendingN = 0;
    const written = () => {
      const first = out.lastId - pendingN + 1;
      rowOfId = atLeast(rowOfId, out.lastId - firstId + 1);
      for (let j = 0; j < pendingN; j++) rowOfId[first + j - firstId] = pendingRows[j];
      pendingN = 0;
      pending.clear();
    };
    const dates = new DateCells();
    await readRows(fileName, content, INVOICE_FILE, (row, get) => {
      progress.rows++;
      const before = p.count;
      const code = get('customer_code');
      const c = customer(p, row, customers, code, true);
      const number = get('number');
      let numberOk = false;
      if (number === '') p.add(row, 'number', 'is required');
      else if (number.length > 40) p.add(row, 'number', 'is too long (at most 40 characters)');
      else {
        const maybeSeen = seen.add(number);
        const prev = maybeSeen ? (unwritten.get(number) ?? pending.get(number)) : undefined;
        const hit = prev === undefined && (maybeSeen || bookHadInvoices) ? existing(number) : undefined;
        if (prev !== undefined) p.add(row, 'number', `duplicate invoice number ${number} (also in row ${prev})`);
        else if (hit && hit.id >= firstId)
          p.add(row, 'number', `duplicate invoice number ${number} (also in row ${rowOfId[hit.id - firstId]})`);
        else if (hit) p.add(row, 'number', `invoice number ${number} already exists in the book`);
        else numberOk = true;
      }
      const iss = dates.check(p, row, 'issue_date', get('issue_date'));
      let d = dates.check(p, row, 'due_date', get('due_date'), false);
      if (iss && d && d < iss) {
        p.add(row, 'due_date', `due date ${d} is before the issue date ${iss}`);
        d = null;
      }
      const a = amountCell(p, row, get('amount'));
      const description = get('description');
      if (description.length > 500) p.add(row, 'description', 'is too long (at most 500 characters)');
      if (p.count === before && c && a !== null) gross.take(p, row, { id: c.id, code }, a);
      const good = p.count === before && !!c && !!iss && a !== null;
      if (good) rows++;
      if (!good || p.count > 0) {
        if (numberOk) unwritten.set(number, row);
        return;
      }
      const due = d ?? addDays(iss!, c!.terms);
      out.values.push(c!.id, number, iss!, due, a!, description || null, a!);
      pending.set(number, row);
      pendingRows[pendingN++] = row;
      if (out.end()) written();
      monthly.add(c!.id, iss!, a!);
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
    out.flush();
    recreateIndexes(db, indexes);
    resumeKeptTriggers(db, mark, invoiced, true, monthly);
    daily.flush(db);
    await writeAudit(ctx, trx, {
      entity: 'import',
      entityId: fileName,
      action: 'import',
      // which documents this import created: one audit row per import, listing every number as
      // runs of consecutive numbers (the audit log reads them back as the full list)
      after: { kind: 'invoices', rows, amount: total, firstNumber, lastNumber, numberRuns: toNumberRuns(numbers) },
    });
  }).finally(() => endImportProgress(ctx.book, progress));
  return { imported: rows, created: rows, updated: 0, amount: total, ms: Math.round(performance.now() - t0) };
}
