// The worklist as it was computed before issue #13's speed pass, kept as the reference the
// fast worklist (main/reports/collections/worklist.ts) must equal row for row: every promise's
// state, the whole dunning list, every next step of the carry window with a per-record EXISTS,
// and the late days summed from the invoices and allocations. Slow and plainly whole-book.
import type { Book } from '../../main/db/connection';
import { addDays } from '../../main/domain/dates';
import { customersByIds, nextStepsBetween, openInvoicesDueBetween } from '../../main/db/collections-store';
import { lateDaysByCustomer } from '../../main/db/collections/payment-history';
import { disputeSourcesByCustomer } from '../../main/db/disputes';
import {
  averageDaysLate,
  compareScoresDesc,
  riskMilli,
  scoreText,
  worklistScore,
} from '../../main/domain/worklist-score';
import { compareItems } from '../../main/domain/calendar';
import type { CalendarItem } from '../../shared/types-calendar';
import { statementSource } from '../../main/reports/calendar/collections-sources';
import { dunningList, ladderOf } from '../../main/reports/collections/dunning';
import { customersWithPendingPromise, type PromiseStates } from '../../main/reports/collections/promise-status';
import { collectionsSettings } from '../../main/db/collections-store';
import { promiseStates, type PromiseIn, type ReceiptIn } from '../../main/domain/promises';
import type { WorklistRow, WorklistReason } from '../../shared/types-collections';

const CARRY_DAYS = 30; // open calls/visits/slip follow-ups up to this many days back stay on the list

