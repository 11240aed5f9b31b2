// Import of receipts (DESIGN.md columns) from CSV or the first sheet of an .xlsx: read and
// checked row by row into compact columns (the row checks shared with the invoices import,
// import.ts), then applied by the SPEC rule customer by customer (their open invoices read a
// few hundred customers to a statement), then written many rows to a statement (receipts,
// allocations, the invoices paid: db/receivables/receipt-import.ts), all in one transaction
// (all rows or none). The audit log gets one row per import.
import { serverError } from '../../../shared/messages/server-messages';
import { readRows, type ImportColumns } from '../../import/rows';
import { turn, type ImportSource } from '../../import/source';
import { ALLOCATION_KINDS, PlannedAllocations, ReceiptColumns } from './import-columns';
import { GrossTracker } from './gross-tracker';
import { DailyAccumulator, invoiceByNumber, nextInvoiceId } from '../../db/receivables/writes';
import {
  allocationRows,
  bookHasAllocations,
  invoicePaidRows,
  openInvoicesOfCustomers,
  pauseReceiptFinal,
  receiptRows,
  resumeReceiptFinal,
} from '../../db/receivables/receipt-import';
import { RECEIPT_METHODS, type ArImportSummary, type ReceiptMethod } from '../../../shared/types-receivables';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { writeBulk } from '../book-queue';
import { CustomerInvoices, planReceipt } from './engine';
import { beginImportProgress, endImportProgress } from './import-progress';
import { pauseKeptTriggers, resumeKeptTriggers } from '../../db/receivables/kept-pause';
import { LateDaySums } from '../../db/receivables/late-day-sums';
import { dropIndexesOfEmptyTables, dropSecondaryIndexes, recreateIndexes } from '../../db/receivables/bulk-indexes';
import { customer, loadCustomers, Problems } from './import';
import { amountCell, DateCells } from './import-cells';

export const RECEIPT_COLUMNS = ['customer_code', 'date', 'amount', 'reference', 'invoice_number', 'method'];
export const RECEIPT_HEADERS_ZH: Record<string, string> = {
  customer_code: '客户编码',
  date: '日期',
  amount: '金额',
  reference: '参考号',
  invoice_number: '指定发票号',
  method: '方式',
};
const METHOD_ZH: Record<string, ReceiptMethod> = {
  现金: 'cash',
  银行转账: 'bank_transfer',
  转账: 'bank_transfer',
  银行承兑汇票: 'bank_acceptance_bill',
  商业承兑汇票: 'commercial_bill',
  支票: 'cheque',
  冲账: 'offset',
  抵账: 'offset',
};
/** Customers whose open invoices are read in one statement (a few thousand invoices). */
const CUSTOMERS_PER_READ = 500;
/** Receipts × this ≥ the book's invoices: the invoices' date-keyed indexes are rebuilt rather than updated. */
const PAID_SHARE_FOR_INDEX_REBUILD = 4;
/** A receipt's method as written: its index in RECEIPT_METHODS (receiptRows). */
function methodIndex(method: string): number {
  const k = (RECEIPT_METHODS as readonly string[]).indexOf(method);
  if (k < 0) throw new Error(`unexpected receipt method ${method}`);
  return k;
}
const RECEIPT_FILE: ImportColumns = {
  columns: RECEIPT_COLUMNS,
  chinese: RECEIPT_HEADERS_ZH,
  required: ['customer_code', 'date', 'amount'],
};

/**
 * Receipts are read and checked into compact columns, then applied by the SPEC rule customer by
 * customer, in file order within each customer (receipts of different customers never meet),
 * then written in file order, each with what the application left of it, and their allocations
 * in the order planned, all inside one transaction. Any bad row: every problem is listed and
 * nothing is written.
 */
