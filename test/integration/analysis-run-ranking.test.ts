// The analysis page's first answer reads a tier run once (db/analysis/run-ranking.ts): its
// movement list must be exactly the plain SQL's (tierMovement: changed tiers by rank, first 500),
// with customer code and name, whatever the previous tiers and however the ids lie.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankedRun } from '../../main/db/analysis/run-ranking';
import { tierMovement } from '../../main/db/analysis-queries';

const TIER = fc.constantFrom('A', 'B', 'C');

describe('tier run read in one pass', () => {
  it('movement equals the SQL reference (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ tier: TIER, previous: fc.option(TIER), average: fc.nat({ max: 3_000_000 }) }), {
          maxLength: 200,
        }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 1000 }),
        (rows, limit, idStep) => {
          const db = new Database(':memory:');
          db.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL);
                   CREATE TABLE tier_history (run_id INTEGER, customer_id INTEGER, rank INTEGER, sales INTEGER,
                     average_monthly INTEGER, tier TEXT, previous_tier TEXT, PRIMARY KEY (run_id, customer_id));`);
          const c = db.prepare('INSERT INTO customers VALUES (?, ?, ?)');
          const h = db.prepare('INSERT INTO tier_history VALUES (?, ?, ?, ?, ?, ?, ?)');
          rows.forEach((r, i) => {
            const id = ((rows.length - i) * idStep) % 100_003; // ids not in rank order
            c.run(id, `K${id}`, `客户 ${id}`);
            h.run(3, id, i + 1, r.average * 3, r.average, r.tier, r.previous);
            h.run(4, id, i + 1, 0, 0, 'A', 'C'); // another run beside it
          });
          expect(rankedRun(db, 3, 80, limit).movement).toEqual(tierMovement(db, 3, limit));
          db.close();
        },
      ),
      { numRuns: 200 },
    );
  });
});
