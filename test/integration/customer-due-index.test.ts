// Migration 0028 (one customer-keyed invoice index fewer): invoices_customer_due is gone, and
// every read it served — payment history's late days, a customer's allocations joined to its
// invoices — keeps its plan, now on invoices_customer_issue (which holds the due date): the same
// search on customer_id, still without table rows. The late days come out the same.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../main/db/migrations';
import { bookMigratedBefore } from '../support/migrated-before';
import { openBook } from '../../main/db/connection';
import { checkBookImage } from '../../main/db/book-schema';
import { lateDaysByCustomer, latestLateDays } from '../../main/db/collections/payment-history';

const BEFORE = '2026-12-01-0028-customer-due-index';
const NOW = '2026-11-30T00:00:00Z';

// the reads that used invoices_customer_due (recorded from the app's statements)
const READS: [string, unknown[]][] = [
  [
    `SELECT i.customer_id AS cid, SUM(MAX(0, CAST(ROUND(julianday(a.date) - julianday(i.due_date)) AS INTEGER))) AS lateDays, COUNT(*) AS count
     FROM json_each(?) j JOIN invoices i ON i.customer_id = j.value JOIN allocations a ON a.invoice_id = i.id
     WHERE a.receipt_id IS NOT NULL AND a.amount > 0 GROUP BY i.customer_id`,
    ['[1,2]'],
  ],
  [
    `SELECT a.invoice_id AS inv, a.receipt_id AS rec, a.amount, a.date FROM allocations a JOIN invoices i ON i.id = a.invoice_id
     WHERE i.customer_id = ? AND a.date <= ?`,
    [1, '2026-12-31'],
  ],
  ['SELECT count(*) AS n FROM invoices WHERE customer_id = ?', [1]],
  [
    `SELECT a.id, i.number, a.date, -a.amount AS amount FROM allocations a JOIN invoices i ON i.id = a.invoice_id
     WHERE i.customer_id = ? AND a.kind = 'recovery' AND a.date <= ?`,
    [1, '2026-12-31'],
  ],
];

let dir: string;
let file: string;
let plansBefore: string[];
let lateBefore: unknown;

const plan = (db: Database.Database, q: string, p: unknown[]) =>
  (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all(...p) as { detail: string }[]).map((r) => r.detail).join(' | ');

const lateDays = (db: Database.Database) => ({
  all: [...lateDaysByCustomer(db, [1, 2]).entries()],
  latest: latestLateDays(db).get(1),
});

/** A book migrated up to (not including) 0028, with invoices paid late and on time. */
async function oldBook(f: string): Promise<void> {
  const { sqlite, close } = await bookMigratedBefore(f, BEFORE, NOW);
  const inv = sqlite.prepare(
    `INSERT INTO invoices (id, customer_id, number, issue_date, due_date, amount, open_amount, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  inv.run(1, 1, 'F1', '2026-09-03', '2026-10-03', 100_00, 100_00, NOW);
  inv.run(2, 1, 'F2', '2026-09-20', '2026-10-20', 250_00, 250_00, NOW);
  inv.run(3, 2, 'F3', '2026-10-05', '2026-11-05', 40_00, 40_00, NOW);
  const rec = sqlite.prepare(
    `INSERT INTO receipts (id, customer_id, date, amount, method, unapplied, created_at) VALUES (?, ?, ?, ?, 'transfer', 0, ?)`,
  );
  const alloc = sqlite.prepare(
    `INSERT INTO allocations (invoice_id, receipt_id, amount, date, kind, created_at) VALUES (?, ?, ?, ?, 'receipt', ?)`,
  );
  rec.run(1, 1, '2026-10-13', 100_00, NOW); // ten days late
  alloc.run(1, 1, 100_00, '2026-10-13', NOW);
  rec.run(2, 1, '2026-10-20', 50_00, NOW); // on time, part
  alloc.run(2, 2, 50_00, '2026-10-20', NOW);
  rec.run(3, 2, '2026-11-25', 40_00, NOW); // twenty days late
  alloc.run(3, 3, 40_00, '2026-11-25', NOW);
  plansBefore = READS.map(([q, p]) => plan(sqlite, q, p));
  lateBefore = lateDays(sqlite);
  await close();
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-customer-due-'));
  file = path.join(dir, 'book.creditdesk');
  await oldBook(file);
  const book = await openBook(file); // applies 0028 (and anything after it)
  await book.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('customer-due index migration', () => {
  it('drops invoices_customer_due and appends the due date to invoices_customer_issue', async () => {
    const db = new Database(file, { readonly: true });
    try {
      const idx = (name: string) =>
        db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(name) as
          string | undefined;
      expect(idx('invoices_customer_due')).toBeUndefined();
      expect(idx('invoices_customer_issue')).toContain('(customer_id, issue_date, id, amount, voided_at, due_date)');
      expect(await checkBookImage(db, SCHEMA_VERSION)).toBeNull();
    } finally {
      db.close();
    }
  });

  it('keeps every read that used it on the same search, without table rows', () => {
    expect(plansBefore.join('\n')).toContain('invoices_customer_due');
    const db = new Database(file, { readonly: true });
    try {
      const after = READS.map(([q, p]) => plan(db, q, p));
      expect(after).toEqual(plansBefore.map((p) => p.replaceAll('invoices_customer_due', 'invoices_customer_issue')));
      expect(after[0]).toMatch(/SEARCH i USING COVERING INDEX invoices_customer_issue \(customer_id=\?\)/);
    } finally {
      db.close();
    }
  });

  it('gives the same late days', () => {
    const db = new Database(file, { readonly: true });
    try {
      expect(lateDays(db)).toEqual(lateBefore);
      expect(lateBefore).toEqual({
        all: [
          [1, { lateDays: 10, count: 2 }],
          [2, { lateDays: 20, count: 1 }],
        ],
        latest: { lateDays: 10, count: 2 },
      });
    } finally {
      db.close();
    }
  });
});
