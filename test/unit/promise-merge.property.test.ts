// The one-pass promise status engine (main/domain/promise-merge.ts, the fast path behind the
// promise report, the dunning pause and the worklist) against a plain reference of SPEC §5's
// rule written here: exact received fen and statuses on random promises and receipts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../../main/domain/dates';
import { mergePromiseStates, receiptsByCustomer } from '../../main/domain/promise-merge';
import type { PromiseIn, ReceiptIn } from '../../main/domain/promises';

const START = '2026-03-01';
const day = (n: number) => addDays(START, n);

/** SPEC §5 as written: each customer's receipts in (date, reference, entry) order are shared out
 *  among its promises whose window [M, P + grace] holds the date, earliest P, M, entry first. */
function reference(promises: PromiseIn[], receipts: ReceiptIn[], asOf: string, grace: number) {
  const got = new Map<number, number>();
  const live = promises.filter((p) => p.madeOn <= asOf);
  for (const p of live) got.set(p.id, 0);
  const rs = receipts
    .filter((r) => r.date <= asOf)
    .sort((a, b) =>
      a.date !== b.date
        ? a.date.localeCompare(b.date)
        : (a.reference ?? '') !== (b.reference ?? '')
          ? (a.reference ?? '') < (b.reference ?? '')
            ? -1
            : 1
          : a.id - b.id,
    );
  for (const r of rs) {
    let left = r.amount;
    const mine = live
      .filter((p) => p.customerId === r.customerId && p.madeOn <= r.date && r.date <= addDays(p.promisedOn, grace))
      .sort((a, b) =>
        a.promisedOn !== b.promisedOn
          ? a.promisedOn.localeCompare(b.promisedOn)
          : a.madeOn !== b.madeOn
            ? a.madeOn.localeCompare(b.madeOn)
            : a.id - b.id,
      );
    for (const p of mine) {
      const take = Math.min(left, p.amount - got.get(p.id)!);
      if (take > 0) {
        got.set(p.id, got.get(p.id)! + take);
        left -= take;
      }
    }
  }
  return new Map(
    live.map((p) => {
      const received = got.get(p.id)!;
      const status =
        received >= p.amount
          ? 'kept'
          : asOf <= addDays(p.promisedOn, grace)
            ? 'pending'
            : received > 0
              ? 'partly_kept'
              : 'broken';
      return [p.id, { received, status }];
    }),
  );
}

const promiseArb = fc.record({
  customerId: fc.integer({ min: 1, max: 4 }),
  m: fc.integer({ min: 0, max: 60 }),
  span: fc.integer({ min: 0, max: 20 }),
  amount: fc.integer({ min: 1, max: 50_000 }),
});
const receiptArb = fc.record({
  customerId: fc.integer({ min: 1, max: 4 }),
  d: fc.integer({ min: 0, max: 90 }),
  reference: fc.constantFrom(null, 'A', 'B', 'b', '银行'),
  amount: fc.integer({ min: 1, max: 40_000 }),
});

describe('promise statuses, one ordered pass = the plain rule', () => {
  it('exact received fen and statuses for random promises, receipts, grace and as-of dates', () => {
    fc.assert(
      fc.property(
        fc.array(promiseArb, { maxLength: 25 }),
        fc.array(receiptArb, { maxLength: 30 }),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 100 }),
        (ps, rs, grace, at) => {
          const asOf = day(at);
          const promises: PromiseIn[] = ps.map((p, i) => ({
            id: i + 1,
            customerId: p.customerId,
            madeOn: day(p.m),
            promisedOn: day(p.m + p.span),
            amount: p.amount,
          }));
          const receipts: ReceiptIn[] = rs.map((r, i) => ({
            id: i + 1,
            customerId: r.customerId,
            date: day(r.d),
            reference: r.reference,
            amount: r.amount,
          }));
          // what the SQL hands over: promises made ≤ D, customer by customer in sharing order
          const inOrder = promises
            .filter((p) => p.madeOn <= asOf)
            .sort(
              (a, b) =>
                a.customerId - b.customerId ||
                a.promisedOn.localeCompare(b.promisedOn) ||
                a.madeOn.localeCompare(b.madeOn) ||
                a.id - b.id,
            );
          const { received, status } = mergePromiseStates(inOrder, receiptsByCustomer(receipts), asOf, grace);
          const got = new Map(inOrder.map((p, i) => [p.id, { received: received[i], status: status[i] }]));
          expect(got).toEqual(reference(promises, receipts, asOf, grace));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a worked case: two promises share one receipt in order, the rest of it counts nowhere', () => {
    const promises: PromiseIn[] = [
      { id: 2, customerId: 1, madeOn: day(0), promisedOn: day(5), amount: 300 },
      { id: 1, customerId: 1, madeOn: day(0), promisedOn: day(9), amount: 500 },
    ];
    const receipts: ReceiptIn[] = [{ id: 1, customerId: 1, date: day(3), reference: null, amount: 600 }];
    const r = mergePromiseStates(promises, receiptsByCustomer(receipts), day(12), 0);
    expect(r).toEqual({ received: [300, 300], status: ['kept', 'partly_kept'] });
  });
});
