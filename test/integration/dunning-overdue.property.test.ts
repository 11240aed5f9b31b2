// The dunning list's overdue figures as of any date (issue #13 fast path, db/collections/dunning.ts:
// invoices open on D through invoices_open_on, allocations looked up only for invoices part-paid
// by D) against SPEC §2 computed plainly from the stored rows (amount − allocations dated ≤ D,
// issued ≤ D, voided invoices gone, past due: due < D, open > 0), after random writes of every
// kind; and the list read on a read-only connection (as on the report worker: codes, names and
// code order from the kept customer directory) or on the book's own (the command line's: only the
// listed customers' names, customerNamesOf) equals the same reference, also after a rename.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Book } from '../../main/db/connection';
import { overdueByCustomerAsOf } from '../../main/db/collections/dunning';
import { daysBetween } from '../../main/domain/dates';
import { DEFAULT_LADDER, ladderLevel } from '../../main/domain/dunning';
import { dunningList } from '../../main/reports/collections/dunning';
import { customerDirectoryOf, customerNamesOf } from '../../main/db/receivables/directory';
import { approvedCustomers, HUASHENG, openTestDesk, type TestDesk } from '../support/book';
import { day, playReceivables, receivablesOp } from '../support/receivables-ops';

// code order differs from id order ('Q1' < 'Q10' < 'Q2')
const CODES = ['Q2', 'Q10', 'Q1'];

/** Plain reference per customer id: the oldest due date and Σ open of its invoices past due and open on D. */
function referenceOverdue(db: Database.Database, asOf: string) {
  const allocs = db.prepare('SELECT invoice_id AS i, date, amount FROM allocations').all() as {
    i: number;
    date: string;
    amount: number;
  }[];
  const invs = db
    .prepare(
      'SELECT id, customer_id AS c, issue_date AS issue, due_date AS due, amount FROM invoices WHERE voided_at IS NULL',
    )
    .all() as { id: number; c: number; issue: string; due: string; amount: number }[];
  const out = new Map<number, { customerId: number; dueDate: string; open: number }>();
  for (const v of invs) {
    if (v.issue > asOf || v.due >= asOf) continue;
    const open = v.amount - allocs.filter((a) => a.i === v.id && a.date <= asOf).reduce((s, a) => s + a.amount, 0);
    if (open <= 0) continue;
    const r = out.get(v.c);
    if (!r) out.set(v.c, { customerId: v.c, dueDate: v.due, open });
    else {
      r.open += open;
      if (v.due < r.dueDate) r.dueDate = v.due;
    }
  }
  return [...out.values()].sort((a, b) => a.customerId - b.customerId);
}

/** The dunning rows the reference gives (no promises or disputes in these books: never paused). */
function referenceList(db: Database.Database, asOf: string) {
  const cust = new Map(
    (db.prepare('SELECT id, code, name FROM customers').all() as { id: number; code: string; name: string }[]).map(
      (c) => [c.id, c],
    ),
  );
  return referenceOverdue(db, asOf)
    .map((r) => {
      const days = daysBetween(r.dueDate, asOf);
      const c = cust.get(r.customerId)!;
      return {
        customerId: r.customerId,
        customerCode: c.code,
        customerName: c.name,
        daysOverdue: days,
        overdue: r.open,
        level: ladderLevel(days, DEFAULT_LADDER),
        paused: false,
        pausedBy: [],
      };
    })
    .sort((a, b) => (a.customerCode < b.customerCode ? -1 : 1));
}

/** A second, read-only connection to the desk's book (the report worker's kind). */
function readOnlyBook(t: TestDesk): Book {
  return { sqlite: new Database(path.join(t.dir, 'test.creditdesk'), { readonly: true }) } as Book;
}

