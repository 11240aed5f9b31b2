// MonthlySums (db/receivables/monthly-sums.ts): what an invoices import adds to monthly_sales by
// summing as it writes equals the SQL sum of the same rows by month and customer (the plain
// reference: 0012's triggers summed), on top of rows already kept; ids past Int32 leave the sums
// unusable, so the caller sums by SQL instead.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MonthlySums } from '../../main/db/receivables/monthly-sums';

const TABLE = `CREATE TABLE monthly_sales (customer_id INTEGER NOT NULL, month TEXT NOT NULL,
  invoiced INTEGER NOT NULL DEFAULT 0, credited INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (month, customer_id)) WITHOUT ROWID`;

const date = fc
  .record({
    y: fc.integer({ min: 1, max: 9999 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const row = fc.record({
  c: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 2 ** 31 - 1 })),
  date,
  amount: fc.integer({ min: 1, max: 10 ** 12 }),
});

describe('MonthlySums', () => {
  it('adds what SUM ... GROUP BY month, customer adds, to rows already there (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.array(row, { maxLength: 10 }), (rows, before) => {
        const db = new Database(':memory:');
        db.exec(TABLE);
        db.exec('CREATE TABLE inv (customer_id INTEGER, issue_date TEXT, amount INTEGER)');
        const kept = db.prepare(
          `INSERT INTO monthly_sales VALUES (?, substr(?, 1, 7), ?, 3) ON CONFLICT DO UPDATE SET invoiced = invoiced + excluded.invoiced`,
        );
        for (const r of before) kept.run(r.c, r.date, r.amount);
        const reference = new Database(':memory:');
        reference.exec(TABLE);
        for (const r of db.prepare('SELECT * FROM monthly_sales').raw().all() as unknown[][])
          reference.prepare('INSERT INTO monthly_sales VALUES (?, ?, ?, ?)').run(...r);
        const sums = new MonthlySums();
        const ins = reference.prepare(
          'INSERT INTO monthly_sales VALUES (?, ?, ?, 0) ON CONFLICT DO UPDATE SET invoiced = invoiced + excluded.invoiced',
        );
        const grouped = new Map<string, number>();
        for (const r of rows) {
          sums.add(r.c, r.date, r.amount);
          const k = `${r.date.slice(0, 7)}|${r.c}`;
          grouped.set(k, (grouped.get(k) ?? 0) + r.amount);
        }
        for (const [k, v] of grouped) ins.run(Number(k.split('|')[1]), k.split('|')[0], v);
        expect(sums.usable).toBe(true);
        sums.write(db);
        const all = (d: Database.Database) =>
          d.prepare('SELECT * FROM monthly_sales ORDER BY month, customer_id').raw().all();
        expect(all(db)).toEqual(all(reference));
      }),
      { numRuns: 200 },
    );
  });

  it('a customer id past Int32 makes the sums unusable (the SQL sums them then)', () => {
    const sums = new MonthlySums();
    sums.add(7, '2026-03-01', 100);
    sums.add(2 ** 31, '2026-03-01', 100);
    sums.add(8, '2026-03-01', 100);
    expect(sums.usable).toBe(false);
  });
});
