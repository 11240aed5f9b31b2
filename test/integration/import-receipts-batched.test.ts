// A receipts import writes its rows many to a statement (issue 16 item 6: 664k receipts, 1.07M
// allocations and 900k invoice updates one statement each were half of the import's CPU), and
// reads the open invoices of many customers in one statement — the same rows as one customer's.
import { describe, expect, it } from 'vitest';
import { openInvoicesOf } from '../../main/db/receivables/as-of';
import { openInvoicesOfCustomers } from '../../main/db/receivables/receipt-import';
import { ALLOCATION_KINDS } from '../../main/services/receivables/import-columns';
import { RECEIPT_METHODS } from '../../shared/types-receivables';
import {
  bookWithImportedInvoices as bookWithInvoices,
  countRuns,
  importCsv,
  watchStatements,
} from '../support/import-csv';

describe('receipts import: rows many to a statement', () => {
  it('300 receipts paying three invoices take a few dozen statements, not one per row', async () => {
    const t = await bookWithInvoices();
    try {
      const db = t.desk.ctx.book.sqlite;
      const lines = Array.from({ length: 300 }, (_, k) => `K${1 + (k % 2)},2026-03-0${1 + (k % 3)},0.50,R-${k},`);
      let res: { ok: boolean } = { ok: false };
      const runs = await countRuns(db, async () => {
        res = await importCsv(
          t,
          'receipts',
          'rec.csv',
          `customer_code,date,amount,reference,invoice_number\n${lines.join('\n')}\n`,
        );
      });
      expect(res.ok).toBe(true);
      expect(db.prepare('SELECT COUNT(*) FROM receipts').pluck().get()).toBe(300);
      expect(db.prepare('SELECT COUNT(*) FROM allocations').pluck().get()).toBeGreaterThanOrEqual(300);
      expect(db.prepare('SELECT SUM(open_amount) FROM invoices').pluck().get()).toBe(23_000 - 15_000);
      expect(runs).toBeLessThan(100);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await t.close();
    }
  });

  it('the open invoices of many customers are those of each one', async () => {
    const t = await bookWithInvoices();
    try {
      const db = t.desk.ctx.book.sqlite;
      const rec = await importCsv(t, 'receipts', 'rec.csv', 'customer_code,date,amount\nK1,2026-03-01,30.00\n');
      expect(rec.ok).toBe(true);
      const ids = db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
      const many = openInvoicesOfCustomers(db, Int32Array.from(ids));
      for (const id of ids) {
        const one = openInvoicesOf(db, id);
        const got = (many.get(id) ?? []).map(({ id, number, issueDate, dueDate, open, last }) => ({
          id,
          number,
          issueDate,
          dueDate,
          open,
          last,
        }));
        expect(got).toEqual(one);
      }
      expect(many.size).toBe(2);
      expect([...many.values()].flat().some((r) => r.last !== null)).toBe(true); // A-1 partly paid
    } finally {
      await t.close();
    }
  });

  it("binds the import's source and created_at once a statement and methods and kinds as numbers", async () => {
    const t = await bookWithInvoices();
    try {
      const db = t.desk.ctx.book.sqlite;
      // what each statement run binds, as it runs (a batch's values array is emptied afterwards)
      const runs: [string, number, string[], unknown[]][] = [];
      const lines = Array.from({ length: 70 }, (_, k) => `K1,2026-03-01,0.10,R-${k}`);
      const rec = await watchStatements(
        db,
        'run',
        (sql, a) => {
          if (Array.isArray(a[0])) runs.push([sql, a[0].length, Object.keys((a[1] as object) ?? {}), a[0].slice(0, 8)]);
        },
        () => importCsv(t, 'receipts', 'rec.csv', `customer_code,date,amount,reference\n${lines.join('\n')}\n`),
      );
      const bound = (table: string) =>
        runs.filter(([sql]) => sql.startsWith(`INSERT INTO ${table} `)).map(([, n, shared]) => [n, shared]);
      expect(rec.ok).toBe(true);
      expect(bound('receipts')).toEqual([
        [64 * 8, ['source', 'createdAt']],
        [6 * 8, ['source', 'createdAt']],
      ]);
      expect(bound('allocations')).toEqual([
        [64 * 5, ['createdAt']],
        [6 * 5, ['createdAt']],
      ]);
      // the method and the kind bound as their index in RECEIPT_METHODS / ALLOCATION_KINDS (not a string)
      const first = (table: string) => runs.find(([sql]) => sql.startsWith(`INSERT INTO ${table} `))![3];
      expect(first('receipts').slice(0, 5)).toEqual([
        1,
        '2026-03-01',
        10,
        RECEIPT_METHODS.indexOf('bank_transfer'),
        'R-0',
      ]);
      expect(first('allocations').slice(0, 5)).toEqual([1, 1, 10, '2026-03-01', ALLOCATION_KINDS.indexOf('auto')]);
      expect(db.prepare('SELECT DISTINCT method FROM receipts').pluck().all()).toEqual(['bank_transfer']);
      expect(db.prepare('SELECT DISTINCT kind FROM allocations').pluck().all()).toEqual(['auto']);
      const r = db.prepare('SELECT source, created_at FROM receipts WHERE id = 70').get() as Record<string, string>;
      expect(r.source).toBe('import:rec.csv');
      expect(db.prepare('SELECT COUNT(*) FROM allocations WHERE created_at = ?').pluck().get(r.created_at)).toBe(70);
    } finally {
      await t.close();
    }
  });
});
