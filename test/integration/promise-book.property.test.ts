// Issue #13 speed: the whole book's promise statuses are read as columns and put in report order
// in JavaScript (reports/collections/promise-book.ts), and cross from the report worker as columns.
// On random books — codes whose byte order differs from JavaScript's, customers without promises,
// promises tied on dates, who promised / form / collection record set, receipts, voids, grace
// changes, stale customers and kept amounts — the report job's columns are the rows of the plain
// query (customers joined, ORDER BY code, promised date, made on, id) with the plain rule's states.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../main/domain/dates';
import { runCollectionsJob } from '../../main/reports/collections/jobs';
import { promiseRowsOf } from '../../main/reports/collections/promise-status-columns';
import { promiseReport } from '../../main/services/collections';
import { refreshKeptPromises } from '../../main/services/collections/kept-promises';
import type { PromiseStatusRow } from '../../shared/types-collections';
import { approvedCustomers, openTestDesk, type TestDesk } from '../support/book';
import { BookPlayer, expectEveryPromiseKept, type BookOp } from '../support/collections-book';
import { plainPromiseStates } from '../support/worklist-reference';

const START = '2026-01-01';
const day = (n: number) => addDays(START, n);
const CODES = ['b-2', 'A10', 'A9', 'a_1', 'Z', 'C0'];
// written straight to the table (the forms take ASCII codes; a book may hold others): U+FF21 sorts
// before U+20000 by UTF-8 bytes (SQLite) but after it by UTF-16 units (JavaScript)
const RAW_CODES: [number, string][] = [
  [3, '\uFF21'],
  [4, '\u{20000}'],
];

type Op = BookOp | { t: 'detail'; i: number; by: string | null; form: 'written' | 'verbal'; record: boolean };

const c = fc.nat(CODES.length - 2); // the last customer never gets a promise
const amount = fc.integer({ min: 1, max: 40_000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('rec' as const), c, d: fc.nat(40), amount }) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('void' as const), k: fc.constant('receipt' as const), i: fc.nat() }),
  },
  // few distinct days and spans: promises tied on promised date and made-on date
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('promise' as const),
      c,
      d: fc.nat(4).map((x) => x * 7),
      span: fc.nat(2).map((x) => x * 7),
      amount,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('detail' as const),
      i: fc.nat(),
      by: fc.option(fc.constantFrom('王经理', 'Li')),
      form: fc.constantFrom('written' as const, 'verbal' as const),
      record: fc.boolean(),
    }),
  },
);

/** The plain whole-book report: one join in report order, states by the plain rule. */
function plainReport(t: TestDesk, asOf: string): PromiseStatusRow[] {
  const rows = t.desk.ctx.book.sqlite
    .prepare(
      `SELECT p.id AS id, p.customer_id AS customerId, c.code AS customerCode, c.name AS customerName,
              p.made_on AS madeOn, p.promised_on AS promisedOn, p.amount AS amount, p.promised_by AS promisedBy,
              p.form AS form, p.collection_record_id AS collectionRecordId
       FROM promises p JOIN customers c ON c.id = p.customer_id WHERE p.made_on <= ?
       ORDER BY c.code, p.promised_on, p.made_on, p.id`,
    )
    .all(asOf) as PromiseStatusRow[];
  const states = plainPromiseStates(t.desk.ctx.book, asOf).states;
  return rows.map((r) => ({ ...r, ...states.get(r.id)! }));
}

/** Who promised, the form and a collection record, written straight to a promise. */
function playDetail(t: TestDesk, o: Extract<Op, { t: 'detail' }>, cust: number[]): void {
  const db = t.desk.ctx.book.sqlite;
  const ids = db.prepare('SELECT id FROM promises ORDER BY id').pluck().all() as number[];
  if (!ids.length) return;
  const id = ids[o.i % ids.length];
  let record: number | null = null;
  if (o.record)
    record = Number(
      db
        .prepare(
          `INSERT INTO collection_records (customer_id, date, channel, outcome, source, created_at)
           VALUES (?, ?, 'call', 'test', 'test', ?)`,
        )
        .run(cust[0], START, START).lastInsertRowid,
    );
  db.prepare('UPDATE promises SET promised_by = ?, form = ?, collection_record_id = ? WHERE id = ?').run(
    o.by,
    o.form,
    record,
    id,
  );
}

describe('whole-book promise statuses, read in columns', () => {
  it('equal the plain join in report order with the plain rule, stale or kept, under any grace', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 8, maxLength: 30 }),
        fc.nat(3),
        fc.array(fc.nat(60), { minLength: 3, maxLength: 3 }),
        async (ops, grace, probes) => {
          const t = await openTestDesk();
          try {
            const cust = await approvedCustomers(
              t,
              CODES.map((code): [string, number] => [code, 30]),
            );
            for (const [k, code] of RAW_CODES)
              t.desk.ctx.book.sqlite.prepare('UPDATE customers SET code = ? WHERE id = ?').run(code, cust[k]);
            const player = new BookPlayer(t, cust, day);
            for (const o of ops)
              if (o.t === 'detail') playDetail(t, o, cust);
              else await player.play(o);
            const s = await t.ok('collections:settings', {} as never);
            await t.ok('collections:settings-update', { ...s, promiseGraceDays: grace } as never);
            const check = async () => {
              for (const asOf of [...probes.map(day), '9999-12-31']) {
                const cols = await runCollectionsJob(t.desk.ctx.book, 'collections:promises', { asOf });
                expect(cols.texts, 'columns with a shared text table').toBeInstanceOf(Array);
                const want = plainReport(t, asOf);
                expect(promiseRowsOf(cols), asOf).toEqual(want);
                expect((await promiseReport(t.desk.ctx, { asOf })).rows, asOf).toEqual(want);
              }
            };
            // the grace change left every customer without kept amounts under this grace ...
            await check();
            // ... and with every customer's amounts kept
            refreshKeptPromises(t.desk.ctx.book);
            expectEveryPromiseKept(t, grace);
            await check();
          } finally {
            await t.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 300_000);
});
