// A customer's payment history for the worklist's risk and the cash-in forecast
// (db/collections/payment-history.ts): late days over its latest 50 receipt allocations, summed
// per customer from the indexes, equal to a plain reference over the stored rows, also for a
// customer with more than 50 allocations (only the latest 50 count) and for the whole book.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_ALLOCATIONS, lateDaysByCustomer } from '../../main/db/collections/payment-history';
import { addDays, daysBetween } from '../../main/domain/dates';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

let t: TestDesk;
const ids: number[] = [];
beforeAll(async () => {
  t = await openTestDesk({ now: '2026-11-23T09:00:00.000Z' });
  for (const [code, n] of [
    ['L1', 64],
    ['L2', 5],
  ] as const) {
    const cid = await activeCustomer(t.ok, code);
    ids.push(cid);
    for (let k = 0; k < n; k++) {
      const issue = addDays('2026-01-05', k * 4);
      await t.ok('invoices:create', { customerId: cid, number: `${code}-${k}`, issueDate: issue, amount: 10_000 });
      // paid some days early, on time or late (due = issue + 30 days): the latest ones much later
      await t.ok('receipts:create', {
        customerId: cid,
        date: addDays(issue, 20 + ((k * 7) % 23) + (k > 40 ? 15 : 0)),
        amount: 10_000,
        method: 'bank_transfer',
      });
    }
  }
}, 120_000);
afterAll(() => t.close());

/** Plain reference: each customer's receipt allocations, latest first (date, then entry), the first 50. */
function reference(): Map<number, { lateDays: number; count: number }> {
  const rows = t.desk.ctx.book.sqlite
    .prepare(
      `SELECT i.customer_id AS cid, i.due_date AS due, a.date AS date, a.id AS id FROM allocations a JOIN invoices i ON i.id = a.invoice_id
       WHERE a.receipt_id IS NOT NULL AND a.amount > 0`,
    )
    .all() as { cid: number; due: string; date: string; id: number }[];
  const out = new Map<number, { lateDays: number; count: number }>();
  for (const cid of new Set(rows.map((r) => r.cid))) {
    const mine = rows
      .filter((r) => r.cid === cid)
      .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.id - a.id))
      .slice(0, HISTORY_ALLOCATIONS);
    out.set(cid, {
      lateDays: mine.reduce((s, r) => s + Math.max(0, daysBetween(r.due, r.date)), 0),
      count: mine.length,
    });
  }
  return out;
}

describe('late days of a customer', () => {
  it('over the latest 50 receipt allocations, for chosen customers and the whole book', () => {
    const ref = reference();
    expect(ref.get(ids[0])!.count).toBe(HISTORY_ALLOCATIONS); // 64 allocations, 50 count
    expect(ref.get(ids[1])!.count).toBe(5);
    expect(ref.get(ids[0])!.lateDays).toBeGreaterThan(0);
    const sqlite = t.desk.ctx.book.sqlite;
    expect(lateDaysByCustomer(sqlite, ids)).toEqual(ref);
    expect(lateDaysByCustomer(sqlite, [ids[1]])).toEqual(new Map([[ids[1], ref.get(ids[1])]]));
    expect(lateDaysByCustomer(sqlite, null)).toEqual(ref);
  });
});