export async function importReceipts(
  ctx: ServiceContext,
  fileName: string,
  content: ImportSource,
): Promise<ArImportSummary> {
  const t0 = performance.now();
  const customers = loadCustomers(ctx);
  const p = new Problems();
  const source = `import:${fileName}`;
  const cols = new ReceiptColumns();
  let rows = 0;
  let total = 0;
  let applied = 0;
  let allocationsN = 0;
  const progress = beginImportProgress(ctx.book, 'receipts', fileName);
  await writeBulk(ctx, { indexBuilds: true }, async (trx, db) => {
    const invoiceOf = invoiceByNumber(db);
    const at = ctx.clock.now().toISOString();
    const daily = new DailyAccumulator();
    const gross = new GrossTracker(db);
    const mark = pauseKeptTriggers(db);
    // the date-keyed indexes of empty tables built once at the end (nothing reads them before);
    // the allocations' credit-note and write-off indexes stay: receipts never fill them
    const indexes = dropIndexesOfEmptyTables(db, ['receipts', 'allocations'], ['credit_note_id', 'write_off_id']);
    const dateCells = new DateCells();
    await readRows(fileName, content, RECEIPT_FILE, (row, get) => {
      progress.rows++;
      const before = p.count;
      const code = get('customer_code');
      const c = customer(p, row, customers, code, false);
      const d = dateCells.check(p, row, 'date', get('date'));
      const a = amountCell(p, row, get('amount'));
      const reference = get('reference');
      if (reference.length > 100) p.add(row, 'reference', 'is too long (at most 100 characters)');
      let m: ReceiptMethod = 'bank_transfer';
      const mv = get('method');
      if (mv !== '') {
        const k = (RECEIPT_METHODS as readonly string[]).includes(mv.toLowerCase())
          ? (mv.toLowerCase() as ReceiptMethod)
          : METHOD_ZH[mv];
        if (!k) p.add(row, 'method', `"${mv}" is not one of ${RECEIPT_METHODS.join(', ')}`);
        else m = k;
      }
      let inv: number | null = null;
      const number = get('invoice_number');
      if (number !== '') {
        const hit = invoiceOf(number);
        if (!hit) p.add(row, 'invoice_number', `invoice ${number} not found`);
        else if (c && hit.cid !== c.id)
          p.add(row, 'invoice_number', `invoice ${number} belongs to another customer, not ${code}`);
        else if (hit.voided) p.add(row, 'invoice_number', `invoice ${number} is void`);
        else inv = hit.id;
      }
      if (p.count > before || !c || !d || a === null) return;
      if (!gross.take(p, row, { id: c.id, code }, a)) return;
      rows++;
      if (p.count > 0) return; // the file will be rejected: only checking from here on
      cols.push({ cid: c.id, date: d, amount: a, named: inv, method: m, reference: reference || null });
      daily.add(d, { received: a, receipts_n: 1 });
      total += a;
    });
    if (p.count === 0 && rows === 0)
      throw serverError('VALIDATION', 'import_no_rows', { file: fileName }, { field: 'file', bare: true });
    p.throwIfAny(fileName); // rolls the transaction back

    const { order, start, customers: ids } = cols.byCustomer();
    // paying a large part of the book's invoices: their date-keyed indexes built again at the
    // end (the application reads open invoices by customer, an index that stays)
    if (cols.length * PAID_SHARE_FOR_INDEX_REBUILD >= nextInvoiceId(db))
      indexes.push(...dropSecondaryIndexes(db, 'invoices'));
    progress.phase = 'applying';
    progress.customersTotal = ids.length;
    let lastTurn = performance.now();
    const turnNow = async () => {
      if (performance.now() - lastTurn > 40) {
        await turn();
        lastTurn = performance.now();
      }
    };
    const planned = new PlannedAllocations();
    // the kept late days (0019) of the allocations planned, summed as they are planned
    const lateDays = new LateDaySums();
    const paidRows = invoicePaidRows(db);
    const anyAllocation = bookHasAllocations(db); // none written before the plan is done
    for (let from = 0; from < ids.length; from += CUSTOMERS_PER_READ) {
      const chunk = ids.subarray(from, from + CUSTOMERS_PER_READ);
      const openOf = openInvoicesOfCustomers(db, chunk, anyAllocation);
      for (const customerId of chunk) {
        const open = new CustomerInvoices(openOf.get(customerId) ?? [], true);
        for (let k = start[customerId]; k < start[customerId + 1]; k++) {
          const i = order[k];
          const d = cols.dateOf(i);
          const plan = planReceipt(open, { date: d, amount: cols.amount[i], namedInvoiceId: cols.named[i] || null });
          if (plan.allocations.length === 0) continue;
          for (const a of plan.allocations) {
            planned.push(i, a.invoiceId, a.amount, cols.dateTable.of(a.date), a.kind);
            lateDays.add(customerId, a.date, open.byId.get(a.invoiceId)!.dueDate, a.amount);
            if (a.date !== d) daily.add(a.date, {});
            applied += a.amount;
          }
          cols.setApplied(i, plan.unapplied, plan.appliedOn);
          allocationsN += plan.allocations.length;
        }
        // each invoice paid: one row write with what the application left of it
        for (const id of open.touched) {
          const r = open.byId.get(id)!;
          paidRows.values.push(id, r.open, r.open === 0 ? r.last : null, open.paidFrom.get(id));
          paidRows.end();
        }
      }
      progress.customersDone += chunk.length;
      await turnNow();
    }
    paidRows.flush();
    // the receipts in file order (their ids as when written as read), then the allocations
    const finalTrigger = pauseReceiptFinal(db);
    const receiptOut = receiptRows(db, source, at);
    for (let i = 0; i < cols.length; i++) {
      receiptOut.values.push(
        cols.cid[i],
        cols.dateOf(i),
        cols.amount[i],
        methodIndex(cols.methodOf(i)),
        cols.references[i],
        cols.named[i] || null,
        cols.unapplied[i],
        cols.appliedOnOf(i),
      );
      receiptOut.end();
      if ((i & 4095) === 0) await turnNow();
    }
    receiptOut.flush();
    resumeReceiptFinal(db, finalTrigger, ids);
    // AUTOINCREMENT ids: one range, in file order (an allocation names its receipt by row index)
    const firstReceiptId = receiptOut.firstId;
    const lastReceiptId = receiptOut.lastId;
    if (lastReceiptId - firstReceiptId + 1 !== cols.length)
      throw new Error(`receipt ids ${firstReceiptId}..${lastReceiptId} are not one range of ${cols.length}`);
    const dates = cols.dateTable.dates;
    const allocationOut = allocationRows(db, at, ALLOCATION_KINDS);
    for (let j = 0; j < planned.length; j++) {
      allocationOut.values.push(
        planned.invoice[j],
        firstReceiptId + planned.receipt[j],
        planned.amount[j],
        dates[planned.date[j]],
        planned.kind[j],
      );
      allocationOut.end();
      if ((j & 4095) === 0) await turnNow();
    }
    allocationOut.flush();
    recreateIndexes(db, indexes);
    resumeKeptTriggers(db, mark, ids, true, undefined, lateDays); // a receipt pays only its own customer's invoices
    daily.flush(db);
    await writeAudit(ctx, trx, {
      entity: 'import',
      entityId: fileName,
      action: 'import',
      // receipts have no number of their own: the ids this import created (one contiguous range)
      after: {
        kind: 'receipts',
        rows,
        amount: total,
        applied,
        unapplied: total - applied,
        allocations: allocationsN,
        receiptIds: [firstReceiptId, lastReceiptId],
      },
    });
  }).finally(() => endImportProgress(ctx.book, progress));
  return {
    imported: rows,
    created: rows,
    updated: 0,
    amount: total,
    allocations: allocationsN,
    applied,
    unapplied: total - applied,
    ms: Math.round(performance.now() - t0),
  };
}
