// Property test (issue #13 speed): on small random books the calendar page the screens ask for
// (month/week grid: per day the due total, the item count and the first items; list view: every
// item; open work carried onto today) equals what the full calendar report says, worked out
// plainly here from calendarReport's items — amounts, counts, ids, statuses and order. And the
// trigger-kept collection_next_steps table equals its recomputation from collection_records
// after random record writes, edits and deletions.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../main/domain/dates';
import { compareItems } from '../../main/domain/calendar';
import { calendarReport } from '../../main/reports/calendar/calendar';
import { calendarPage, calendarPageTuning } from '../../main/reports/calendar/page';
import { createCollectionRecord, createPromise } from '../../main/services/collections';
import type { CalendarItem } from '../../shared/types-calendar';
import { HUASHENG, openTestDesk } from '../support/book';

const START = '2026-03-01';
const day = (n: number) => addDays(START, n);
const CARRIED = new Set(['call', 'visit', 'slip_followup', 'credit_review']);

const op = fc.oneof(
  fc.record({
    t: fc.constant('inv' as const),
    c: fc.nat(3),
    d: fc.nat(60),
    amount: fc.integer({ min: 1, max: 50_000 }),
  }),
  fc.record({
    t: fc.constant('rec' as const),
    c: fc.nat(3),
    d: fc.nat(12),
    amount: fc.integer({ min: 1, max: 60_000 }),
  }),
  fc.record({
    t: fc.constant('promise' as const),
    c: fc.nat(3),
    d: fc.nat(10),
    span: fc.nat(4),
    amount: fc.integer({ min: 1, max: 40_000 }),
  }),
  fc.record({
    t: fc.constant('record' as const),
    c: fc.nat(3),
    d: fc.nat(10),
    span: fc.nat(4),
    step: fc.constantFrom('call', 'visit', 'email', null),
  }),
  fc.record({ t: fc.constant('edit' as const), i: fc.nat(), d: fc.nat(10), c: fc.nat(3) }),
  fc.record({ t: fc.constant('drop' as const), i: fc.nat() }),
);

/** collection_next_steps worked out plainly from the records (done on = first later record's date). */
function expectedSteps(
  records: { id: number; customer_id: number; date: string; next_step: string | null; next_date: string | null }[],
) {
  return records
    .filter((r) => r.next_step !== null && r.next_date !== null)
    .map((r) => {
      const later = records.filter((l) => l.customer_id === r.customer_id && l.id > r.id && l.date >= r.date);
      const doneOn = later.length ? later.map((l) => l.date).sort()[0] : null;
      return {
        record_id: r.id,
        customer_id: r.customer_id,
        date: r.date,
        next_date: r.next_date,
        visit: r.next_step === 'visit' ? 1 : 0,
        done_on: doneOn,
      };
    });
}

describe('calendar page: the grid and list views against the full calendar', () => {
  it('per-day totals, counts, first items and carried work equal the full report; next steps table = recomputation', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 30, maxLength: 60 }),
        fc.integer({ min: 3, max: 30 }),
        fc.nat(14),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 3 }),
        fc.option(fc.subarray([0, 1, 2, 3], { minLength: 1 })),
        fc.constantFrom(1, 100),
        async (ops, asOfN, fromN, span, perDay, only, busyDay) => {
          calendarPageTuning.busyDay = busyDay; // 1: every day takes the walk-by-code path
          const t = await openTestDesk();
          try {
            const cust: number[] = [];
            for (let i = 0; i < 4; i++) {
              const c = await t.ok('customers:create', {
                ...HUASHENG,
                code: `K${3 - i}`, // codes against id order, so code order matters
                name: `客户${i}`,
                paymentTermsDays: [0, 7, 30, 15][i],
                creditLimit: 0,
                contacts: [],
              } as never);
              await t.ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
              cust.push(c.id);
            }
            const sqlite = t.desk.ctx.book.sqlite;
            let n = 0;
            for (const o of ops) {
              n++;
              if (o.t === 'inv')
                await t.ok('invoices:create', {
                  customerId: cust[o.c],
                  number: `I-${n}`,
                  issueDate: day(o.d),
                  amount: o.amount,
                  overrideReason: 'test',
                });
              else if (o.t === 'rec')
                await t.call('receipts:create', {
                  customerId: cust[o.c],
                  date: day(o.d),
                  amount: o.amount,
                  method: 'bank_transfer',
                  reference: `R${n}`,
                });
              else if (o.t === 'promise')
                await createPromise(t.desk.ctx, {
                  customerId: cust[o.c],
                  madeOn: day(o.d),
                  promisedOn: day(o.d + o.span),
                  amount: o.amount,
                  form: 'verbal',
                });
              else if (o.t === 'record')
                await createCollectionRecord(t.desk.ctx, {
                  customerId: cust[o.c],
                  date: day(o.d),
                  channel: 'call',
                  nextStep: o.step,
                  nextDate: o.step ? day(o.d + o.span) : null,
                });
              else {
                // edits and deletions straight in the table (imports, restores): the triggers follow
                const ids = (
                  sqlite.prepare('SELECT id FROM collection_records ORDER BY id').all() as { id: number }[]
                ).map((r) => r.id);
                if (!ids.length) continue;
                const id = ids[o.i % ids.length];
                if (o.t === 'edit')
                  sqlite
                    .prepare('UPDATE collection_records SET date = ?, customer_id = ? WHERE id = ?')
                    .run(day(o.d), cust[o.c], id);
                else sqlite.prepare('DELETE FROM collection_records WHERE id = ?').run(id);
              }
            }
            const records = sqlite
              .prepare('SELECT id, customer_id, date, next_step, next_date FROM collection_records')
              .all() as never[];
            const table = sqlite.prepare('SELECT * FROM collection_next_steps ORDER BY record_id').all();
            expect(table).toEqual(expectedSteps(records));

            const asOf = day(asOfN);
            const from = day(fromN);
            const to = addDays(from, span);
            const keep = only ? new Set(only.map((k) => cust[k])) : null;
            const kept = (i: CalendarItem) => !keep || keep.has(i.customerId);
            // the plain answer: the full report over the carry window and the view
            const full = await calendarReport(t.desk.ctx.book, { from: addDays(from, -30), to, asOf });
            const all = full.days.flatMap((d) => d.items).filter(kept);
            const inView = all.filter((i) => i.date >= from && i.date <= to);
            const dates = [...new Set(inView.map((i) => i.date))].sort();
            const wantDays = (limit: number | null) =>
              dates.map((date) => {
                const items = inView.filter((i) => i.date === date);
                const rest = items.filter((i) => i.kind !== 'invoice_due').sort(compareItems);
                const dues = items.filter((i) => i.kind === 'invoice_due');
                return {
                  date,
                  due: dues.reduce((s, i) => s + (i.amount ?? 0), 0),
                  dueCount: dues.length,
                  count: rest.length,
                  items: limit === null ? rest : rest.slice(0, limit),
                };
              });
            const carried =
              from <= asOf && asOf <= to
                ? all
                    .filter((i) => CARRIED.has(i.kind) && !i.done && i.date < asOf && i.status !== 'missed')
                    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareItems(a, b)))
                : [];
            for (const limit of [perDay, null]) {
              const got = await calendarPage(t.desk.ctx.book, { from, to, asOf, perDay: limit, customerIds: keep });
              expect(got.days).toEqual(wantDays(limit));
              expect(got.carried).toEqual({
                count: carried.length,
                items: limit === null ? carried : carried.slice(0, limit),
              });
            }
          } finally {
            await t.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
