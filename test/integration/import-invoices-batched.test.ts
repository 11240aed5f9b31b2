// An invoices import writes its rows many to a statement (issue 16 item 6: a statement per row
// was a third of a 1M-invoice import's CPU). A duplicate number is still named with the row it
// repeats, whether that row is already written or still waiting for its statement, and a bad row
// late in a file leaves the book (rows and indexes) as it was.
import { describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';
import {
  bookWithImportedInvoices as bookWithInvoices,
  countRuns,
  importCsv,
  watchStatements,
} from '../support/import-csv';

const HEADER = 'customer_code,number,issue_date,amount';
/** `n` good invoice lines N-1 … N-n for K1 and K2. */
const lines = (n: number) =>
  Array.from(
    { length: n },
    (_, k) => `K${1 + (k % 2)},N-${k + 1},2026-03-0${1 + (k % 3)},1.${String(k % 100).padStart(2, '0')}`,
  );

/** A book with approved customers K1 and K2 and no invoice yet (the import's empty-table path). */
async function bookWithCustomers(): Promise<TestDesk> {
  const t = await openTestDesk();
  for (const code of ['K1', 'K2']) {
    const c = await t.ok('customers:create', { ...HUASHENG, code, name: `客户${code}`, contacts: [] } as never);
    await t.ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
  }
  return t;
}

const indexesOf = (db: Database.Database) =>
  db.prepare(`SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name`).all();

describe('invoices import: rows many to a statement', () => {
  it('300 invoices take a few dozen statements, not one per row, with their ids in file order', async () => {
    const t = await bookWithInvoices();
    try {
      const db = t.desk.ctx.book.sqlite;
      let res: { ok: boolean } = { ok: false };
      const runs = await countRuns(db, async () => {
        res = await importCsv(t, 'invoices', 'inv.csv', `${HEADER}\n${lines(300).join('\n')}\n`);
      });
      expect(res.ok).toBe(true);
      const rows = db
        .prepare(`SELECT id, number, amount, open_amount FROM invoices WHERE number LIKE 'N-%' ORDER BY id`)
        .all();
      expect(rows).toHaveLength(300);
      rows.forEach((r, k) =>
        expect(r).toEqual({ id: 4 + k, number: `N-${k + 1}`, amount: 100 + (k % 100), open_amount: 100 + (k % 100) }),
      );
      expect(runs).toBeLessThan(100);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await t.close();
    }
  });

  it("binds the import's source and created_at once a statement, not once an invoice", async () => {
    const t = await bookWithCustomers();
    try {
      const db = t.desk.ctx.book.sqlite;
      const runs: [number, string[]][] = [];
      const res = await watchStatements(
        db,
        'run',
        (sql, a) => {
          if (sql.startsWith('INSERT INTO invoices ') && Array.isArray(a[0]))
            runs.push([a[0].length, Object.keys((a[1] as object) ?? {})]);
        },
        () => importCsv(t, 'invoices', 'inv.csv', `${HEADER}\n${lines(70).join('\n')}\n`),
      );
      expect(res.ok).toBe(true);
      expect(runs).toEqual([
        [64 * 7, ['source', 'createdAt']],
        [6 * 7, ['source', 'createdAt']],
      ]);
      const rows = db.prepare('SELECT DISTINCT source, created_at, settled_on, override_reason FROM invoices').all();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ source: 'import:inv.csv', settled_on: null, override_reason: null });
    } finally {
      await t.close();
    }
  });

  it('names the row a duplicate repeats, written or not yet, and writes nothing', async () => {
    const t = await bookWithInvoices();
    try {
      const db = t.desk.ctx.book.sqlite;
      const body = lines(200);
      body[9] = 'K1,N-3,2026-03-01,1.00'; // row 11 repeats row 4, both waiting for their statement
      body[150] = 'K2,N-5,2026-03-01,1.00'; // row 152 repeats row 6, written by then
      body[170] = 'K2,A-1,2026-03-01,1.00'; // in the book before the import
      const before = db.prepare('SELECT COUNT(*) FROM invoices').pluck().get();
      const r = await importCsv(t, 'invoices', 'inv.csv', `${HEADER}\n${body.join('\n')}\n`);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.rows!.map((e) => [e.row, e.field, e.message])).toEqual([
        [11, 'number', 'duplicate invoice number N-3 (also in row 4)'],
        [152, 'number', 'duplicate invoice number N-5 (also in row 6)'],
        [172, 'number', 'invoice number A-1 already exists in the book'],
      ]);
      expect(db.prepare('SELECT COUNT(*) FROM invoices').pluck().get()).toBe(before);
    } finally {
      await t.close();
    }
  });

  it('into a book with no invoice yet, only a repeated number is looked up in the book, and named with its row', async () => {
    const t = await bookWithCustomers();
    try {
      const db = t.desk.ctx.book.sqlite;
      let lookups = 0;
      const lookedUp = (sql: string) => {
        if (/FROM invoices WHERE number = \?/.test(sql)) lookups++;
      };
      const body = lines(300);
      body[200] = 'K1,N-7,2026-03-01,1.00'; // row 202 repeats row 8
      const bad = await watchStatements(db, 'get', lookedUp, () =>
        importCsv(t, 'invoices', 'inv.csv', `${HEADER}\n${body.join('\n')}\n`),
      );
      expect(bad.ok).toBe(false);
      if (!bad.ok)
        expect(bad.error.rows!.map((e) => [e.row, e.message])).toEqual([
          [202, 'duplicate invoice number N-7 (also in row 8)'],
        ]);
      expect(lookups).toBe(1); // the repeat only, its first row already written
      lookups = 0;
      const good = await watchStatements(db, 'get', lookedUp, () =>
        importCsv(t, 'invoices', 'inv.csv', `${HEADER}\n${lines(300).join('\n')}\n`),
      );
      expect(good.ok).toBe(true);
      expect(lookups).toBe(0);
      // with invoices in the book, every number is looked up there
      const more = await watchStatements(db, 'get', lookedUp, () =>
        importCsv(t, 'invoices', 'inv2.csv', `${HEADER}\nK1,M-1,2026-03-01,1.00\nK2,N-1,2026-03-01,1.00\n`),
      );
      expect(more.ok).toBe(false);
      if (!more.ok) expect(more.error.rows![0].message).toBe('invoice number N-1 already exists in the book');
      expect(lookups).toBe(2);
    } finally {
      await t.close();
    }
  });

  it('a bad row late in a large file: nothing written, every index and kept row as before', async () => {
    const t = await bookWithCustomers();
    try {
      const db = t.desk.ctx.book.sqlite;
      const snapshot = () => ({
        indexes: indexesOf(db),
        invoices: db.prepare('SELECT * FROM invoices ORDER BY id').all(),
        facts: db.prepare('SELECT * FROM credit_facts ORDER BY customer_id').all(),
        sales: db.prepare('SELECT * FROM monthly_sales ORDER BY customer_id, month').all(),
        daily: db.prepare('SELECT * FROM ar_daily ORDER BY date').all(),
        audit: db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get(),
      });
      const before = snapshot();
      const body = lines(1000);
      body[899] = 'K1,N-900,2026-03-01,12.3.4'; // row 901
      body[949] = 'NOPE,N-950,2026-03-01,1.00'; // row 951
      const r = await importCsv(t, 'invoices', 'inv.csv', `${HEADER}\n${body.join('\n')}\n`);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.rows!.map((e) => [e.row, e.field])).toEqual([
        [901, 'amount'],
        [951, 'customer_code'],
      ]);
      expect(r.error.rows![1].message).toBe('unknown customer NOPE');
      expect(snapshot()).toEqual(before);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // and the same file without the bad rows goes in whole
      const good = lines(1000);
      const ok = await importCsv(t, 'invoices', 'inv2.csv', `${HEADER}\n${good.join('\n')}\n`);
      expect(ok.ok).toBe(true);
      expect(db.prepare(`SELECT COUNT(*) FROM invoices WHERE number LIKE 'N-%'`).pluck().get()).toBe(1000);
      expect(indexesOf(db)).toEqual(before.indexes);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await t.close();
    }
  });
  it("into a book with no document, no customer's gross is read: each starts at 0, and the cap still holds", async () => {
    const t = await bookWithCustomers();
    try {
      const db = t.desk.ctx.book.sqlite;
      const grossReads = async (csv: string) => {
        let n = 0;
        let res: { ok: boolean; error?: { rows?: unknown[] } } = { ok: false };
        await watchStatements(
          db,
          'get',
          (sql) => void (/FROM credit_notes WHERE customer_id/.test(sql) && n++),
          async () => void (res = await importCsv(t, 'invoices', 'inv.csv', csv)),
        );
        return { n, res };
      };
      // two rows of K1 at 9,999,999,999,999.99 each pass its cap (10^15 fen), counted from 0
      const over = await grossReads(
        `${HEADER}\nK1,G-1,2026-03-01,9999999999999.99\nK1,G-2,2026-03-01,9999999999999.99\nK2,G-3,2026-03-01,1.00\n`,
      );
      expect(over.n).toBe(0);
      expect(over.res).toMatchObject({
        ok: false,
        error: { rows: [{ row: 3, field: 'amount', message: 'customer_gross_limit' }] },
      });
      const first = await grossReads(`${HEADER}\n${lines(10).join('\n')}\n`);
      expect(first).toMatchObject({ n: 0, res: { ok: true } });
      // the book has documents now: a customer's gross is read once, then counted on
      const second = await grossReads(`${HEADER}\nK1,H-1,2026-04-01,1.00\nK1,H-2,2026-04-01,1.00\n`);
      expect(second).toMatchObject({ n: 1, res: { ok: true } });
    } finally {
      await t.close();
    }
  });
});
