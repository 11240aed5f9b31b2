// Issue #13 speed: today's worklist is kept between writes (migration 0023) and read from the
// kept rows, with the customers a write listed as stale worked out afresh. After any sequence of
// writes — entries, receipts, credit notes, voids, promises, collection records, CSV imports
// (which pause the per-row triggers), grace-day and ladder changes, and direct table edits that
// leave customers stale until the next write — the kept worklist (what the window is sent) equals
// the plain whole-book computation (test/support/worklist-reference.ts), row for row.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { addDays } from '../../main/domain/dates';
import { keptWorklist, worklistSettingsFingerprint } from '../../main/reports/collections/worklist-kept';
import { keptWorklistMeta } from '../../main/db/collections/worklist-kept';
import { stagedFiles } from '../../main/services/files/staged-files';
import { fenToDecimal } from '../../shared/money';
import { approvedCustomers, openTestDesk, type TestDesk } from '../support/book';
import { BookPlayer, rawRecordInsert } from '../support/collections-book';
import { worklistFullReference } from '../support/worklist-reference';

const TODAY = '2026-11-23'; // the test desk's clock
const START = '2026-09-01';
const day = (n: number) => addDays(START, n);
const CODES = ['K0', 'K1', 'K2', 'K3'];
const c = fc.nat(CODES.length - 1);
const d = fc.integer({ min: 0, max: 90 }); // to 2026-11-30
const amount = fc.integer({ min: 1, max: 60_000 });

const op = fc.oneof(
  { weight: 4, arbitrary: fc.record({ t: fc.constant('inv' as const), c, d, amount }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('rec' as const), c, d, amount }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('cn' as const), c, d, amount }) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('void' as const), k: fc.constantFrom('invoice', 'receipt'), i: fc.nat() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('promise' as const),
      c,
      d,
      span: fc.integer({ min: 0, max: 15 }),
      amount,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('record' as const),
      c,
      d,
      next: fc.tuple(fc.constantFrom('call', 'visit'), fc.integer({ min: 0, max: 40 })),
      raw: fc.boolean(), // straight into the table: the customer stays stale until the next write
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('due' as const), i: fc.nat(), d }) }, // raw edit
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('import' as const),
      kind: fc.constantFrom('invoices', 'receipts'),
      rows: fc.array(fc.record({ c, d, amount }), { minLength: 1, maxLength: 6 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('grace' as const), g: fc.integer({ min: 0, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('ladder' as const), shift: fc.integer({ min: -5, max: 5 }) }) },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function importCsv(t: TestDesk, kind: 'invoices' | 'receipts', n: number, csv: string) {
  const f = path.join(t.dir, `${kind}-${n}.csv`);
  fs.writeFileSync(f, csv);
  return t.call(`${kind}:import`, { fileToken: stagedFiles.stage(f).token });
}

async function playOne(t: TestDesk, player: BookPlayer, cust: number[], o: Op, n: number): Promise<void> {
  const db = t.desk.ctx.book.sqlite;
  if (o.t === 'record') {
    const input = { customerId: cust[o.c], date: day(o.d), nextStep: o.next[0], nextDate: day(o.d + o.next[1]) };
    if (o.raw)
      rawRecordInsert(db).run(input.customerId, input.date, input.nextStep, input.nextDate, `${TODAY}T09:00:00.000Z`);
    else await t.ok('collections:record-create', { ...input, channel: 'call', outcome: '已联系' });
  } else if (o.t === 'due') {
    const ids = db.prepare('SELECT id FROM invoices ORDER BY id').pluck().all() as number[];
    if (ids.length) db.prepare('UPDATE invoices SET due_date = ? WHERE id = ?').run(day(o.d), ids[o.i % ids.length]);
  } else if (o.t === 'import') {
    const lines = o.rows.map((r, k) =>
      o.kind === 'invoices'
        ? `${CODES[r.c]},M-${n}-${k},${day(r.d)},,${fenToDecimal(r.amount)},货款`
        : `${CODES[r.c]},${day(r.d)},${fenToDecimal(r.amount)},M-${n},,`,
    );
    const head =
      o.kind === 'invoices'
        ? 'customer_code,number,issue_date,due_date,amount,description'
        : 'customer_code,date,amount,reference,invoice_number,method';
    await importCsv(t, o.kind, n, `${head}\n${lines.join('\n')}\n`);
  } else if (o.t === 'grace') {
    const s = await t.ok('collections:settings', {} as never);
    await t.ok('collections:settings-update', { ...s, promiseGraceDays: o.g } as never);
  } else if (o.t === 'ladder') {
    const steps = await t.ok('collections:ladder', {} as never);
    // each step moved by the same days, kept in order and above 0
    const moved = steps.map((s: { days: number }) => ({ ...s, days: Math.max(1, s.days + o.shift) }));
    if (moved.every((s: { days: number }, i: number) => i === 0 || s.days > moved[i - 1].days))
      await t.call('collections:ladder-update', { steps: moved });
  } else await player.play(o);
}

describe('worklist kept between writes', () => {
  it('equals the whole-book computation after every write, stale customers included', async () => {
    let listed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 8, maxLength: 30 }), async (ops) => {
        const t = await openTestDesk();
        try {
          const book = t.desk.ctx.book;
          const cust = await approvedCustomers(t, [
            [CODES[0], 0],
            [CODES[1], 7],
            [CODES[2], 30],
            [CODES[3], 15],
          ]);
          const player = new BookPlayer(t, cust, day);
          for (const [n, o] of ops.entries()) {
            await playOne(t, player, cust, o, n);
            // the kept worklist is today's (the read is from kept rows, not a fallback)
            expect(keptWorklistMeta(book.sqlite)).toEqual({
              asOf: TODAY,
              settings: worklistSettingsFingerprint(book),
              ready: 1,
            });
            const want = await worklistFullReference(book, TODAY);
            expect(await keptWorklist(book, TODAY), `after ${JSON.stringify(o)}`).toEqual(want);
            listed += want.length;
          }
        } finally {
          await t.close();
        }
      }),
      { numRuns: 20 },
    );
    expect(listed).toBeGreaterThan(40); // the property saw real worklists (about 100 rows over the runs)
  }, 600_000);
});
