// CSV imports pause the per-row triggers that keep invoices.paid_from (0018) and
// credit_facts.open_ar (0017) and refill them before commit: after an import the kept columns
// equal a recomputation from the documents, and no pause is left behind.
import { describe, expect, it } from 'vitest';
import { bookWithImportedInvoices, importCsv } from '../support/import-csv';

describe('kept columns after CSV imports', () => {
  it('paid_from and open_ar equal a recomputation; a rejected file changes neither', async () => {
    const t = await bookWithImportedInvoices();
    try {
      // K1: 120 pays A-1 (oldest) whole, 20 of A-2, on 03-01; then 10 more of A-2 dated earlier
      // (02-10); K2: 30 of B-1 on 01-20, and 5 left unapplied after 100 on 03-03
      const rec = await importCsv(
        t,
        'receipts',
        'rec.csv',
        'customer_code,date,amount\nK1,2026-03-01,120.00\nK1,2026-02-10,10.00\nK2,2026-01-20,30.00\nK2,2026-03-03,55.00\n',
      );
      expect(rec.ok).toBe(true);
      const db = t.desk.ctx.book.sqlite;
      const paid = db.prepare('SELECT number, paid_from AS p FROM invoices ORDER BY number').all();
      expect(paid).toEqual([
        { number: 'A-1', p: '2026-03-01' },
        { number: 'A-2', p: '2026-02-10' },
        { number: 'B-1', p: '2026-01-20' },
      ]);
      const openAr = () =>
        db
          .prepare(
            'SELECT c.code, f.open_ar AS o FROM credit_facts f JOIN customers c ON c.id = f.customer_id ORDER BY c.code',
          )
          .all();
      // K1: 150 invoiced − 130 paid = 20 open; K2: 80 − 80 applied = 0 open, 5 unapplied
      expect(openAr()).toEqual([
        { code: 'K1', o: 2000 },
        { code: 'K2', o: -500 },
      ]);
      expect(db.prepare('SELECT COUNT(*) FROM kept_paused').pluck().get()).toBe(0);

      // a rejected file (unknown customer in its last row) leaves the kept columns as they were
      const bad = await importCsv(
        t,
        'receipts',
        'bad.csv',
        'customer_code,date,amount\nK1,2026-01-01,5.00\nZZ,2026-01-02,1.00\n',
      );
      expect(bad.ok).toBe(false);
      expect(openAr()).toEqual([
        { code: 'K1', o: 2000 },
        { code: 'K2', o: -500 },
      ]);
      expect(db.prepare('SELECT COUNT(*) FROM kept_paused').pluck().get()).toBe(0);
    } finally {
      await t.close();
    }
  });
});
