// Migration 0018: every invoice's paid_from (kept by triggers on allocations) equals the date of
// its earliest allocation, recomputed here from the allocation rows, after random writes through
// the app's channels — invoices, receipts (auto-applied, naming an invoice), credit notes, voids of
// all three, apply / unapply, write-offs and their voids, invoice and receipt imports. The
// past-date ageing that reads it (as-of-book.ts) equals a plain per-invoice reference (amount −
// Σ allocations up to D, issued on or before D, not voided) on those books, exact fen per bucket.
// And the migration run on a book written without it fills the same dates.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { up as addPaidFrom } from '../../main/db/migrations/2026-11-30-0018-ageing-asof';
import { computeAgeingColumns } from '../../main/reports/ageing';
import { bucketFor, defaultBuckets } from '../../main/domain/ageing';
import { daysBetween } from '../../main/domain/dates';
import { approvedCustomers, openTestDesk } from '../support/book';
import { day, playReceivables, receivablesOp } from '../support/receivables-ops';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { demoCustomerRefs, writeDemoReceivables } from '../../main/demo/receivables';

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
        fc.array(receivablesOp, { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: -5, max: 260 }), { minLength: 3, maxLength: 3 }),
        async (ops, probes) => {
          const t = await openTestDesk();
          try {
            const codes = ['Q0', 'Q1', 'Q2'];
            const cust = await approvedCustomers(
              t,
              codes.map((code) => [code, 30]),
            );
            await playReceivables(t, cust, codes, ops);
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
