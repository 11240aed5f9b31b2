// An import of a large CSV file reads it on a worker thread (main/import/csv-worker.ts). The book
// it leaves, and the problems it reports for a bad file, are those of the in-thread reader.
import { afterEach, describe, expect, it } from 'vitest';
import { csvWorker } from '../../main/import/csv-worker';
import { approvedCustomers, openTestDesk, type TestDesk } from '../support/book';
import { importCsv } from '../support/import-csv';
import { allTableRows } from '../support/table-rows';
import type { Result } from '../../shared/result';

const INVOICES =
  'customer_code,number,issue_date,due_date,amount,description\n' +
  Array.from(
    { length: 300 },
    (_, i) => `K${(i % 3) + 1},F${i},2026-0${(i % 9) + 1}-1${i % 10},,${i + 1}.50,"货款, ${i}"`,
  ).join('\n');
const RECEIPTS =
  '客户编码,日期,金额,指定发票号\n' +
  Array.from({ length: 90 }, (_, i) => `K${(i % 3) + 1},2026-10-0${(i % 9) + 1},${i + 7}.25,`).join('\n');
const BAD = 'customer_code,number,issue_date,amount\nK1,X1,2026-01-05,10.00\nK9,X2,2026-02-30,abc\n';

let books: TestDesk[] = [];
afterEach(async () => {
  csvWorker.minBytes = 4 << 20;
  for (const b of books) await b.close();
  books = [];
});

/** A book with K1..K3, the invoices and receipts imported, the files read on the worker or not. */
async function imported(onWorker: boolean) {
  const t = await openTestDesk({ now: '2026-11-30T10:00:00Z' });
  books.push(t);
  await approvedCustomers(t, [
    ['K1', 30],
    ['K2', 45],
    ['K3', 0],
  ]);
  csvWorker.minBytes = onWorker ? 0 : Number.MAX_SAFE_INTEGER;
  const inv = await importCsv(t, 'invoices', 'inv.csv', INVOICES);
  const rec = await importCsv(t, 'receipts', 'rec.csv', RECEIPTS);
  const bad = await importCsv(t, 'invoices', 'bad.csv', BAD);
  return { t, inv, rec, bad };
}

describe('an import read on a worker thread', () => {
  it('leaves the same book and reports the same problems as one read on the main thread', async () => {
    const here = await imported(false);
    const there = await imported(true);
    expect(there.inv).toMatchObject({ ok: true, data: { imported: 300 } });
    expect(there.rec).toMatchObject({ ok: true, data: { imported: 90, allocations: expect.any(Number) } });
    const withoutMs = (r: Result<{ ms: number }>) => (r.ok ? { ...r.data, ms: 0 } : r);
    expect(withoutMs(there.inv)).toEqual(withoutMs(here.inv));
    expect(withoutMs(there.rec)).toEqual(withoutMs(here.rec));
    expect(there.bad.ok).toBe(false);
    expect(there.bad).toEqual(here.bad);
    const tablesThere = allTableRows(there.t.desk.ctx.book.sqlite);
    const tablesHere = allTableRows(here.t.desk.ctx.book.sqlite);
    for (const table of ['invoices', 'receipts', 'allocations', 'monthly_sales', 'credit_facts'])
      expect(tablesThere[table]).toEqual(tablesHere[table]);
    expect(tablesThere.invoices).toHaveLength(300);
  });
});
