// Migration 0021 (a smaller book): a book written before it keeps every monthly-sales row and
// trigger, ends up with exactly the schema a new book has (backups check it), holds no index
// twice — and the reads that used the dropped or narrowed indexes still run from an index in
// order, without table rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../main/db/migrations';
import { bookMigratedBefore } from '../support/migrated-before';
import { openBook } from '../../main/db/connection';
import { checkBookImage } from '../../main/db/book-schema';

const BEFORE = '2026-11-30-0021-book-size';
let dir: string;
let file: string;
let salesBefore: unknown[];
let triggersBefore: unknown[];

const NOW = '2026-11-30T00:00:00Z';

/** A book migrated up to (not including) 0021, with a few documents. */
async function oldBook(f: string): Promise<void> {
  const { sqlite, close } = await bookMigratedBefore(f, BEFORE, NOW);
  const inv = sqlite.prepare(
    `INSERT INTO invoices (id, customer_id, number, issue_date, due_date, amount, open_amount, created_at, voided_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  inv.run(1, 1, 'F1', '2026-09-03', '2026-10-03', 100_00, 100_00, NOW, null);
  inv.run(2, 1, 'F2', '2026-09-20', '2026-10-20', 250_00, 250_00, NOW, null);
  inv.run(3, 1, 'F3', '2026-10-01', '2026-10-31', 999_00, 999_00, NOW, '2026-10-02');
  inv.run(4, 2, 'F4', '2026-10-05', '2026-11-05', 40_00, 40_00, NOW, null);
  sqlite
    .prepare(
      `INSERT INTO credit_notes (customer_id, number, date, amount, kind, unapplied, created_at) VALUES (1, 'CN1', '2026-09-25', 30_00, 'return', 30_00, ?)`,
    )
    .run(NOW);
  salesBefore = sqlite.prepare('SELECT * FROM monthly_sales ORDER BY customer_id, month').all();
  triggersBefore = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%monthly_sales%' ORDER BY name")
    .all();
  await close();
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-booksize-'));
  file = path.join(dir, 'book.creditdesk');
  await oldBook(file);
  const book = await openBook(file); // applies 0021 (and anything after it)
  await book.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const plan = (db: Database.Database, q: string, p: unknown = {}) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(p) as { detail: string }[]).map((r) => r.detail).join(' | ');

describe('book size migration', () => {
  it('keeps the monthly sales and their triggers, as a WITHOUT ROWID table with no second copy', () => {
    const db = new Database(file);
    try {
      expect(db.prepare('SELECT * FROM monthly_sales ORDER BY customer_id, month').all()).toEqual(salesBefore);
      expect(salesBefore).toEqual([
        { customer_id: 1, month: '2026-09', invoiced: 350_00, credited: 30_00 },
        { customer_id: 2, month: '2026-10', invoiced: 40_00, credited: 0 },
      ]);
      const table = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'monthly_sales'").pluck().get() as string;
      // keyed month first since 0029, which also dropped the window index (the table is that index)
      expect(table).toMatch(/PRIMARY KEY \(month, customer_id\)\s*\) WITHOUT ROWID$/);
      expect(
        db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'monthly_sales' AND type = 'index'").pluck().all(),
      ).toEqual([]);
      expect(
        db
          .prepare(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%monthly_sales%' ORDER BY name",
          )
          .all(),
      ).toEqual(triggersBefore);
      expect(triggersBefore).toHaveLength(8);
      // the triggers still keep the table: a new invoice, a void
      db.prepare(
        `INSERT INTO invoices (customer_id, number, issue_date, due_date, amount, open_amount, created_at) VALUES (2, 'F5', '2026-10-09', '2026-11-09', 60_00, 60_00, ?)`,
      ).run(NOW);
      db.prepare("UPDATE invoices SET voided_at = '2026-10-10' WHERE number = 'F1'").run();
      expect(
        db.prepare('SELECT customer_id, month, invoiced, credited FROM monthly_sales ORDER BY 1, 2').all(),
      ).toEqual([
        { customer_id: 1, month: '2026-09', invoiced: 250_00, credited: 30_00 },
        { customer_id: 2, month: '2026-10', invoiced: 100_00, credited: 0 },
      ]);
    } finally {
      db.close();
    }
  });

  it('gives a migrated book exactly the schema of a new book (backups of it verify)', async () => {
    const db = new Database(file, { readonly: true });
    try {
      expect(await checkBookImage(db, SCHEMA_VERSION)).toBeNull();
    } finally {
      db.close();
    }
  });

  it('holds each index once: the merged ones are gone, the narrowed ones in their new shape', () => {
    const db = new Database(file, { readonly: true });
    try {
      const idx = (name: string) =>
        db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name) as
          string | undefined;
      expect(idx('allocations_invoice_paid')).toBeUndefined();
      expect(idx('invoices_customer_issue_amount')).toBeUndefined();
      expect(idx('allocations_invoice')).toContain('(invoice_id, date, amount, receipt_id)');
      // (due_date appended by migration 0028, which this book also runs)
      expect(idx('invoices_customer_issue')).toContain('(customer_id, issue_date, id, amount, voided_at, due_date)');
      expect(idx('invoices_open_on')).toMatch(/amount, paid_from\)$/);
    } finally {
      db.close();
    }
  });

  it('the reads of the merged and narrowed indexes still need no table rows and no sort', () => {
    const db = new Database(file, { readonly: true });
    try {
      // a customer's invoices latest first (ledger, credit facts): index order, no temp sort
      expect(
        plan(
          db,
          `SELECT issue_date, number, amount, id FROM invoices WHERE customer_id = @c AND issue_date <= @d
           AND voided_at IS NULL ORDER BY issue_date DESC, id DESC LIMIT 20`,
          { c: 1, d: '2026-12-31' },
        ),
      ).toBe('SEARCH invoices USING INDEX invoices_customer_issue (customer_id=? AND issue_date<?)');
      // sales of a customer in a window (credit, tiers): covering
      expect(
        plan(
          db,
          'SELECT COALESCE(SUM(amount), 0) FROM invoices WHERE customer_id = ? AND issue_date BETWEEN ? AND ? AND voided_at IS NULL',
          [1, '2026-01-01', '2026-12-31'],
        ),
      ).toBe(
        'SEARCH invoices USING COVERING INDEX invoices_customer_issue (customer_id=? AND issue_date>? AND issue_date<?)',
      );
      // payment history (collections): receipt allocations of an invoice from the index alone
      expect(
        plan(
          db,
          `SELECT i.customer_id, COUNT(*) FROM invoices i JOIN allocations a ON a.invoice_id = i.id
           WHERE i.customer_id = ? AND a.receipt_id IS NOT NULL AND a.amount > 0`,
          [1],
        ),
      ).toMatch(/SEARCH a USING COVERING INDEX allocations_invoice \(invoice_id=\?\)/);
      // monthly sales of a window (tiers, analysis)
      expect(
        plan(db, 'SELECT customer_id, invoiced, credited FROM monthly_sales WHERE month BETWEEN ? AND ?', ['a', 'b']),
      ).toBe('SEARCH monthly_sales USING PRIMARY KEY (month>? AND month<?)');
      // past-date ageing: invoices_open_on without settled_on still answers without reading a row
      const asOf = `SELECT json_group_array(i.customer_id), json_group_array(CASE WHEN i.paid_from IS NULL OR i.paid_from > @d
          THEN i.amount ELSE i.amount - (SELECT SUM(a.amount) FROM allocations a WHERE a.invoice_id = i.id AND a.date <= @d) END)
        FROM invoices i INDEXED BY invoices_open_on
        WHERE substr(i.issue_date, 1, 7) IN (SELECT value FROM json_each(@months))
          AND coalesce(i.settled_on, '9999-12-31') > @d AND i.issue_date <= @d`;
      const p = { d: '2026-10-08', months: '["2026-09","2026-10"]' };
      const ops = db.prepare(`EXPLAIN ${asOf}`).all(p) as { opcode: string; p1: number; p2: number; p4: unknown }[];
      const invoicesRoot = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'invoices'").pluck().get();
      const tableCursor = ops.find((o) => o.opcode === 'OpenRead' && o.p2 === invoicesRoot)?.p1;
      // the table is opened for a deferred seek only: no column of it is ever read
      expect(ops.filter((o) => o.opcode === 'Column' && o.p1 === tableCursor)).toEqual([]);
      expect(db.prepare(asOf).raw().get(p)).toEqual(['[1,1,1,2]', '[10000,25000,99900,4000]']);
    } finally {
      db.close();
    }
  });
});
