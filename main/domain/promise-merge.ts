// Promise statuses in one ordered pass (SPEC §5 "The exact rules"), the fast path of
// promises.ts's promiseStates for whole books. The caller hands in the promises already in
// sharing order and grouped by customer (customer after customer; inside a customer earliest
// promised date, then made on, then entry: the report's own order, code → promisedOn → madeOn →
// id), and each customer's receipts (not voided, dated ≤ D) in (date, reference, entry) order.
// No maps of lists, no per-promise objects: a customer with one promise (most of them) takes
// min(amount, Σ receipts in its window); several share each receipt out in order.
import { addDays } from './dates';
import { compareReceipts, type PromiseIn, type PromiseStatus, type ReceiptIn } from './promises';

export interface MergedStates {
  /** received fen per promise, same index as the promises handed in */
  received: number[];
  status: PromiseStatus[];
}

/** Receipts of one customer (sorted as the rule wants), or undefined when it has none. */
export type ReceiptsOf = (customerId: number) => readonly ReceiptIn[] | undefined;

/**
 * Groups receipts by customer and sorts each group by (date, reference, entry). Input in any
 * order; a stable per-customer sort keeps the work small (most customers have few receipts).
 */
export function receiptsByCustomer(receipts: readonly ReceiptIn[]): ReceiptsOf {
  const by = new Map<number, ReceiptIn[]>();
  for (const r of receipts) {
    const list = by.get(r.customerId);
    if (list) list.push(r);
    else by.set(r.customerId, [r]);
  }
  for (const list of by.values()) if (list.length > 1) list.sort(compareReceipts);
  return (cid) => by.get(cid);
}

export function mergePromiseStates(
  promises: readonly PromiseIn[],
  receiptsOf: ReceiptsOf,
  asOf: string,
  graceDays: number,
): MergedStates {
  const n = promises.length;
  const received = new Array<number>(n).fill(0);
  const status = new Array<PromiseStatus>(n);
  const last = new Array<string>(n);
  // a book has far fewer distinct promised dates than promises: work each last day out once
  const lastOf = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    const p = promises[i].promisedOn;
    let l = graceDays === 0 ? p : lastOf.get(p);
    if (l === undefined) lastOf.set(p, (l = addDays(p, graceDays)));
    last[i] = l;
  }
  let i = 0;
  while (i < n) {
    const cid = promises[i].customerId;
    let end = i + 1;
    while (end < n && promises[end].customerId === cid) end++;
    const rs = receiptsOf(cid);
    if (rs) shareOut(promises, last, received, i, end, rs, asOf);
    i = end;
  }
  for (let k = 0; k < n; k++) {
    const p = promises[k];
    const r = received[k];
    status[k] = r >= p.amount ? 'kept' : asOf <= last[k] ? 'pending' : r > 0 ? 'partly_kept' : 'broken';
  }
  return { received, status };
}

/** One customer's promises [from, to) take its receipts in order, each at most what it still lacks. */
function shareOut(
  promises: readonly PromiseIn[],
  last: readonly string[],
  received: number[],
  from: number,
  to: number,
  receipts: readonly ReceiptIn[],
  asOf: string,
): void {
  for (const r of receipts) {
    if (r.date > asOf) continue;
    let left = r.amount;
    for (let k = from; k < to && left > 0; k++) {
      const p = promises[k];
      if (r.date < p.madeOn || r.date > last[k]) continue;
      const take = Math.min(left, p.amount - received[k]);
      if (take <= 0) continue;
      received[k] += take;
      left -= take;
    }
  }
}
