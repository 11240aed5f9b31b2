// Migration 0029 (monthly_sales keyed month first, no window index): a book written before it
// keeps every monthly-sales row and its eight triggers, the triggers still keep the table (their
// upserts name the key columns in the other order), a window of months is one range of the
// table's own key without a second copy of the rows, and the book ends up with exactly the
// schema a new book has (backups check it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../main/db/migrations';
import { bookMigratedBefore } from '../support/migrated-before';
import { openBook } from '../../main/db/connection';
import { checkBookImage } from '../../main/db/book-schema';
import { windowSalesColumns } from '../../main/db/analysis-queries';
import { currentComposition } from '../../main/db/analysis/composition';

const BEFORE = '2026-12-01-0029-monthly-sales-by-month';
const NOW = '2026-11-30T00:00:00Z';
const SALES = 'SELECT customer_id, month, invoiced, credited FROM monthly_sales ORDER BY customer_id, month';
const TRIGGERS =
  "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%monthly_sales%' ORDER BY name";

let dir: string;
let file: string;
let salesBefore: unknown[];
let triggersBefore: unknown[];
let windowBefore: unknown;
let compositionBefore: unknown;
let pagesBefore: number;
let namesBefore: string[];

const plan = (db: Database.Database, q: string, p: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...p) as { detail: string }[]).map((r) => r.detail).join(' | ');

const windowOf = (db: Database.Database) => {
  const w = windowSalesColumns(db, '2026-09-01', '2026-10-31');
  return { ids: [...w.ids], codes: w.codes, invoiced: [...w.invoiced], credited: [...w.credited] };
};

/** A book migrated up to (not including) 0029, with invoices and a credit note in two months. */
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
  inv.run(5, 2, 'F5', '2026-08-05', '2026-09-05', 70_00, 70_00, NOW, null);
  sqlite
    .prepare(
      `INSERT INTO credit_notes (customer_id, number, date, amount, kind, unapplied, created_at) VALUES (1, 'CN1', '2026-09-25', 30_00, 'return', 30_00, ?)`,
    )
    .run(NOW);
  salesBefore = sqlite.prepare(SALES).all();
  triggersBefore = sqlite.prepare(TRIGGERS).all();
  windowBefore = windowOf(sqlite);
  compositionBefore = currentComposition(sqlite, '2026-09', '2026-10');
  pagesBefore = sqlite.pragma('page_count', { simple: true }) as number;
  namesBefore = sqlite.prepare('SELECT name FROM sqlite_master').pluck().all() as string[];
  await close();
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-sales-by-month-'));
  file = path.join(dir, 'book.creditdesk');
  await oldBook(file);
  const book = await openBook(file); // applies 0029
  await book.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('monthly sales keyed by month (0029)', () => {
  it('keeps every row and trigger; the window index is gone, the table keyed month first', () => {
    const db = new Database(file);
    try {
      expect(salesBefore).toEqual([
        { customer_id: 1, month: '2026-09', invoiced: 350_00, credited: 30_00 },
        { customer_id: 2, month: '2026-08', invoiced: 70_00, credited: 0 },
        { customer_id: 2, month: '2026-10', invoiced: 40_00, credited: 0 },
      ]);
      expect(db.prepare(SALES).all()).toEqual(salesBefore);
      expect(db.prepare(TRIGGERS).all()).toEqual(triggersBefore);
      expect(triggersBefore).toHaveLength(8);
      const table = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'monthly_sales'").pluck().get() as string;
      expect(table).toMatch(/PRIMARY KEY \(month, customer_id\)\s*\) WITHOUT ROWID$/);
      expect(
        db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'monthly_sales' AND type = 'index'").pluck().all(),
      ).toEqual([]);
      // the new table took the pages the window index freed: the file did not grow (but for the
      // pages of tables and indexes that later migrations add: openBook applies them too)
      const laterPages = db
        .prepare(`SELECT count(*) FROM dbstat WHERE name NOT IN (SELECT value FROM json_each(?))`)
        .pluck()
        .get(JSON.stringify(namesBefore)) as number;
      expect(db.pragma('page_count', { simple: true })).toBeLessThanOrEqual(pagesBefore + laterPages);
    } finally {
      db.close();
    }
  });

  it('reads a window of months as one range of the key, with the same answers', () => {
    const db = new Database(file);
    try {
      expect(
        plan(db, 'SELECT customer_id, invoiced, credited FROM monthly_sales WHERE month BETWEEN ? AND ?', ['a', 'b']),
      ).toBe('SEARCH monthly_sales USING PRIMARY KEY (month>? AND month<?)');
      expect(windowOf(db)).toEqual(windowBefore);
      expect(currentComposition(db, '2026-09', '2026-10')).toEqual(compositionBefore);
    } finally {
      db.close();
    }
  });

  it('the triggers still keep the table: a new invoice, a void, a moved invoice', () => {
    const db = new Database(file);
    try {
      db.exec('BEGIN');
      db.prepare(
        `INSERT INTO invoices (customer_id, number, issue_date, due_date, amount, open_amount, created_at) VALUES (2, 'F6', '2026-10-09', '2026-11-09', 60_00, 60_00, ?)`,
      ).run(NOW);
      db.prepare("UPDATE invoices SET voided_at = '2026-10-10' WHERE number = 'F1'").run();
      db.prepare("UPDATE invoices SET issue_date = '2026-09-07' WHERE number = 'F5'").run();
      expect(db.prepare(SALES).all()).toEqual([
        { customer_id: 1, month: '2026-09', invoiced: 250_00, credited: 30_00 },
        { customer_id: 2, month: '2026-08', invoiced: 0, credited: 0 },
        { customer_id: 2, month: '2026-09', invoiced: 70_00, credited: 0 },
        { customer_id: 2, month: '2026-10', invoiced: 100_00, credited: 0 },
      ]);
      db.exec('ROLLBACK');
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
});
