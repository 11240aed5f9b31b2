// The Pareto bars main sends to the analysis page are grouped by SQLite (rankedPareto); they must
// be exactly the bars of the plain function over the whole ranking (shared/pareto-series.ts),
// and the tier totals from the same pass exactly the sums per tier.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankedPareto } from '../../main/db/analysis-queries';
import { paretoSeries } from '../../shared/pareto-series';

function bookWith(rows: { sales: number; average: number; tier: string }[]) {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, code TEXT NOT NULL);
           CREATE TABLE tier_history (run_id INTEGER, customer_id INTEGER, rank INTEGER, sales INTEGER,
             average_monthly INTEGER, tier TEXT, previous_tier TEXT, PRIMARY KEY (run_id, customer_id));`);
  const c = db.prepare('INSERT INTO customers (id, code) VALUES (?, ?)');
  const h = db.prepare('INSERT INTO tier_history VALUES (?, ?, ?, ?, ?, ?, NULL)');
  // customer ids deliberately not in rank order; another run beside it must not leak in
  rows.forEach((r, i) => {
    const id = rows.length - i;
    c.run(id, `K${String(id).padStart(4, '0')}`);
    h.run(7, id, i + 1, r.sales, r.average, r.tier);
    h.run(8, id, rows.length - i, 1, 1, 'A');
  });
  return db;
}

describe('Pareto bars grouped by SQLite', () => {
  it('equal the plain series over the whole ranking, with codes and exact tier totals (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ sales: fc.nat({ max: 9_000_000 }), average: fc.nat({ max: 3_000_000 }) }), {
          maxLength: 300,
        }),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (raw, maxBars, aShare, bShare) => {
          const sorted = [...raw].sort((x, y) => y.average - x.average);
          const aEnd = Math.floor((sorted.length * Math.min(aShare, bShare)) / 100);
          const bEnd = Math.floor((sorted.length * Math.max(aShare, bShare)) / 100);
          const rows = sorted.map((r, i) => ({ ...r, tier: i < aEnd ? 'A' : i < bEnd ? 'B' : 'C' }));
          const db = bookWith(rows);
          const codes = rows.map((_, i) => `K${String(rows.length - i).padStart(4, '0')}`);
          const { pareto, totals } = rankedPareto(db, 7, maxBars);
          expect(pareto).toEqual(
            paretoSeries(
              rows.map((r) => r.average),
              rows.map((r) => r.tier).join(''),
              codes,
              maxBars,
            ),
          );
          const reference = ['A', 'B', 'C']
            .map((tier) => {
              const of = rows.filter((r) => r.tier === tier);
              return { tier, customers: of.length, sales: of.reduce((s, r) => s + r.sales, 0) };
            })
            .filter((t) => t.customers > 0);
          expect(totals).toEqual(reference);
          db.close();
        },
      ),
      { numRuns: 60 },
    );
  });
});
