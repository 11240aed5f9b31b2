// The fast whole-book ageing (main/db/receivables/as-of-book.ts for past dates, the kept open
// amounts for today) against a plain reference written here: per invoice, open as of D = amount −
// Σ its allocations dated on or before D (issued on or before D, not voided); a positive amount
// goes to its bucket, a negative one (over-credited) to the customer's credit; credits = receipts
// and credit notes dated on or before D less what was applied on or before D. Random books are
// written straight into the tables (with the kept open amounts and per-day totals maintained as
// the services do): partly and fully paid invoices, voided ones, payments dated after D, unapplied
// receipts, customer codes out of id order. Exact amounts per bucket per customer.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { computeAgeingColumns, isCurrent } from '../../main/reports/ageing';
import { bucketFor, defaultBuckets, type BucketSet } from '../../main/domain/ageing';
import { addDays, daysBetween } from '../../main/domain/dates';
import {
  bumpDaily,
  insertAllocation,
  insertInvoice,
  insertReceipt,
  refreshCredit,
  refreshInvoice,
} from '../../main/db/receivables/writes';
import { openSqlite } from '../../main/db/sqlite-file';
import { HUASHENG, openTestDesk } from '../support/book';

const START = '2025-01-01';
const day = (n: number) => addDays(START, n);

const invoiceArb = fc.record({
  c: fc.integer({ min: 0, max: 3 }),
  d: fc.integer({ min: 0, max: 600 }),
  due: fc.integer({ min: 0, max: 120 }),
  amount: fc.integer({ min: 1, max: 9_000_000 }),
  voided: fc.integer({ min: 0, max: 7 }).map((v) => v === 0),
});
const receiptArb = fc.record({
  c: fc.integer({ min: 0, max: 3 }),
  d: fc.integer({ min: 0, max: 650 }),
  amount: fc.integer({ min: 1, max: 9_000_000 }),
  // applications: [invoice pick, share in ‰ of the receipt, days after the later document]
  apply: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 90 })), {
    maxLength: 3,
  }),
});

interface Ref {
  cells: Map<number, number[]>;
  credit: Map<number, number>;
}

/** The plain reference: every invoice, receipt and allocation row, summed as of D. */
function reference(db: Database.Database, asOf: string, basis: 'due' | 'issue', set: BucketSet): Ref {
  const cells = new Map<number, number[]>();
  const credit = new Map<number, number>();
  const addCredit = (cid: number, v: number) => credit.set(cid, (credit.get(cid) ?? 0) + v || 0);
  const allocs = db.prepare('SELECT invoice_id, receipt_id, amount, date FROM allocations').all() as {
    invoice_id: number;
    receipt_id: number | null;
    amount: number;
    date: string;
  }[];
  const invs = db
    .prepare('SELECT id, customer_id, issue_date, due_date, amount FROM invoices WHERE voided_at IS NULL')
    .all() as { id: number; customer_id: number; issue_date: string; due_date: string; amount: number }[];
  for (const i of invs) {
    if (i.issue_date > asOf) continue;
    const open =
      i.amount - allocs.filter((a) => a.invoice_id === i.id && a.date <= asOf).reduce((s, a) => s + a.amount, 0);
    if (open < 0) addCredit(i.customer_id, open);
    if (open <= 0) continue;
    const row = cells.get(i.customer_id) ?? new Array<number>(set.length).fill(0);
    const b = bucketFor(daysBetween(basis === 'issue' ? i.issue_date : i.due_date, asOf), set);
    row[set.findIndex((x) => x.key === b)] += open;
    cells.set(i.customer_id, row);
  }
  const recs = db.prepare('SELECT id, customer_id, date, amount FROM receipts WHERE voided_at IS NULL').all() as {
    id: number;
    customer_id: number;
    date: string;
    amount: number;
  }[];
  for (const r of recs) {
    if (r.date > asOf) continue;
    const used = allocs.filter((a) => a.receipt_id === r.id && a.date <= asOf).reduce((s, a) => s + a.amount, 0);
    addCredit(r.customer_id, -(r.amount - used));
  }
  return { cells, credit };
}