export async function worklistFullReference(book: Book, asOf: string): Promise<WorklistRow[]> {
  const from = addDays(asOf, -CARRY_DAYS);
  // all promises made by D (the counts of broken ones rank every listed customer)
  const promises = plainPromiseStates(book, asOf);
  const grace = promises.graceDays;
  const dunningRows = dunningList(book, asOf, customersWithPendingPromise(book, asOf, promises));
  const dunning = new Map(dunningRows.map((r) => [r.customerId, r]));
  const ladder = ladderOf(book);
  const reasons = new Map<number, WorklistReason[]>();
  const add = (cid: number, r: WorklistReason) => {
    const list = reasons.get(cid);
    if (list) list.push(r);
    else reasons.set(cid, [r]);
  };
  // the calendar's items in its own order (day, kind, record): promise due today, open calls,
  // visits and slip follow-ups of the carry window
  const items: CalendarItem[] = [];
  for (const p of promises.promises) {
    if (p.promisedOn !== asOf || promises.states.get(p.id)!.status !== 'pending') continue;
    items.push({
      kind: 'promise',
      date: asOf,
      customerId: p.customerId,
      customerCode: '',
      customerName: '',
      amount: p.amount,
      refId: p.id,
    });
  }
  for (const r of nextStepsBetween(book.sqlite, from, asOf, asOf))
    if (r.done !== 1)
      items.push({
        kind: r.nextStep === 'visit' ? 'visit' : 'call',
        date: r.nextDate,
        customerId: r.customerId,
        customerCode: '',
        customerName: '',
        refId: r.id,
      });
  for (const i of await statementSource(book, { from, to: asOf, asOf }))
    if (i.kind === 'slip_followup' && !i.done) items.push({ ...i, customerCode: '' });
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareItems(a, b)));
  for (const i of items) {
    if (i.kind === 'promise') add(i.customerId, { key: 'promise_due_today', amount: i.amount });
    else if (i.kind === 'slip_followup') add(i.customerId, { key: 'slip_not_returned', date: i.date });
    else add(i.customerId, { key: i.kind === 'visit' ? 'visit_planned' : 'call_planned', date: i.date });
  }
  const dueToday = new Map<number, number>();
  for (const r of openInvoicesDueBetween(book.sqlite, asOf, asOf, asOf))
    dueToday.set(r.customerId, (dueToday.get(r.customerId) ?? 0) + r.open);
  for (const [cid, amount] of dueToday) add(cid, { key: 'due_today', amount });
  const yesterday = addDays(asOf, -1);
  const broken = new Map<number, { broken: number; partly: number }>();
  for (const p of promises.promises) {
    const s = promises.states.get(p.id)!;
    if (s.status !== 'broken' && s.status !== 'partly_kept') continue;
    const b = broken.get(p.customerId) ?? { broken: 0, partly: 0 };
    if (s.status === 'broken') b.broken++;
    else b.partly++;
    broken.set(p.customerId, b);
    if (addDays(p.promisedOn, grace) === yesterday)
      add(p.customerId, { key: 'promise_broken', date: p.promisedOn, amount: p.amount - s.received });
  }
  const disputes = disputeSourcesByCustomer(book, asOf);
  const addDispute = (cid: number) => {
    const src = disputes.get(cid)!;
    for (const ref of src.complaints) add(cid, { key: 'in_dispute', ref });
    for (const date of src.slips) add(cid, { key: 'slip_disagrees', date });
  };
  for (const d of dunningRows) {
    const step = ladder.find((s) => s.days === d.daysOverdue);
    if (step && !d.paused) add(d.customerId, { key: 'ladder_step', level: step.level });
    else if (step && disputes.has(d.customerId)) addDispute(d.customerId);
  }
  // customers on the list for other reasons still show their dispute
  for (const [cid, list] of reasons)
    if (disputes.has(cid) && !list.some((r) => r.key === 'in_dispute' || r.key === 'slip_disagrees')) addDispute(cid);
  const ids = [...reasons.keys()];
  const late = lateDaysByCustomer(book.sqlite, ids);
  const customers = customersByIds(book.sqlite, ids);
  const scores = new Map<number, bigint>(); // exact, beyond 2^53 at the caps: rank on these
  const rows: WorklistRow[] = ids.map((cid) => {
    const d = dunning.get(cid);
    const b = broken.get(cid) ?? { broken: 0, partly: 0 };
    const l = late.get(cid);
    const avgLate = l ? averageDaysLate(l.lateDays, l.count) : 0;
    const risk = riskMilli(b.broken, b.partly, avgLate);
    const c = customers.get(cid)!;
    const score = worklistScore(Math.max(d?.overdue ?? 0, dueToday.get(cid) ?? 0), d?.daysOverdue ?? 0, risk);
    scores.set(cid, score);
    return {
      customerId: cid,
      customerCode: c.code,
      customerName: c.name,
      overdue: d?.overdue ?? 0,
      daysOverdue: d?.daysOverdue ?? 0,
      level: d?.level ?? null,
      brokenPromises: b.broken,
      partlyKeptPromises: b.partly,
      averageDaysLate: avgLate,
      riskMilli: risk,
      score: scoreText(score),
      reasons: reasons.get(cid)!,
    };
  });
  return rows.sort(
    (a, b) =>
      compareScoresDesc(scores.get(a.customerId)!, scores.get(b.customerId)!) ||
      (a.customerCode < b.customerCode ? -1 : 1),
  );
}

/**
 * Every promise's state as of D by the domain rule over all stored promises and receipts (no
 * kept amounts, no narrowing): the plain reference the kept final amounts must agree with.
 */
export function plainPromiseStates(book: Book, asOf: string): PromiseStates {
  const graceDays = collectionsSettings(book.sqlite).promiseGraceDays;
  const promises = book.sqlite
    .prepare(
      'SELECT id, customer_id AS customerId, made_on AS madeOn, promised_on AS promisedOn, amount FROM promises WHERE made_on <= ? ORDER BY customer_id, promised_on, made_on, id',
    )
    .all(asOf) as PromiseIn[];
  const receipts = book.sqlite
    .prepare('SELECT id, customer_id AS customerId, date, reference, amount FROM receipts WHERE voided_at IS NULL')
    .all() as ReceiptIn[];
  return { promises, states: promiseStates(promises, receipts, asOf, graceDays), graceDays };
}
