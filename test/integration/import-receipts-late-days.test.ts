// A receipts import sums its allocations' late days as it plans them and the resume adds those
// sums to collection_late_days (LateDaySums), without joining the allocations written with their
// invoices again; and a first receipts import (a book without allocations) reads the open
// invoices without looking up each one's last allocation. The book must end as with every
// per-row trigger firing (bulkPause off), rows already kept included.
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { bulkPause } from '../../main/db/receivables/kept-pause';
import { openInvoicesOfCustomers } from '../../main/db/receivables/receipt-import';
import { approvedCustomers, openTestDesk } from '../support/book';
import { importCsv, watchStatements } from '../support/import-csv';

afterEach(() => {
  bulkPause.enabled = true;
});

const table = (db: Database.Database, name: string) => db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).raw().all();

const RECEIPTS = [
  'customer_code,date,amount,reference,invoice_number',
  'K0,2026-02-20,150.00,R-1,',
  'K1,2026-01-05,20.00,R-2,',
  'K1,2026-04-01,500.00,R-3,',
  'K2,2028-03-01,40.00,R-4,P-2', // before its due date (2028-03-11): counted, no late days
  'K2,2028-06-30,900.00,R-5,',
  'K3,2026-12-31,70.00,R-6,',
].join('\n');

/** Customers K0-K3, invoices (some in a leap year), receipts entered one by one (allocations and late days kept), then a receipts import. */
async function importedBook(fast: boolean) {
  bulkPause.enabled = fast;
  const t = await openTestDesk();
  try {
    const ids = await approvedCustomers(t, [
      ['K0', 0],
      ['K1', 10],
      ['K2', 30],
      ['K3', 45],
    ]);
    const invoices: [number, string, string, number][] = [
      [0, 'P-0', '2026-01-03', 100_00],
      [0, 'P-1', '2026-01-20', 200_00],
      [1, 'Q-0', '2025-12-01', 300_00],
      [1, 'Q-1', '2026-02-14', 400_00],
      [2, 'P-2', '2028-02-10', 50_00],
      [2, 'S-1', '2028-01-31', 800_00],
      [3, 'T-0', '2026-05-05', 60_00],
    ];
    for (const [c, number, issueDate, amount] of invoices)
      await t.ok('invoices:create', { customerId: ids[c], number, issueDate, amount });
    for (const [c, date, amount] of [
      [0, '2026-02-01', 30_00],
      [1, '2026-01-30', 120_00],
    ] as const)
      await t.ok('receipts:create', { customerId: ids[c], date, amount, method: 'bank_transfer', invoiceId: null });
    const db = t.desk.ctx.book.sqlite;
    const before = table(db, 'collection_late_days');
    const sql: string[] = [];
    const res = await watchStatements(
      db,
      'run',
      (s) => sql.push(s),
      () => importCsv(t, 'receipts', 'rec.csv', `${RECEIPTS}\n`),
    );
    expect(res.ok).toBe(true);
    return {
      before,
      sql,
      tables: Object.fromEntries(
        ['collection_late_days', 'allocations', 'invoices', 'receipts'].map((n) => [n, table(db, n)]),
      ),
    };
  } finally {
    bulkPause.enabled = true;
    await t.close();
  }
}

describe('receipts import: kept late days summed while planning', () => {
  it('adds to the rows already kept exactly what the per-row trigger adds, without the join at resume', async () => {
    const fast = await importedBook(true);
    const perRow = await importedBook(false);
    expect(fast.before).toEqual(perRow.before);
    expect(fast.before.length).toBe(2); // K0 and K1 had late days kept before the import
    for (const name of Object.keys(perRow.tables))
      expect([name, fast.tables[name]]).toEqual([name, perRow.tables[name]]);
    const late = fast.tables.collection_late_days as number[][];
    expect(late.length).toBe(4);
    expect(late).not.toEqual(fast.before);
    // the resume wrote the sums (VALUES), it did not sum the allocations written by SQL
    const lateWrites = fast.sql.filter((s) => /INSERT INTO collection_late_days/.test(s));
    expect(lateWrites.some((s) => /FROM allocations/.test(s))).toBe(false);
    expect(lateWrites.some((s) => /VALUES/.test(s))).toBe(true);
  });
});

describe('receipts import: open invoices of a book without allocations', () => {
  it('are read without the last-allocation lookup, and the same rows', async () => {
    const t = await openTestDesk();
    try {
      const ids = await approvedCustomers(t, [
        ['K0', 0],
        ['K1', 10],
      ]);
      await t.ok('invoices:create', { customerId: ids[0], number: 'P-0', issueDate: '2026-01-03', amount: 100_00 });
      await t.ok('invoices:create', { customerId: ids[1], number: 'Q-0', issueDate: '2026-01-04', amount: 300_00 });
      const db = t.desk.ctx.book.sqlite;
      expect(openInvoicesOfCustomers(db, ids, false)).toEqual(openInvoicesOfCustomers(db, ids, true));
      const reads = async (csv: string) => {
        const seen: string[] = [];
        const res = await watchStatements(
          db,
          'all',
          (s) => {
            if (/CROSS JOIN invoices/.test(s)) seen.push(s);
          },
          () => importCsv(t, 'receipts', 'rec.csv', `customer_code,date,amount\n${csv}\n`),
        );
        expect(res.ok).toBe(true);
        expect(seen.length).toBe(1);
        return seen[0];
      };
      // the first import: no allocation in the book, none looked up
      expect(await reads('K0,2026-02-01,10.00\nK1,2026-02-01,10.00')).not.toMatch(/FROM allocations/);
      // the next one: the book has allocations, each open invoice's last one is read
      expect(await reads('K0,2026-02-02,10.00')).toMatch(/FROM allocations/);
      expect(db.prepare('SELECT settled_on IS NULL, open_amount FROM invoices ORDER BY id').raw().all()).toEqual([
        [1, 80_00],
        [1, 290_00],
      ]);
    } finally {
      await t.close();
    }
  });
});
