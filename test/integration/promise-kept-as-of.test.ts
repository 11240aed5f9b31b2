// Issue #13 speed: promise statuses as of D take a customer's kept final amounts (migration 0022)
// also while one of its promises is still open, when nothing dated after D can change them: no
// receipt dated after D and no promise made after D. Then the report reads none of its receipts
// (as of today, the usual case, the whole book's); a customer with a later receipt or a later
// promise is still worked out from its receipts. Either way the states are the plain rule's.
import { describe, expect, it, vi } from 'vitest';
import * as promisesSql from '../../main/db/collections/promises';
import { addDays } from '../../main/domain/dates';
import { promiseRowsOf } from '../../main/reports/collections/promise-status-columns';
import { runCollectionsJob } from '../../main/reports/collections/jobs';
import { approvedCustomers, openTestDesk } from '../support/book';
import { BookPlayer } from '../support/collections-book';
import { plainPromiseStates } from '../support/worklist-reference';

vi.mock('../../main/db/collections/promises', async (original) => {
  const m = await original<typeof import('../../main/db/collections/promises')>();
  return { ...m, receiptsForPromises: vi.fn(m.receiptsForPromises) };
});

const START = '2026-03-02';
const day = (n: number) => addDays(START, n);

describe('promise statuses as of D from kept amounts', () => {
  it('read no receipts of a customer with an open promise and nothing dated after D', async () => {
    const t = await openTestDesk();
    try {
      const [a, b, c] = await approvedCustomers(t, [
        ['A1', 30],
        ['B1', 30],
        ['C1', 30],
      ]);
      const player = new BookPlayer(t, [a, b, c], day);
      // A: open until day 20, paid in part on day 3; B: the same, paid again on day 12 (after D);
      // C: a second promise made on day 9 (after D) competes for its day-3 receipt
      for (const k of [0, 1, 2]) {
        await player.play({ t: 'inv', c: k, d: 0, amount: 50_000 });
        await player.play({ t: 'promise', c: k, d: 1, span: 19, amount: 30_000 });
        await player.play({ t: 'rec', c: k, d: 3, amount: 12_000 });
      }
      await player.play({ t: 'rec', c: 1, d: 12, amount: 9_000 });
      await player.play({ t: 'promise', c: 2, d: 9, span: 1, amount: 5_000 });
      const receipts = vi.mocked(promisesSql.receiptsForPromises);
      const book = t.desk.ctx.book;
      const report = async (asOf: string) => {
        receipts.mockClear();
        const rows = promiseRowsOf(await runCollectionsJob(book, 'collections:promises', { asOf }));
        const plain = plainPromiseStates(book, asOf).states;
        for (const r of rows)
          expect({ received: r.received, status: r.status }, r.customerCode).toEqual(plain.get(r.id));
        const asked = receipts.mock.calls.map(([, scope]) => scope.customerIds ?? 'all');
        return { rows, asked };
      };
      // as of day 5: A from its kept amount; B (receipt on day 12) and C (promise made on day 9) worked out
      const early = await report(day(5));
      expect(early.rows.map((r) => [r.customerCode, r.received, r.status])).toEqual([
        ['A1', 12_000, 'pending'],
        ['B1', 12_000, 'pending'],
        ['C1', 12_000, 'pending'],
      ]);
      expect(early.asked.map((ids) => (ids === 'all' ? ids : [...ids].sort()))).toEqual([[b, c].sort()]);
      // as of day 15 (C's second promise now made, nothing dated later): no receipts read at all
      const later = await report(day(15));
      expect(later.rows.map((r) => [r.customerCode, r.received, r.status])).toEqual([
        ['A1', 12_000, 'pending'],
        ['B1', 21_000, 'pending'],
        ['C1', 0, 'broken'], // promised on day 10 (first in the report), made after the receipt
        ['C1', 12_000, 'pending'],
      ]);
      expect(later.asked).toEqual([]);
    } finally {
      await t.close();
    }
  }, 60_000);
});
