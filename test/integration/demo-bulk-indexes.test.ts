// The demo book's first batch is written into the empty invoice, receipt and allocation tables
// with their non-unique indexes dropped and then built again in the same transaction
// (db/receivables/bulk-indexes.ts). The book must come out exactly as with every index kept:
// the same schema object for object, the same rows in every table, every index consistent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { demoCustomerRefs, writeDemoReceivables } from '../../main/demo/receivables';
import { bulkIndexDrop, dropIndexesOfEmptyTables, recreateIndexes } from '../../main/db/receivables/bulk-indexes';
import { readSchemaShape } from '../../main/db/book-schema';
import { openTestDesk, type TestDesk } from '../support/book';
import { allTableRows } from '../support/table-rows';

let dropped: TestDesk;
let kept: TestDesk;
let droppedCount = 0;

async function demoBook(dropIndexes: boolean): Promise<TestDesk> {
  const t = await openTestDesk();
  await insertDemoCustomers(t.desk.ctx, makeDemoCustomers(150, 11));
  bulkIndexDrop.enabled = dropIndexes;
  try {
    writeDemoReceivables(t.desk.ctx, demoCustomerRefs(t.desk.ctx), 2500, 11);
  } finally {
    bulkIndexDrop.enabled = true;
  }
  return t;
}

beforeAll(async () => {
  dropped = await demoBook(true);
  kept = await demoBook(false);
  // the first batch really ran without them: a freshly built index sits on new pages
  const roots = (db: Database.Database) =>
    db.prepare("SELECT name, rootpage FROM sqlite_master WHERE type = 'index' ORDER BY name").all() as {
      name: string;
      rootpage: number;
    }[];
  const keptRoots = new Map(roots(kept.desk.ctx.book.sqlite).map((r) => [r.name, r.rootpage]));
  droppedCount = roots(dropped.desk.ctx.book.sqlite).filter((r) => keptRoots.get(r.name) !== r.rootpage).length;
}, 120_000);

afterAll(async () => {
  await dropped?.close();
  await kept?.close();
});

describe('demo book written with its indexes built afterwards', () => {
  it('rebuilt the bulk tables’ indexes (they sit on new pages)', () => {
    expect(droppedCount).toBeGreaterThanOrEqual(4);
  });

  it('drops only non-unique indexes not led by a foreign key, and only of empty tables', async () => {
    const t = await openTestDesk();
    try {
      const db = t.desk.ctx.book.sqlite;
      const hasIndex = (name: string) =>
        db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !== undefined;
      let sqls: string[] = [];
      db.transaction(() => {
        sqls = dropIndexesOfEmptyTables(db, ['invoices', 'allocations']);
        expect(hasIndex('invoices_open_on')).toBe(false);
        expect(hasIndex('allocations_date')).toBe(false);
        expect(hasIndex('invoices_number')).toBe(true); // unique: checks numbers as they come
        expect(hasIndex('allocations_invoice')).toBe(true); // led by the foreign key invoice_id
        recreateIndexes(db, sqls);
      })();
      // the date-keyed ones (customer-led indexes are led by the foreign key customer_id)
      expect(sqls.map((q) => /INDEX "?(\w+)"?/.exec(q)?.[1]).sort()).toEqual([
        'allocations_credit_note',
        'allocations_date',
        'allocations_receipt',
        'allocations_write_off',
        'invoices_open_due',
        'invoices_open_on',
        'invoices_settled',
      ]);
      expect(hasIndex('invoices_open_on')).toBe(true);
      // a table with rows keeps its indexes
      db.prepare(
        `INSERT INTO customers (code, name, kind, nature, lifecycle, confidentiality, search_text, name_pinyin, created_at, updated_at)
         VALUES ('X1', 'x', 'company', 'customer', 'active', 'normal', '', '', '', '')`,
      ).run();
      db.prepare(
        `INSERT INTO invoices (customer_id, number, issue_date, due_date, amount, open_amount, created_at)
         VALUES (1, 'N1', '2026-01-01', '2026-02-01', 100, 100, '')`,
      ).run();
      db.transaction(() => expect(dropIndexesOfEmptyTables(db, ['invoices'])).toEqual([]))();
    } finally {
      await t.close();
    }
  });

  it('has the same schema as with every index kept', () => {
    expect(readSchemaShape(dropped.desk.ctx.book.sqlite)).toEqual(readSchemaShape(kept.desk.ctx.book.sqlite));
  });

  it('holds the same rows in every table (documents, allocations, kept sums, late days)', () => {
    const got = allTableRows(dropped.desk.ctx.book.sqlite);
    expect(got.invoices.length).toBe(2500);
    expect(got.allocations.length).toBeGreaterThan(1000);
    expect(got.monthly_sales.length).toBeGreaterThan(100);
    expect(got).toEqual(allTableRows(kept.desk.ctx.book.sqlite));
  });

  it('leaves every index consistent with its table and no foreign key broken', () => {
    const db = dropped.desk.ctx.book.sqlite;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
