// The whole-book as-of ageing sums the (customer × bucket key, open amount) pairs SQLite hands
// over per customer (db/receivables/as-of-book.ts): by customer id in one pass when the ids are
// close together, by slot otherwise. Either way the result must be the plain per-customer sum:
// positive amounts to their bucket, negative ones to the customer's credit, customers in id
// order, none whose amounts are all 0 (property test against a Map-based reference).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sumByCustomer } from '../../main/db/receivables/as-of-book';

function reference(keys: number[], open: number[], n: number) {
  const by = new Map<number, { cells: number[]; neg: number }>();
  keys.forEach((key, i) => {
    const cid = Math.floor(key / n);
    const e = by.get(cid) ?? { cells: new Array<number>(n).fill(0), neg: 0 };
    if (open[i] > 0) e.cells[key - cid * n] += open[i];
    else if (open[i] < 0) e.neg += open[i];
    by.set(cid, e);
  });
  const rows = [...by].filter(([, e]) => e.neg !== 0 || e.cells.some((v) => v !== 0)).sort((a, b) => a[0] - b[0]);
  return { cid: rows.map(([c]) => c), cells: rows.flatMap(([, e]) => e.cells), neg: rows.map(([, e]) => e.neg) };
}

describe('per-customer sums of the as-of pairs', () => {
  it('are the plain per-customer sums, ids close together or far apart (property)', () => {
    const n = fc.integer({ min: 1, max: 8 });
    const input = n.chain((nb) =>
      fc.record({
        n: fc.constant(nb),
        pairs: fc.array(
          fc.record({
            // a few customers often (sums, zeros cancelling out), now and then a large id
            cid: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 400_000 })),
            bucket: fc.integer({ min: 0, max: nb - 1 }),
            open: fc.oneof(fc.integer({ min: -50_000, max: 50_000 }), fc.constant(0), fc.constant(2 ** 40)),
          }),
          { maxLength: 60 },
        ),
      }),
    );
    fc.assert(
      fc.property(input, ({ n: nb, pairs }) => {
        const keys = pairs.map((p) => p.cid * nb + p.bucket);
        const open = pairs.map((p) => p.open);
        const maxCid = pairs.length === 0 ? -1 : Math.max(...pairs.map((p) => p.cid));
        const got = sumByCustomer(keys, open, nb, maxCid);
        const want = reference(keys, open, nb);
        expect(Array.from(got.cid)).toEqual(want.cid);
        expect(Array.from(got.cells)).toEqual(want.cells);
        expect(Array.from(got.neg)).toEqual(want.neg);
      }),
      { numRuns: 1000 },
    );
  });
});
