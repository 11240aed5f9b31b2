// Promise status (SPEC §5 "The exact rules"): exact figures and a property test against a
// fen-by-fen reference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  promiseKeptRate,
  promiseStates,
  type PromiseIn,
  type PromiseStatus,
  type ReceiptIn,
} from '../../main/domain/promises';
import { addDays } from '../../main/domain/dates';

const P = (id: number, madeOn: string, promisedOn: string, amount: number, customerId = 1): PromiseIn => ({
  id,
  customerId,
  madeOn,
  promisedOn,
  amount,
});
const R = (id: number, date: string, amount: number, reference: string | null = null, customerId = 1): ReceiptIn => ({
  id,
  customerId,
  date,
  reference,
  amount,
});

describe('promise status, exact figures', () => {
  const promises = [P(1, '2026-03-01', '2026-03-10', 100000), P(2, '2026-03-02', '2026-03-05', 50000)];
  const receipts = [R(1, '2026-03-04', 70000, 'B'), R(2, '2026-03-12', 30000)];

  it('shares a receipt out by earliest promised date first, each fen once', () => {
    const s = promiseStates(promises, receipts, '2026-03-04');
    // R1 70,000: promise 2 (due 03-05) takes 50,000, promise 1 the remaining 20,000
    expect(s.get(2)).toEqual({ received: 50000, status: 'kept' });
    expect(s.get(1)).toEqual({ received: 20000, status: 'pending' });
  });

  it('pending until P + grace, then partly kept or broken', () => {
    expect(promiseStates(promises, receipts, '2026-03-10').get(1)).toEqual({ received: 20000, status: 'pending' });
    expect(promiseStates(promises, receipts, '2026-03-11').get(1)).toEqual({ received: 20000, status: 'partly_kept' });
    // the receipt of 03-12 is outside promise 1's window [03-01, 03-10]
    expect(promiseStates(promises, receipts, '2026-03-12').get(1)).toEqual({ received: 20000, status: 'partly_kept' });
    // with 2 grace days the window reaches 03-12: 20,000 + 30,000 = 50,000 of 100,000, pending on 03-12
    expect(promiseStates(promises, receipts, '2026-03-12', 2).get(1)).toEqual({ received: 50000, status: 'pending' });
    expect(promiseStates(promises, receipts, '2026-03-13', 2).get(1)).toEqual({
      received: 50000,
      status: 'partly_kept',
    });
    expect(promiseStates([P(7, '2026-03-01', '2026-03-02', 100)], [], '2026-03-03').get(7)).toEqual({
      received: 0,
      status: 'broken',
    });
  });

  it('a promise made after the as-of date does not exist; receipts before M do not count', () => {
    const s = promiseStates(promises, receipts, '2026-03-01');
    expect(s.has(2)).toBe(false);
    expect(s.get(1)).toEqual({ received: 0, status: 'pending' });
    expect(
      promiseStates([P(3, '2026-03-05', '2026-03-06', 100)], [R(1, '2026-03-04', 500)], '2026-03-10').get(3),
    ).toEqual({ received: 0, status: 'broken' });
  });

  it('another customer’s receipt never counts', () => {
    expect(
      promiseStates([P(1, '2026-03-01', '2026-03-02', 100)], [R(1, '2026-03-01', 100, null, 2)], '2026-03-05').get(1)
        ?.status,
    ).toBe('broken');
  });

  it('kept rate counts decided promises only', () => {
    expect(promiseKeptRate(['kept', 'pending', 'broken', 'partly_kept', 'kept'] as PromiseStatus[])).toEqual({
      kept: 2,
      decided: 4,
      rate: 0.5,
    });
    expect(promiseKeptRate(['pending'])).toEqual({ kept: 0, decided: 0, rate: null });
  });
});

// Reference: fen by fen. Every fen of every receipt (date, reference, then id order) goes to the
// first promise in (P, M, entry) order that exists, whose window holds the date and that still lacks.
function reference(promises: PromiseIn[], receipts: ReceiptIn[], asOf: string, grace: number) {
  const live = promises.filter((p) => p.madeOn <= asOf);
  const got = new Map(live.map((p) => [p.id, 0]));
  const order = [...live].sort((a, b) =>
    a.promisedOn < b.promisedOn
      ? -1
      : a.promisedOn > b.promisedOn
        ? 1
        : a.madeOn < b.madeOn
          ? -1
          : a.madeOn > b.madeOn
            ? 1
            : a.id - b.id,
  );
  const rs = receipts
    .filter((r) => r.date <= asOf)
    .sort((a, b) =>
      a.date < b.date
        ? -1
        : a.date > b.date
          ? 1
          : (a.reference ?? '') < (b.reference ?? '')
            ? -1
            : (a.reference ?? '') > (b.reference ?? '')
              ? 1
              : a.id - b.id,
    );
  for (const r of rs) {
    for (let fen = 0; fen < r.amount; fen++) {
      const p = order.find(
        (q) =>
          q.customerId === r.customerId &&
          q.madeOn <= r.date &&
          r.date <= addDays(q.promisedOn, grace) &&
          got.get(q.id)! < q.amount,
      );
      if (p) got.set(p.id, got.get(p.id)! + 1);
    }
  }
  const out = new Map<number, { received: number; status: string }>();
  for (const p of live) {
    const received = got.get(p.id)!;
    const status =
      received >= p.amount
        ? 'kept'
        : asOf <= addDays(p.promisedOn, grace)
          ? 'pending'
          : received > 0
            ? 'partly_kept'
            : 'broken';
    out.set(p.id, { received, status });
  }
  return out;
}

const START = '2026-01-01';
const day = (n: number) => addDays(START, n);

describe('promise status, property', () => {
  it('matches the fen-by-fen reference for random promises, receipts, as-of dates and grace', () => {
    const promiseArb = fc.record({
      customer: fc.integer({ min: 1, max: 3 }),
      made: fc.integer({ min: 0, max: 40 }),
      span: fc.integer({ min: 0, max: 15 }),
      amount: fc.integer({ min: 1, max: 300 }),
    });
    const receiptArb = fc.record({
      customer: fc.integer({ min: 1, max: 3 }),
      date: fc.integer({ min: 0, max: 60 }),
      amount: fc.integer({ min: 1, max: 300 }),
      ref: fc.constantFrom(null, 'A', 'B', 'C'),
    });
    fc.assert(
      fc.property(
        fc.array(promiseArb, { maxLength: 8 }),
        fc.array(receiptArb, { maxLength: 10 }),
        fc.integer({ min: 0, max: 70 }),
        fc.constantFrom(0, 0, 3, 7),
        (ps, rs, asOfN, grace) => {
          const promises = ps.map((p, i) => P(i + 1, day(p.made), day(p.made + p.span), p.amount, p.customer));
          const receipts = rs.map((r, i) => R(i + 1, day(r.date), r.amount, r.ref, r.customer));
          const asOf = day(asOfN);
          const got = promiseStates(promises, receipts, asOf, grace);
          const want = reference(promises, receipts, asOf, grace);
          expect(new Map([...got].map(([k, v]) => [k, { ...v }]))).toEqual(want);
          // each fen of a receipt counts once: what promises received never exceeds the receipts of the customer
          for (const c of [1, 2, 3]) {
            const recv = promises
              .filter((p) => p.customerId === c && got.has(p.id))
              .reduce((s, p) => s + got.get(p.id)!.received, 0);
            const paid = receipts.filter((r) => r.customerId === c && r.date <= asOf).reduce((s, r) => s + r.amount, 0);
            expect(recv).toBeLessThanOrEqual(paid);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
