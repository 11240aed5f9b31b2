// Property test through the services on small random books: the dunning list and the calendar's
// due amounts as of any date agree with SPEC §2 open amounts computed plainly from the stored
// rows (amount − allocations dated ≤ D, invoices issued ≤ D, voided invoices gone), and the
// promise statuses agree with the domain rule over the stored receipts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, daysBetween } from '../../main/domain/dates';
import { DEFAULT_LADDER, ladderLevel } from '../../main/domain/dunning';
import { promiseStates } from '../../main/domain/promises';
import { collectionCalendar, dunningReport, promiseReport } from '../../main/services/collections';
import { approvedCustomers, openTestDesk } from '../support/book';
import { BookPlayer } from '../support/collections-book';

const START = '2026-01-01';
const day = (n: number) => addDays(START, n);

const op = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('inv' as const),
      c: fc.integer({ min: 0, max: 2 }),
      d: fc.integer({ min: 0, max: 50 }),
      amount: fc.integer({ min: 1, max: 50_000 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('rec' as const),
      c: fc.integer({ min: 0, max: 2 }),
      d: fc.integer({ min: 0, max: 60 }),
      amount: fc.integer({ min: 1, max: 60_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('cn' as const),
      c: fc.integer({ min: 0, max: 2 }),
      d: fc.integer({ min: 0, max: 60 }),
      amount: fc.integer({ min: 1, max: 20_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('void' as const), k: fc.constantFrom('invoice', 'receipt'), i: fc.nat() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('promise' as const),
      c: fc.integer({ min: 0, max: 2 }),
      d: fc.integer({ min: 0, max: 60 }),
      span: fc.integer({ min: 0, max: 20 }),
      amount: fc.integer({ min: 1, max: 40_000 }),
    }),
  },
);

describe('collections property: as-of rules over the stored book', () => {
  it('dunning, calendar due and promise statuses match plain references', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 12, maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 3 }),
        async (ops, probes) => {
          const t = await openTestDesk();
          try {
            const cust = await approvedCustomers(t, [
              ['P0', 0],
              ['P1', 7],
              ['P2', 30],
            ]);
            const player = new BookPlayer(t, cust, day);
            for (const o of ops) await player.play(o);
            const db = t.desk.ctx.book.sqlite;
            const invRows = db
              .prepare(
                'SELECT id, customer_id AS c, issue_date AS issue, due_date AS due, amount, voided_at AS voided FROM invoices',
              )
              .all() as any[];
            const allocs = db.prepare('SELECT invoice_id AS i, date, amount FROM allocations').all() as any[];
            const recRows = db
              .prepare(
                'SELECT id, customer_id AS customerId, date, reference, amount FROM receipts WHERE voided_at IS NULL',
              )
              .all() as any[];
            const proms = db
              .prepare(
                'SELECT id, customer_id AS customerId, made_on AS madeOn, promised_on AS promisedOn, amount FROM promises ORDER BY id',
              )
              .all() as any[];
            for (const p of probes) {
              const asOf = day(p);
              const open = (inv: any) =>
                inv.amount - allocs.filter((a) => a.i === inv.id && a.date <= asOf).reduce((s, a) => s + a.amount, 0);
              const live = invRows
                .filter((i) => !i.voided && i.issue <= asOf)
                .map((i) => ({ ...i, open: open(i) }))
                .filter((i) => i.open > 0);
              // promises: the domain rule over the stored rows
              const states = promiseStates(proms, recRows, asOf, 0);
              const rep = await promiseReport(t.desk.ctx, { asOf });
              expect(new Map(rep.rows.map((r) => [r.id, { received: r.received, status: r.status }]))).toEqual(states);
              // dunning
              const want = cust
                .map((cid, k) => {
                  const od = live.filter((i) => i.c === cid && daysBetween(i.due, asOf) > 0);
                  if (!od.length) return null;
                  const days = Math.max(...od.map((i) => daysBetween(i.due, asOf)));
                  const pending = proms.some((q) => q.customerId === cid && states.get(q.id)?.status === 'pending');
                  return {
                    customerCode: `P${k}`,
                    daysOverdue: days,
                    overdue: od.reduce((s, i) => s + i.open, 0),
                    level: ladderLevel(days, DEFAULT_LADDER),
                    paused: pending,
                  };
                })
                .filter(Boolean);
              const got = (await dunningReport(t.desk.ctx, { asOf })).rows.map((r) => ({
                customerCode: r.customerCode,
                daysOverdue: r.daysOverdue,
                overdue: r.overdue,
                level: r.level,
                paused: r.paused,
              }));
              expect(got).toEqual(want);
              // calendar due per day over the whole horizon
              const cal = await collectionCalendar(t.desk.ctx, { from: START, to: day(300), asOf });
              const dueByDay = new Map<string, number>();
              for (const i of live) if (i.due >= START) dueByDay.set(i.due, (dueByDay.get(i.due) ?? 0) + i.open);
              expect(new Map(cal.days.filter((d) => d.due !== 0).map((d) => [d.date, d.due]))).toEqual(dueByDay);
              const promiseItems = cal.days.flatMap((d) =>
                d.items.filter((i) => i.kind === 'promise').map((i) => [i.refId, d.date, i.status]),
              );
              expect(promiseItems.sort((a: any, b: any) => a[0] - b[0])).toEqual(
                proms.filter((q) => q.madeOn <= asOf).map((q) => [q.id, q.promisedOn, states.get(q.id)!.status]),
              );
            }
          } finally {
            await t.close();
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 240_000);
});