describe('dunning overdue as of D: fast path = plain SPEC §2 reference', () => {
  it('after random writes, voids, imports, write-offs and allocations, at any date', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(receivablesOp, { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: -5, max: 260 }), { minLength: 3, maxLength: 3 }),
        async (ops, probes) => {
          const t = await openTestDesk();
          const cust = await approvedCustomers(
            t,
            CODES.map((code) => [code, 30]),
          );
          const ro = readOnlyBook(t);
          try {
            await playReceivables(t, cust, CODES, ops);
            const db = t.desk.ctx.book.sqlite;
            for (const asOf of probes.map(day)) {
              expect(overdueByCustomerAsOf(db, asOf)).toEqual(referenceOverdue(db, asOf));
              const want = referenceList(db, asOf);
              expect(dunningList(ro, asOf)).toEqual(want);
              expect(dunningList(t.desk.ctx.book, asOf)).toEqual(want);
            }
          } finally {
            ro.sqlite.close();
            await t.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 300_000);

  it('a renamed customer shows its new name on the read-only connection (the kept directory follows)', async () => {
    const t = await openTestDesk();
    const ro = readOnlyBook(t);
    try {
      const [a] = await approvedCustomers(t, [['R1', 30]]);
      await t.ok('invoices:create', {
        customerId: a,
        number: 'I-1',
        issueDate: day(0),
        amount: 1000,
        overrideReason: 't',
      });
      expect(dunningList(ro, day(60)).map((r) => r.customerName)).toEqual(['客户R1']);
      const cur = await t.ok('customers:get', { id: a });
      await t.ok('customers:update', {
        id: a,
        version: cur.version,
        data: { ...HUASHENG, code: 'R1', name: '新名称' },
      });
      expect(dunningList(ro, day(60))).toEqual(referenceList(t.desk.ctx.book.sqlite, day(60)));
      expect(dunningList(ro, day(60)).map((r) => r.customerName)).toEqual(['新名称']);
    } finally {
      ro.sqlite.close();
      await t.close();
    }
  }, 60_000);

  it('reads only the invoices open on D and allocations per invoice (no pass over allocations dated after D)', async () => {
    const t = await openTestDesk();
    const ro = readOnlyBook(t);
    try {
      // the statements the overdue read prepares, each explained on the desk's full schema
      const seen: string[] = [];
      const prepare = ro.sqlite.prepare.bind(ro.sqlite);
      ro.sqlite.prepare = ((sql: string) => (seen.push(sql), prepare(sql))) as typeof ro.sqlite.prepare;
      const asOf = '2026-05-27';
      overdueByCustomerAsOf(ro.sqlite, asOf);
      const plan = seen.flatMap((sql) =>
        (
          prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ d: asOf, months: '[]' }) as {
            detail: string;
          }[]
        ).map((r) => r.detail),
      );
      expect(plan.some((p) => p.includes('invoices_open_on'))).toBe(true);
      const allocationReads = plan.filter((p) => p.includes('allocations'));
      expect(allocationReads.length).toBeGreaterThan(0);
      for (const p of allocationReads) expect(p).toContain('allocations_invoice (invoice_id=?');
      expect(plan.filter((p) => p.includes('TEMP B-TREE'))).toEqual([]);
    } finally {
      ro.sqlite.close();
      await t.close();
    }
  }, 60_000);

  it('customerNamesOf: the given customers as the directory lists them, for any code and name text', () => {
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));
    const row = fc.record({ code: text, name: text });
    fc.assert(
      fc.property(
        fc.uniqueArray(row, { selector: (r) => r.code, maxLength: 30 }),
        fc.uniqueArray(fc.nat(40)),
        (rows, pick) => {
          const db = new Database(':memory:');
          try {
            db.exec(`CREATE TABLE customers (id INTEGER PRIMARY KEY, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL, credit_limit INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX customers_directory ON customers (code, name, credit_limit)`);
            const put = db.prepare('INSERT INTO customers (id, code, name) VALUES (?, ?, ?)');
            rows.forEach((r, i) => put.run(i * 3 + 1, r.code, r.name));
            // ids 1, 4, 7, … exist; the others are unknown and left out
            const ids = pick.map((k) => k + 1);
            const dir = customerDirectoryOf(db, ids);
            expect(customerNamesOf(db, ids)).toEqual({ id: dir.id, code: dir.code, name: dir.name });
          } finally {
            db.close();
          }
        },
      ),
      {
        numRuns: 500,
        // SQLite's byte order of these two codes is not JavaScript's
        examples: [
          [
            [
              { code: '\uFF01', name: 'a' },
              { code: '😀', name: 'b' },
            ],
            [0, 3],
          ],
        ],
      },
    );
  });
});
