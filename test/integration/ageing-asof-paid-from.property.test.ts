// Migration 0018: every invoice's paid_from (kept by triggers on allocations) equals the date of
// its earliest allocation, recomputed here from the allocation rows, after random writes through
// the app's channels — invoices, receipts (auto-applied, naming an invoice), credit notes, voids of
// all three, apply / unapply, write-offs and their voids, invoice and receipt imports. The
// past-date ageing that reads it (as-of-book.ts) equals a plain per-invoice reference (amount −
// Σ allocations up to D, issued on or before D, not voided) on those books, exact fen per bucket.
// And the migration run on a book written without it fills the same dates.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { up as addPaidFrom } from '../../main/db/migrations/2026-11-30-0018-ageing-asof';
import { computeAgeingColumns } from '../../main/reports/ageing';
import { bucketFor, defaultBuckets } from '../../main/domain/ageing';
import { addDays, daysBetween } from '../../main/domain/dates';
import { stagedFiles } from '../../main/services/files/staged-files';
import { approvedCustomers, openTestDesk } from '../support/book';
import { fenToDecimal } from '../../shared/money';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { demoCustomerRefs, writeDemoReceivables } from '../../main/demo/receivables';

const START = '2026-01-01';
const day = (n: number) => addDays(START, n);
const c3 = fc.integer({ min: 0, max: 2 });
const d200 = fc.integer({ min: 0, max: 200 });

