// Issue #13 speed: today's worklist reads only what can put a customer on it (open promises,
// kept next steps, ladder step-date candidates, the listed customers' figures and kept late
// days). On random books its rows — customers, order, scores, risk, reasons in their order —
// equal the plain whole-book computation it replaced (test/support/worklist-reference.ts) at
// any as-of date, and the trigger-kept late days equal the sums over the stored rows after
// invoices, receipts (auto-allocated), voids and credit notes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../main/domain/dates';
import { worklist } from '../../main/reports/collections/worklist';
import { approvedCustomers, openTestDesk } from '../support/book';
import { BookPlayer, rawRecordInsert } from '../support/collections-book';
import { worklistFullReference } from '../support/worklist-reference';

const START = '2026-01-01';
const day = (n: number) => addDays(START, n);
const CUSTOMERS = 4;

const op = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('inv' as const),
      c: fc.nat(CUSTOMERS - 1),
      d: fc.integer({ min: 0, max: 60 }),
      amount: fc.integer({ min: 1, max: 50_000 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('rec' as const),
      c: fc.nat(CUSTOMERS - 1),
      d: fc.integer({ min: 0, max: 90 }),
      amount: fc.integer({ min: 1, max: 60_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('void' as const), k: fc.constantFrom('invoice', 'receipt'), i: fc.nat() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('promise' as const),
      c: fc.nat(CUSTOMERS - 1),
      d: fc.integer({ min: 0, max: 90 }),
      span: fc.integer({ min: 0, max: 15 }),
      amount: fc.integer({ min: 1, max: 40_000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('record' as const),
      c: fc.nat(CUSTOMERS - 1),
      d: fc.integer({ min: 0, max: 90 }),
      next: fc.option(fc.tuple(fc.constantFrom('call', 'visit'), fc.integer({ min: 0, max: 40 }))),
    }),
  },
);

describe('worklist: the narrow computation equals the whole-book one', () => {
  it('rows, order, scores and reasons match at any date; kept late days match the stored rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 10, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 160 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 3 }),
        async (ops, probes, grace) => {
          const t = await openTestDesk();
          try {
            const db = t.desk.ctx.book.sqlite;
            const cust = await approvedCustomers(t, [
              ['W0', 0],
              ['W1', 7],
              ['W2', 30],
              ['W3', 15],
            ]);
            const s = await t.ok('collections:settings', {} as never);
            await t.ok('collections:settings-update', { ...s, promiseGraceDays: grace } as never);
            const player = new BookPlayer(t, cust, day);
            for (const o of ops)
              if (o.t === 'record')
                rawRecordInsert(db).run(
                  cust[o.c],
                  day(o.d),
                  o.next?.[0] ?? null,
                  o.next ? day(o.d + o.next[1]) : null,
                  '2026-11-23T09:00:00.000Z',
                );
              else await player.play(o);
            // the kept late days are the sums over the stored rows
            const plain = db
              .prepare(
                `SELECT i.customer_id AS cid, SUM(MAX(0, CAST(ROUND(julianday(a.date) - julianday(i.due_date)) AS INTEGER))) AS late, COUNT(*) AS n
                 FROM invoices i JOIN allocations a ON a.invoice_id = i.id WHERE a.receipt_id IS NOT NULL AND a.amount > 0
                 GROUP BY i.customer_id ORDER BY i.customer_id`,
              )
              .all();
            const kept = db
              .prepare(
                'SELECT customer_id AS cid, late_days AS late, count AS n FROM collection_late_days WHERE count > 0 ORDER BY customer_id',
              )
              .all();
            expect(kept).toEqual(plain);
            // promise due dates and step dates make good probes: days on which reasons appear
            const hot = (db.prepare('SELECT promised_on FROM promises LIMIT 2').pluck().all() as string[]).flatMap(
              (p) => [p, addDays(p, grace + 1)],
            );
            const due = db.prepare('SELECT due_date FROM invoices ORDER BY id LIMIT 1').pluck().get() as
              string | undefined;
            const dates = [...probes.map(day), ...hot, ...(due ? [addDays(due, 7), addDays(due, 30)] : [])];
            for (const asOf of dates)
              expect(await worklist(t.desk.ctx.book, asOf), asOf).toEqual(
                await worklistFullReference(t.desk.ctx.book, asOf),
              );
          } finally {
            await t.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);
});