describe('fast whole-book ageing equals the plain reference (random books, exact fen)', () => {
  it('today and past dates, due and issue basis', async () => {
    const t = await openTestDesk();
    try {
      const db = t.desk.ctx.book.sqlite;
      const cust: number[] = [];
      // codes not in id order, so the report's code order is tested too
      for (const code of ['P3', 'P1', 'P0', 'P2']) {
        const c = await t.ok('customers:create', {
          ...HUASHENG,
          code,
          name: `客户${code}`,
          creditLimit: 1_000_000,
          contacts: [],
        } as never);
        cust.push(c.id);
      }
      // the report worker's kind of connection: read-only, current reports from its in-memory
      // snapshot of the open invoices (reloaded when the book changes)
      const ro = openSqlite(t.desk.ctx.book.path, { readonly: true, fileMustExist: true });
      const clear = db.transaction(() => {
        for (const tb of ['allocations', 'receipts', 'invoices', 'ar_daily']) db.prepare(`DELETE FROM ${tb}`).run();
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(invoiceArb, { minLength: 1, maxLength: 25 }),
          fc.array(receiptArb, { maxLength: 20 }),
          fc.array(fc.integer({ min: -10, max: 760 }), { minLength: 3, maxLength: 3 }),
          async (invoices, receipts, probes) => {
            clear();
            const ids: { id: number; d: number; open: number; voided: boolean }[] = [];
            db.transaction(() => {
              invoices.forEach((v, n) => {
                const id = insertInvoice(db, {
                  customer_id: cust[v.c],
                  number: `I-${n}`,
                  issue_date: day(v.d),
                  due_date: day(v.d + v.due),
                  amount: v.amount,
                  description: null,
                  open_amount: v.amount,
                  settled_on: null,
                  override_reason: null,
                  source: null,
                  created_at: '2026-01-01T00:00:00Z',
                });
                if (v.voided) db.prepare("UPDATE invoices SET voided_at = '2026-01-01T00:00:00Z' WHERE id = ?").run(id);
                bumpDaily(db, day(v.d), { invoiced: v.amount, invoices_n: 1 });
                ids.push({ id, d: v.d, open: v.amount, voided: v.voided });
              });
              receipts.forEach((r, n) => {
                const rid = insertReceipt(db, {
                  customer_id: cust[r.c],
                  number: `R-${n}`,
                  date: day(r.d),
                  amount: r.amount,
                  method: 'bank_transfer',
                  reference: null,
                  named_invoice_id: null,
                  unapplied: r.amount,
                  applied_on: null,
                  source: null,
                  created_at: '2026-01-01T00:00:00Z',
                });
                bumpDaily(db, day(r.d), { received: r.amount, receipts_n: 1 });
                // as the services allow: never more than the invoice's open amount or what is
                // left of the receipt (partly and fully paid invoices, some paid after D)
                let left = r.amount;
                for (const [pick, share, lag] of r.apply) {
                  const inv = ids[pick % ids.length];
                  const date = day(Math.max(inv.d, r.d) + lag);
                  const amount = Math.min(left, inv.open, Math.max(1, Math.floor((r.amount * share) / 1000)));
                  if (amount <= 0 || inv.voided) continue;
                  left -= amount;
                  inv.open -= amount;
                  insertAllocation(db, {
                    invoice_id: inv.id,
                    receipt_id: rid,
                    credit_note_id: null,
                    write_off_id: null,
                    amount,
                    date,
                    kind: 'named',
                    created_at: '2026-01-01T00:00:00Z',
                  });
                  bumpDaily(db, date, {});
                }
                refreshCredit(db, 'receipts', rid);
              });
              for (const { id } of ids) refreshInvoice(db, id);
            })();
            const latest = (db.prepare('SELECT MAX(date) AS d FROM ar_daily').get() as { d: string }).d;
            const dates = [...probes.map(day), latest, addDays(latest, 40)];
            for (const asOf of dates) {
              for (const basis of ['due', 'issue'] as const) {
                const set = defaultBuckets(basis);
                const got = computeAgeingColumns(db, asOf, basis, set);
                expect(got.method).toBe(isCurrent(db, asOf) ? 'current' : 'as_of');
                const ref = reference(db, asOf, basis, set);
                // rebuilt from allocation rows even where the kept open amounts would do: the same
                const again = computeAgeingColumns(db, asOf, basis, set, { rebuild: true });
                const n = set.length;
                const gotRows = got.code.map((code, i) => ({
                  code,
                  cells: Array.from(got.cells.subarray(i * n, i * n + n)),
                  unapplied: got.unapplied[i],
                }));
                expect(gotRows.map((r) => r.code)).toEqual([...gotRows.map((r) => r.code)].sort());
                expect(Array.from(again.cells)).toEqual(Array.from(got.cells));
                expect(again.code).toEqual(got.code);
                const worker = computeAgeingColumns(ro, asOf, basis, set);
                expect(Array.from(worker.cells)).toEqual(Array.from(got.cells));
                expect(worker.code).toEqual(got.code);
                expect(Array.from(worker.unapplied)).toEqual(Array.from(got.unapplied));
                expect(Array.from(again.unapplied)).toEqual(Array.from(got.unapplied));
                const codeOf = new Map(cust.map((id, i) => [id, ['P3', 'P1', 'P0', 'P2'][i]]));
                const want = cust
                  .map((id) => ({
                    code: codeOf.get(id)!,
                    cells: ref.cells.get(id) ?? new Array<number>(n).fill(0),
                    unapplied: ref.credit.get(id) ?? 0,
                  }))
                  .filter((r) => r.unapplied !== 0 || r.cells.some((v) => v !== 0))
                  .sort((a, b) => (a.code < b.code ? -1 : 1));
                expect(gotRows).toEqual(want);
              }
            }
          },
        ),
        { numRuns: 60 },
      );
      ro.close();
    } finally {
      await t.close();
    }
  }, 120_000);
});
