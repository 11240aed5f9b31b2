// Issue #13 "the window never blocks for more than 100 ms": when a writer opens a book in which
// every customer's kept promise amounts are stale (a big import or writes made outside the app),
// they are worked out a chunk of customers per turn of the event loop — other work runs between
// the chunks, customers not reached yet stay stale, and the end result is the one-block refresh's.
import { describe, expect, it } from 'vitest';
import { refreshKeptPromises, refreshKeptPromisesInTurns } from '../../main/services/collections/kept-promises';
import { approvedCustomers, openTestDesk } from '../support/book';

const CODES = ['T0', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6'];

async function bookWithStalePromises() {
  const t = await openTestDesk({ now: '2026-03-01' });
  const cust = await approvedCustomers(
    t,
    CODES.map((c) => [c, 30]),
  );
  const db = t.desk.ctx.book.sqlite;
  const ins = db.prepare(
    "INSERT INTO promises (customer_id, made_on, promised_on, amount, promised_by, form, source, created_at) VALUES (?, ?, ?, ?, NULL, 'verbal', 'test', '2026-03-01')",
  );
  const rec = db.prepare(
    "INSERT INTO receipts (customer_id, date, amount, method, unapplied, created_at) VALUES (?, ?, ?, 'bank', ?, '2026-03-01')",
  );
  Object.values(cust).forEach((id, i) => {
    ins.run(id, '2026-02-01', '2026-02-10', 10_000 + i);
    ins.run(id, '2026-02-05', '2026-02-20', 20_000);
    if (i % 2) rec.run(id, '2026-02-09', 15_000 + i * 100, 15_000 + i * 100);
  });
  return t;
}

const kept = (t: Awaited<ReturnType<typeof openTestDesk>>) =>
  t.desk.ctx.book.sqlite
    .prepare('SELECT promise_id, customer_id, received, grace FROM promise_final ORDER BY promise_id')
    .all();
const staleCount = (t: Awaited<ReturnType<typeof openTestDesk>>) =>
  t.desk.ctx.book.sqlite.prepare('SELECT COUNT(*) FROM promise_final_stale').pluck().get() as number;

describe('kept promise amounts at opening, in turns', () => {
  it('yields between chunks of customers and ends with the one-block refresh’s rows', async () => {
    const a = await bookWithStalePromises();
    const b = await bookWithStalePromises();
    try {
      expect(staleCount(a)).toBe(CODES.length);
      // what another request sees between the chunks: a turn after each chunk of 2 customers
      const pending = refreshKeptPromisesInTurns(a.desk.ctx.book, 2);
      let done = false;
      const turns: number[] = [];
      const probe = () => {
        if (done) return;
        turns.push(staleCount(a));
        setImmediate(probe);
      };
      setImmediate(probe);
      expect(await pending).toBe(CODES.length);
      done = true;
      expect(turns).toEqual(expect.arrayContaining([3, 1]));
      expect(staleCount(a)).toBe(0);

      expect(refreshKeptPromises(b.desk.ctx.book)).toBe(CODES.length);
      expect(kept(a)).toEqual(kept(b));
      expect(kept(a)).toHaveLength(CODES.length * 2);
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);
});
