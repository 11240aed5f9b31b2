// A receipts import sums its allocations' late days per customer as it plans them (LateDaySums)
// instead of the resume's join of every new allocation with its invoice. Those sums, added to the
// rows a book already has, must be what that SQL (0019's rule: MAX(0, ROUND(julianday(date) −
// julianday(due_date))) per receipt allocation of a positive amount) adds, for any dates 0001-9999
// (leap days, century years) and any rows already there.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import { fromDayNumber, toDayNumber } from '../../main/domain/dates';
import { LateDaySums } from '../../main/db/receivables/late-day-sums';

const FIRST = toDayNumber('0001-01-01');
const LAST = toDayNumber('9999-12-31');

/** The resume's SQL before LateDaySums (kept-pause.ts addLateDays), the reference. */
const ADD_LATE_DAYS_SQL = `INSERT INTO collection_late_days (customer_id, late_days, count)
  SELECT i.customer_id, SUM(MAX(0, CAST(ROUND(julianday(a.date) - julianday(i.due_date)) AS INTEGER))), COUNT(*)
    FROM allocations a JOIN invoices i ON i.id = a.invoice_id
   WHERE a.id >= @allocation AND a.receipt_id IS NOT NULL AND a.amount > 0
   GROUP BY i.customer_id ORDER BY i.customer_id
  ON CONFLICT (customer_id) DO UPDATE SET late_days = late_days + excluded.late_days, count = count + excluded.count`;

function book(prior: { c: number; late: number; count: number }[]): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, due_date TEXT NOT NULL);
    CREATE TABLE allocations (id INTEGER PRIMARY KEY, invoice_id INTEGER NOT NULL, receipt_id INTEGER, amount INTEGER NOT NULL, date TEXT NOT NULL);
    CREATE TABLE collection_late_days (customer_id INTEGER PRIMARY KEY, late_days INTEGER NOT NULL, count INTEGER NOT NULL);`);
  const put = db.prepare('INSERT INTO collection_late_days VALUES (?, ?, ?)');
  for (const p of prior) put.run(p.c, p.late, p.count);
  return db;
}

const rows = (db: Database.Database) =>
  db
    .prepare(
      'SELECT customer_id, late_days, count, typeof(late_days), typeof(count) FROM collection_late_days ORDER BY customer_id',
    )
    .raw()
    .all();

// any day of the calendar, or one near a February's end (leap years, 1900, 2000, 2100 …)
const anyDay = fc.integer({ min: FIRST, max: LAST });
const nearLeapDay = fc
  .record({ year: fc.integer({ min: 1, max: 9999 }), off: fc.integer({ min: -3, max: 3 }) })
  .map(({ year, off }) => toDayNumber(`${String(year).padStart(4, '0')}-03-01`) + off);
const day = fc.oneof(anyDay, nearLeapDay);
const allocation = fc.record({
  invoice: fc.nat(),
  // days paid after (or before) the due date: mostly near it, sometimes anywhere
  after: fc.oneof(fc.integer({ min: -400, max: 400 }), fc.integer({ min: FIRST - LAST, max: LAST - FIRST })),
  amount: fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(0, -5)),
});
const clamp = (d: number) => Math.min(LAST, Math.max(FIRST, d));

describe('late days summed while planning equal the SQL over the rows written', () => {
  it('for random customers, due dates, allocation dates and rows already there', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ c: fc.integer({ min: 1, max: 8 }), due: day }), { minLength: 1, maxLength: 12 }),
        fc.array(allocation, { maxLength: 40 }),
        fc.uniqueArray(
          fc.record({
            c: fc.integer({ min: 1, max: 10 }),
            late: fc.nat({ max: 1_000_000 }),
            count: fc.integer({ min: 1, max: 1000 }),
          }),
          { selector: (p) => p.c, maxLength: 6 },
        ),
        (invoices, allocations, prior) => {
          const written = allocations.map((a, k) => {
            const inv = invoices[a.invoice % invoices.length];
            const due = fromDayNumber(inv.due);
            return {
              k,
              c: inv.c,
              invoice: a.invoice % invoices.length,
              due,
              date: fromDayNumber(clamp(inv.due + a.after)),
              amount: a.amount,
            };
          });
          // the reference: the rows written, then the SQL
          const sqlBook = book(prior);
          const inv = sqlBook.prepare('INSERT INTO invoices VALUES (?, ?, ?)');
          invoices.forEach((v, k) => inv.run(k + 1, v.c, fromDayNumber(v.due)));
          const alloc = sqlBook.prepare('INSERT INTO allocations VALUES (?, ?, ?, ?, ?)');
          written.forEach((a) => alloc.run(a.k + 1, a.invoice + 1, 1, a.amount, a.date));
          sqlBook.prepare(ADD_LATE_DAYS_SQL).run({ allocation: 1 });
          // LateDaySums: customer by customer (ascending), as the import plans them
          const jsBook = book(prior);
          const sums = new LateDaySums();
          for (const a of [...written].sort((x, y) => x.c - y.c || x.k - y.k)) sums.add(a.c, a.date, a.due, a.amount);
          expect(sums.usable).toBe(true);
          sums.write(jsBook);
          expect(rows(jsBook)).toEqual(rows(sqlBook));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a date it cannot count, or customers out of order, leave the sums to the SQL', () => {
    const bad = new LateDaySums();
    bad.add(1, '2026-03-01', '2026-02-30', 10);
    expect(bad.usable).toBe(false);
    const unordered = new LateDaySums();
    unordered.add(2, '2026-03-01', '2026-02-01', 10);
    unordered.add(1, '2026-03-01', '2026-02-01', 10);
    expect(unordered.usable).toBe(false);
    const fine = new LateDaySums();
    fine.add(1, '2026-03-01', '2026-02-01', 10);
    fine.add(1, '2026-03-01', '2026-02-01', 0); // not counted (0019: amount > 0)
    fine.add(2, '2024-02-28', '2024-03-01', 10); // early: counted, no late days
    fine.add(3, '2024-03-01', '2024-02-28', 10); // 2024-02-29 between
    expect(fine.usable).toBe(true);
    const db = book([{ c: 1, late: 5, count: 1 }]);
    fine.write(db);
    expect(db.prepare('SELECT * FROM collection_late_days ORDER BY customer_id').raw().all()).toEqual([
      [1, 5 + 28, 2],
      [2, 0, 1],
      [3, 2, 1],
    ]);
  });
});
