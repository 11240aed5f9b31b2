// How a receipts import writes (issue 16 item 6, the command line's million-row imports): each
// receipt is written once, with what the application left of it (no insert-then-update), and a
// file paying a large part of the book builds the invoices' date-keyed indexes again at the end
// instead of updating them row by row — leaving the same indexes, whole.
import { describe, expect, it, vi } from 'vitest';
import { dropSecondaryIndexes, partialOnColumn } from '../../main/db/receivables/bulk-indexes';
import type { TestDesk } from '../support/book';
import { bookWithImportedInvoices as bookWithInvoices, importCsv } from '../support/import-csv';

const indexesOf = (t: TestDesk) =>
  t.desk.ctx.book.sqlite
    .prepare(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`)
    .all();

describe('receipts import writes', () => {
  it('writes each receipt once, applied, and leaves every index whole', async () => {
    const t = await bookWithInvoices();
    try {
      const db = t.desk.ctx.book.sqlite;
      const before = indexesOf(t);
      // a temp trigger counts the updates of receipts the import makes
      db.exec(`CREATE TEMP TABLE receipt_updates (id INTEGER);
        CREATE TEMP TRIGGER count_receipt_updates AFTER UPDATE ON main.receipts
        BEGIN INSERT INTO receipt_updates VALUES (NEW.id); END`);
      const rec = await importCsv(
        t,
        'receipts',
        'rec.csv',
        'customer_code,date,amount,invoice_number\nK1,2026-03-01,120.00,\nK1,2026-02-10,10.00,A-2\nK2,2026-01-20,30.00,\nK2,2026-03-03,55.00,\n',
      );
      expect(rec.ok).toBe(true);
      expect(db.prepare('SELECT COUNT(*) FROM temp.receipt_updates').pluck().get()).toBe(0);
      expect(db.prepare('SELECT id, amount, unapplied, applied_on FROM receipts ORDER BY id').all()).toEqual([
        { id: 1, amount: 12000, unapplied: 0, applied_on: '2026-03-01' },
        { id: 2, amount: 1000, unapplied: 0, applied_on: '2026-02-10' },
        { id: 3, amount: 3000, unapplied: 0, applied_on: '2026-01-20' },
        { id: 4, amount: 5500, unapplied: 500, applied_on: null },
      ]);
      expect(
        db.prepare('SELECT invoice_id, receipt_id, amount, date, kind FROM allocations ORDER BY id').all(),
      ).toEqual([
        { invoice_id: 1, receipt_id: 1, amount: 10000, date: '2026-03-01', kind: 'auto' },
        { invoice_id: 2, receipt_id: 1, amount: 2000, date: '2026-03-01', kind: 'auto' },
        { invoice_id: 2, receipt_id: 2, amount: 1000, date: '2026-02-10', kind: 'named' },
        { invoice_id: 3, receipt_id: 3, amount: 3000, date: '2026-01-20', kind: 'auto' },
        { invoice_id: 3, receipt_id: 4, amount: 5000, date: '2026-03-03', kind: 'auto' },
      ]);
      expect(indexesOf(t)).toEqual(before);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await t.close();
    }
  });

  it('drops only the date-keyed indexes of a table with rows (unique and customer-led ones stay)', async () => {
    const t = await bookWithInvoices();
    try {
      const db = t.desk.ctx.book.sqlite;
      const before = indexesOf(t);
      db.transaction(() => {
        const dropped = dropSecondaryIndexes(db, 'invoices');
        expect(dropped.length).toBeGreaterThan(0);
        for (const sql of dropped) {
          expect(sql).not.toMatch(/CREATE\s+UNIQUE/i);
          expect(sql).not.toMatch(/\(\s*"?customer_id"?\s*,/);
        }
        const left = db
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'invoices'`)
          .pluck()
          .all();
        expect(left).toEqual(expect.arrayContaining(['invoices_number', 'invoices_open']));
        for (const sql of dropped) db.exec(sql);
      })();
      expect(indexesOf(t).map((i) => (i as { name: string }).name)).toEqual(
        before.map((i) => (i as { name: string }).name),
      );
    } finally {
      await t.close();
    }
  });

  it("leaves the allocations' credit-note and write-off indexes in place (receipts never fill them)", async () => {
    const t = await bookWithInvoices();
    try {
      const db = t.desk.ctx.book.sqlite;
      const exec = vi.spyOn(db, 'exec');
      const rec = await importCsv(t, 'receipts', 'rec.csv', 'customer_code,date,amount\nK1,2026-03-01,120.00\n');
      expect(rec.ok).toBe(true);
      const dropped = exec.mock.calls.map(([sql]) => /^DROP INDEX "(\w+)"/.exec(sql)?.[1]).filter(Boolean);
      exec.mockRestore();
      expect(dropped).toEqual(expect.arrayContaining(['allocations_date', 'receipts_applied']));
      expect(dropped).not.toContain('allocations_credit_note');
      expect(dropped).not.toContain('allocations_write_off');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await t.close();
    }
  });

  it('reads the column of a partial index on one NOT NULL condition', () => {
    expect(partialOnColumn('CREATE INDEX a ON t (x, d) WHERE x IS NOT NULL')).toBe('x');
    expect(partialOnColumn('CREATE INDEX a ON t (x) WHERE "x" is not null ')).toBe('x');
    expect(partialOnColumn('CREATE INDEX a ON t (x) WHERE x IS NOT NULL OR y IS NOT NULL')).toBeNull();
    expect(partialOnColumn('CREATE INDEX a ON t (x) WHERE x > y')).toBeNull();
    expect(partialOnColumn('CREATE INDEX a ON t (x)')).toBeNull();
  });
});
