// Promise-to-pay status (付款承诺), SPEC §5 "The exact rules". Pure: the caller hands in the
// promises and the (not voided) receipts of the customers concerned, and the as-of date.
// Receipts in (date, reference) order are shared out among the customer's promises whose
// window [madeOn, promisedOn + grace] holds the receipt date — earliest promisedOn first, then
// earliest madeOn, then entry order — each taking at most what it still lacks; each fen of a
// receipt counts once.
import { addDays } from './dates';

export const PROMISE_STATUSES = ['pending', 'kept', 'partly_kept', 'broken'] as const;
export type PromiseStatus = (typeof PROMISE_STATUSES)[number];

export interface PromiseIn {
  id: number; // entry order
  customerId: number;
  madeOn: string;
  promisedOn: string;
  amount: number; // fen > 0
}

export interface ReceiptIn {
  id: number;
  customerId: number;
  date: string;
  reference: string | null;
  amount: number; // fen
}

export interface PromiseState {
  received: number;
  status: PromiseStatus;
}

/** Promise order for sharing out a receipt: earliest promised date, then made on, then entry. */
export function comparePromises(a: PromiseIn, b: PromiseIn): number {
  if (a.promisedOn !== b.promisedOn) return a.promisedOn < b.promisedOn ? -1 : 1;
  if (a.madeOn !== b.madeOn) return a.madeOn < b.madeOn ? -1 : 1;
  return a.id - b.id;
}

export function compareReceipts(a: ReceiptIn, b: ReceiptIn): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const ra = a.reference ?? '';
  const rb = b.reference ?? '';
  if (ra !== rb) return ra < rb ? -1 : 1;
  return a.id - b.id;
}

export function statusOf(
  p: Pick<PromiseIn, 'promisedOn' | 'amount'>,
  received: number,
  asOf: string,
  graceDays: number,
): PromiseStatus {
  if (received >= p.amount) return 'kept';
  if (asOf <= addDays(p.promisedOn, graceDays)) return 'pending';
  return received > 0 ? 'partly_kept' : 'broken';
}

/**
 * Status of every promise made on or before `asOf` (others are left out: they do not exist
 * yet), keyed by promise id. Receipts dated after `asOf` are ignored.
 */
export function promiseStates(
  promises: readonly PromiseIn[],
  receipts: readonly ReceiptIn[],
  asOf: string,
  graceDays = 0,
): Map<number, PromiseState> {
  const byCustomer = new Map<number, { p: PromiseIn; last: string; received: number }[]>();
  // a book has far fewer distinct promised dates than promises: work each last day out once
  const lastDay = new Map<string, string>();
  for (const p of promises) {
    if (p.madeOn > asOf) continue;
    let list = byCustomer.get(p.customerId);
    if (!list) byCustomer.set(p.customerId, (list = []));
    let last = lastDay.get(p.promisedOn);
    if (last === undefined) lastDay.set(p.promisedOn, (last = addDays(p.promisedOn, graceDays)));
    list.push({ p, last, received: 0 });
  }
  for (const list of byCustomer.values()) list.sort((a, b) => comparePromises(a.p, b.p));
  const sorted = receipts.filter((r) => r.date <= asOf && byCustomer.has(r.customerId)).sort(compareReceipts);
  for (const r of sorted) {
    let left = r.amount;
    for (const s of byCustomer.get(r.customerId)!) {
      if (left <= 0) break;
      if (r.date < s.p.madeOn || r.date > s.last) continue;
      const take = Math.min(left, s.p.amount - s.received);
      if (take <= 0) continue;
      s.received += take;
      left -= take;
    }
  }
  const out = new Map<number, PromiseState>();
  for (const list of byCustomer.values()) {
    for (const s of list) {
      const status =
        s.received >= s.p.amount ? 'kept' : asOf <= s.last ? 'pending' : s.received > 0 ? 'partly_kept' : 'broken';
      out.set(s.p.id, { received: s.received, status });
    }
  }
  return out;
}

/** Promise-kept rate over decided promises (kept ÷ kept + partly kept + broken), null when none is decided. */
export function promiseKeptRate(statuses: Iterable<PromiseStatus>): {
  kept: number;
  decided: number;
  rate: number | null;
} {
  let kept = 0;
  let decided = 0;
  for (const s of statuses) {
    if (s === 'pending') continue;
    decided++;
    if (s === 'kept') kept++;
  }
  return { kept, decided, rate: decided === 0 ? null : kept / decided };
}