const op = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('inv' as const),
      c: c3,
      d: d200,
      amount: fc.integer({ min: 1, max: 500_000 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('rec' as const),
      c: c3,
      d: d200,
      amount: fc.integer({ min: 1, max: 600_000 }),
      name: fc.option(fc.nat(), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('cn' as const),
      c: c3,
      d: d200,
      amount: fc.integer({ min: 1, max: 100_000 }),
      name: fc.option(fc.nat(), { nil: undefined }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('void' as const),
      k: fc.constantFrom('inv', 'rec', 'cn', 'wo'),
      i: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('apply' as const), i: fc.nat(), j: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('unapply' as const), i: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('wo' as const), i: fc.nat(), lag: fc.integer({ min: 0, max: 60 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('import' as const),
      k: fc.constantFrom('invoices', 'receipts'),
      rows: fc.array(fc.record({ c: c3, d: d200, amount: fc.integer({ min: 1, max: 500_000 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
  },
);

/** What paid_from must be: each invoice's earliest allocation date (null: none). */
function expectedPaidFrom(db: Database.Database): Record<number, string | null> {
  const out: Record<number, string | null> = {};
  for (const r of db.prepare('SELECT id FROM invoices').all() as { id: number }[]) out[r.id] = null;
  for (const a of db.prepare('SELECT invoice_id AS i, date FROM allocations').all() as { i: number; date: string }[])
    if (out[a.i] === null || a.date < (out[a.i] as string)) out[a.i] = a.date;
  return out;
}
function keptPaidFrom(db: Database.Database): Record<number, string | null> {
  const out: Record<number, string | null> = {};
  for (const r of db.prepare('SELECT id, paid_from AS p FROM invoices').all() as { id: number; p: string | null }[])
    out[r.id] = r.p;
  return out;
}

/** Plain reference: bucket sums per customer code and over-credited amounts, as of D. */
function referenceAgeing(db: Database.Database, asOf: string) {
  const set = defaultBuckets('due');
  const out = new Map<string, number[]>();
  const allocs = db.prepare('SELECT invoice_id AS i, date, amount FROM allocations').all() as {
    i: number;
    date: string;
    amount: number;
  }[];
  const invs = db
    .prepare(
      'SELECT i.id, c.code, i.issue_date AS issue, i.due_date AS due, i.amount FROM invoices i JOIN customers c ON c.id = i.customer_id WHERE i.voided_at IS NULL',
    )
    .all() as { id: number; code: string; issue: string; due: string; amount: number }[];
  for (const v of invs) {
    if (v.issue > asOf) continue;
    const open = v.amount - allocs.filter((a) => a.i === v.id && a.date <= asOf).reduce((s, a) => s + a.amount, 0);
    if (open <= 0) continue;
    const row = out.get(v.code) ?? new Array<number>(set.length).fill(0);
    row[set.findIndex((b) => b.key === bucketFor(daysBetween(v.due, asOf), set))] += open;
    out.set(v.code, row);
  }
  return out;
}

describe('paid_from kept by triggers (migration 0018)', () => {
  it('a demo book (allocations written before their invoices) has every paid_from right', async () => {
    const t = await openTestDesk();
    try {
      await insertDemoCustomers(t.desk.ctx, makeDemoCustomers(40, 3));
      writeDemoReceivables(t.desk.ctx, demoCustomerRefs(t.desk.ctx), 500, 3);
      const db = t.desk.ctx.book.sqlite;
      const kept = keptPaidFrom(db);
      expect(Object.values(kept).filter((d) => d !== null).length).toBeGreaterThan(100);
      expect(kept).toEqual(expectedPaidFrom(db));
    } finally {
      await t.close();
    }
  }, 120_000);

  it('equals a recomputation after random writes, voids, imports and allocations; the past-date ageing reading it equals the reference', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: -5, max: 260 }), { minLength: 3, maxLength: 3 }),
        async (ops, probes) => {
          const t = await openTestDesk();
          try {
            const codes = ['Q0', 'Q1', 'Q2'];
            const cust = await approvedCustomers(
              t,
              codes.map((code) => [code, 30]),
            );
            const ids = {
              inv: [] as { id: number; d: number }[],
              rec: [] as number[],
              cn: [] as number[],
              wo: [] as number[],
            };
            let n = 0;
            for (const o of ops) {
              n++;
              if (o.t === 'inv') {
                const r = await t.call('invoices:create', {
                  customerId: cust[o.c],
                  number: `I-${n}`,
                  issueDate: day(o.d),
                  amount: o.amount,
                  overrideReason: 'test',
                });
                if (r.ok) ids.inv.push({ id: r.data.invoice.id, d: o.d });
              } else if (o.t === 'rec') {
                const named = o.name === undefined || !ids.inv.length ? null : ids.inv[o.name % ids.inv.length].id;
                const r = await t.call('receipts:create', {
                  customerId: cust[o.c],
                  date: day(o.d),
                  amount: o.amount,
                  method: 'bank_transfer',
                  invoiceId: named,
                });
                if (r.ok) ids.rec.push(r.data.receipt.id);
              } else if (o.t === 'cn') {
                const named = o.name === undefined || !ids.inv.length ? null : ids.inv[o.name % ids.inv.length].id;
                const r = await t.call('credit-notes:create', {
                  customerId: cust[o.c],
                  number: `CN-${n}`,
                  date: day(o.d),
                  amount: o.amount,
                  kind: 'allowance',
                  invoiceId: named,
                });
                if (r.ok) ids.cn.push(r.data.creditNote.id);
              } else if (o.t === 'void') {
                const list = o.k === 'inv' ? ids.inv.map((x) => x.id) : ids[o.k];
                const channel = (
                  {
                    inv: 'invoices:void',
                    rec: 'receipts:void',
                    cn: 'credit-notes:void',
                    wo: 'write-offs:void',
                  } as const
                )[o.k];
                if (list.length) await t.call(channel, { id: list[o.i % list.length], reason: 'x' });
              } else if (o.t === 'apply') {
                if (ids.rec.length && ids.inv.length)
                  await t.call('allocations:apply', {
                    receiptId: ids.rec[o.i % ids.rec.length],
                    invoiceId: ids.inv[o.j % ids.inv.length].id,
                  });
              } else if (o.t === 'unapply') {
                const a = t.desk.ctx.book.sqlite
                  .prepare('SELECT receipt_id AS r, invoice_id AS i FROM allocations WHERE receipt_id IS NOT NULL')
                  .all() as { r: number; i: number }[];
                if (a.length)
                  await t.call('allocations:unapply', {
                    receiptId: a[o.i % a.length].r,
                    invoiceId: a[o.i % a.length].i,
                  });
              } else if (o.t === 'wo') {
                if (ids.inv.length) {
                  const inv = ids.inv[o.i % ids.inv.length];
                  const r = await t.call('write-offs:create', {
                    invoiceId: inv.id,
                    date: day(inv.d + o.lag),
                    approvedBy: '张总',
                    reason: '坏账',
                  });
                  if (r.ok) ids.wo.push(r.data.id);
                }
              } else {
                const f = path.join(t.dir, `imp-${n}.csv`);
                const csv =
                  o.k === 'invoices'
                    ? 'customer_code,number,issue_date,amount\n' +
                      o.rows
                        .map((r, k) => `${codes[r.c]},IMP-${n}-${k},${day(r.d)},${fenToDecimal(r.amount)}`)
                        .join('\n')
                    : 'customer_code,date,amount\n' +
                      o.rows.map((r) => `${codes[r.c]},${day(r.d)},${fenToDecimal(r.amount)}`).join('\n');
                fs.writeFileSync(f, `${csv}\n`);
                await t.call(o.k === 'invoices' ? 'invoices:import' : 'receipts:import', {
                  fileToken: stagedFiles.stage(f).token,
                });
              }
            }
            const db = t.desk.ctx.book.sqlite;
            expect(keptPaidFrom(db)).toEqual(expectedPaidFrom(db));

            const set = defaultBuckets('due');
            for (const asOf of probes.map(day)) {
              const got = computeAgeingColumns(db, asOf, 'due', set, { rebuild: true });
              const rows = new Map<string, number[]>();
              got.code.forEach((code, i) => {
                const cells = Array.from(got.cells.subarray(i * set.length, (i + 1) * set.length));
                if (cells.some((v) => v !== 0)) rows.set(code, cells);
              });
              expect(rows).toEqual(referenceAgeing(db, asOf));
            }

            // a book written before migration 0018: the migration fills the same dates
            for (const tr of ['insert', 'delete', 'update'])
              db.exec(`DROP TRIGGER IF EXISTS allocations_paid_from_${tr}`);
            db.exec('DROP TRIGGER IF EXISTS invoices_paid_from_insert');
            db.exec('DROP INDEX invoices_open_on');
            db.exec('ALTER TABLE invoices DROP COLUMN paid_from');
            await addPaidFrom(t.desk.ctx.book.db as unknown as Kysely<unknown>);
            expect(keptPaidFrom(db)).toEqual(expectedPaidFrom(db));
          } finally {
            await t.close();
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 300_000);
});
