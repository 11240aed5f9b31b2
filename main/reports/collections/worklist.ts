// Today's worklist (今日催收): customers to contact today, ranked by an explained score
// (domain/worklist-score.ts: overdue amount × days overdue × risk, in integer arithmetic;
// risk from broken and partly kept promises and the average days late of the customer's
// receipts). Each row says why it is there: due today, promise due today, promise broken
// yesterday, ladder step reached today, a planned call/visit today or overdue, a statement slip
// not returned. A customer in dispute (争议) gets no reminder: where the ladder step would be,
// the row says which complaint (or disagreeing slip) disputes the invoices.
// Speed (issue #13, ≤ 300 ms on 100k customers): nothing is worked out for the whole book.
// First who is on the list: promises whose last day is yesterday or later (due today, broken
// yesterday, the pending ones that pause the ladder), the open next steps of the carry window
// (trigger-kept), slip follow-ups, invoices due today, and the customers an invoice due on a
// ladder step date may have put on a step. Then, for those only: the dunning figures, all their
// promises' states (the broken counts) and their kept late days. The rows equal the plain
// whole-book computation (test/support/worklist-reference.ts; test/integration/worklist-fast).
import type { Book } from '../../db/connection';
import { addDays, toDayNumber } from '../../domain/dates';
import { openInvoicesDueBetween } from '../../db/collections-store';
import {
  customersDueOn,
  customersOverdue,
  keptLateDays,
  keptPromiseCounts,
  openStepsBetween,
} from '../../db/collections/worklist';
import { disputedCustomerIds, disputeSourcesByCustomer } from '../../db/disputes';
import { averageDaysLate, compareScoresDesc, riskMilli, scoreText, worklistScore } from '../../domain/worklist-score';
import { compareItems } from '../../domain/calendar';
import { ladderLevel } from '../../domain/dunning';
import type { CalendarItem } from '../../../shared/types-calendar';
import { statementSource } from '../calendar/collections-sources';
import { ladderOf } from './dunning';
import {
  customersWithPendingPromise,
  openPromiseStates,
  promiseStatesInScope,
  type PromiseStates,
} from './promise-status';
import type { WorklistRow, WorklistReason } from '../../../shared/types-collections';

const CARRY_DAYS = 30; // open calls/visits/slip follow-ups up to this many days back stay on the list

type Reasons = Map<number, WorklistReason[]>;

function addReason(reasons: Reasons, cid: number, r: WorklistReason): void {
  const list = reasons.get(cid);
  if (list) list.push(r);
  else reasons.set(cid, [r]);
}

/** The calendar's items of the carry window in its own order (day, kind, record): promise due today, open calls, visits, slip follow-ups. */
async function calendarReasons(book: Book, asOf: string, open: PromiseStates, reasons: Reasons): Promise<void> {
  const from = addDays(asOf, -CARRY_DAYS);
  const items: CalendarItem[] = [];
  const item = (kind: CalendarItem['kind'], date: string, customerId: number, refId: number, amount?: number) =>
    items.push({ kind, date, customerId, customerCode: '', customerName: '', refId, amount });
  for (const p of open.promises)
    if (p.promisedOn === asOf && open.states.get(p.id)!.status === 'pending')
      item('promise', asOf, p.customerId, p.id, p.amount);
  for (const [id, cid, date, visit] of openStepsBetween(book.sqlite, from, asOf, asOf))
    item(visit === 1 ? 'visit' : 'call', date, cid, id);
  for (const i of await statementSource(book, { from, to: asOf, asOf }))
    if (i.kind === 'slip_followup' && !i.done) items.push({ ...i, customerCode: '' });
  items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareItems(a, b)));
  for (const i of items) {
    if (i.kind === 'promise') addReason(reasons, i.customerId, { key: 'promise_due_today', amount: i.amount! });
    else if (i.kind === 'slip_followup') addReason(reasons, i.customerId, { key: 'slip_not_returned', date: i.date });
    else addReason(reasons, i.customerId, { key: i.kind === 'visit' ? 'visit_planned' : 'call_planned', date: i.date });
  }
}

interface Dunning {
  code: string;
  name: string;
  overdue: number;
  daysOverdue: number;
  level: number | null;
}

export async function worklist(book: Book, asOf: string): Promise<WorklistRow[]> {
  const yesterday = addDays(asOf, -1);
  // every customer with a promise whose last day (promised date + grace) is yesterday or later
  const open = openPromiseStates(book, asOf, yesterday);
  const grace = open.graceDays;
  const reasons: Reasons = new Map();
  await calendarReasons(book, asOf, open, reasons);
  const dueToday = new Map<number, number>();
  for (const r of openInvoicesDueBetween(book.sqlite, asOf, asOf, asOf))
    dueToday.set(r.customerId, (dueToday.get(r.customerId) ?? 0) + r.open);
  for (const [cid, amount] of dueToday) addReason(reasons, cid, { key: 'due_today', amount });
  for (const p of open.promises) {
    const s = open.states.get(p.id)!;
    if ((s.status === 'broken' || s.status === 'partly_kept') && addDays(p.promisedOn, grace) === yesterday)
      addReason(reasons, p.customerId, { key: 'promise_broken', date: p.promisedOn, amount: p.amount - s.received });
  }
  // the dunning figures of the listed customers and of those a ladder step may have reached today
  const ladder = ladderOf(book);
  const onStep = customersDueOn(
    book.sqlite,
    asOf,
    ladder.map((s) => addDays(asOf, -s.days)),
  );
  const d = toDayNumber(asOf);
  const dunning = new Map<number, Dunning>();
  const listed = customersOverdue(book.sqlite, asOf, [...new Set([...reasons.keys(), ...onStep])]);
  for (const [cid, { code, name, oldestDue, overdue }] of listed) {
    const daysOverdue = oldestDue === null ? 0 : d - toDayNumber(oldestDue);
    dunning.set(cid, {
      code,
      name,
      overdue,
      daysOverdue,
      level: oldestDue === null ? null : ladderLevel(daysOverdue, ladder),
    });
  }
  const pending = customersWithPendingPromise(book, asOf, open);
  const disputed = disputedCustomerIds(book, asOf);
  const disputes = disputeSourcesByCustomer(book, asOf);
  const addDispute = (cid: number) => {
    const src = disputes.get(cid)!;
    for (const ref of src.complaints) addReason(reasons, cid, { key: 'in_dispute', ref });
    for (const date of src.slips) addReason(reasons, cid, { key: 'slip_disagrees', date });
  };
  for (const cid of onStep) {
    const r = dunning.get(cid)!;
    const step = r.overdue > 0 ? ladder.find((s) => s.days === r.daysOverdue) : undefined;
    if (step && !pending.has(cid) && !disputed.has(cid))
      addReason(reasons, cid, { key: 'ladder_step', level: step.level });
    else if (step && disputes.has(cid)) addDispute(cid);
  }
  // customers on the list for other reasons still show their dispute
  for (const [cid, list] of reasons)
    if (disputes.has(cid) && !list.some((r) => r.key === 'in_dispute' || r.key === 'slip_disagrees')) addDispute(cid);
  const ids = [...reasons.keys()];
  const broken = brokenCounts(book, asOf, open, ids);
  const late = keptLateDays(book.sqlite, ids);
  const scores = new Map<number, bigint>(); // exact, beyond 2^53 at the caps: rank on these
  const rows: WorklistRow[] = ids.map((cid) => {
    const c = dunning.get(cid)!;
    const b = broken.get(cid) ?? { broken: 0, partly: 0 };
    const l = late.get(cid);
    const avgLate = l ? averageDaysLate(l.lateDays, l.count) : 0;
    const risk = riskMilli(b.broken, b.partly, avgLate);
    const score = worklistScore(Math.max(c.overdue, dueToday.get(cid) ?? 0), c.daysOverdue, risk);
    scores.set(cid, score);
    return {
      customerId: cid,
      customerCode: c.code,
      customerName: c.name,
      overdue: c.overdue,
      daysOverdue: c.daysOverdue,
      level: c.overdue > 0 ? c.level : null,
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
 * Broken and partly kept promises as of D of the listed customers (all their promises made by D).
 * The customers without a promise in the open scope have only promises closed before D: their
 * kept final amounts say it (db/collections/worklist.ts keptPromiseCounts); the others, and any
 * without kept amounts, from the states worked out.
 */
function brokenCounts(
  book: Book,
  asOf: string,
  open: PromiseStates,
  ids: readonly number[],
): Map<number, { broken: number; partly: number }> {
  const inOpen = new Set(open.promises.map((p) => p.customerId));
  const rest = ids.filter((id) => !inOpen.has(id));
  const out = new Map<number, { broken: number; partly: number }>();
  const count = (s: PromiseStates) => {
    for (const p of s.promises) {
      const st = s.states.get(p.id)!.status;
      if (st !== 'broken' && st !== 'partly_kept') continue;
      const b = out.get(p.customerId) ?? { broken: 0, partly: 0 };
      if (st === 'broken') b.broken++;
      else b.partly++;
      out.set(p.customerId, b);
    }
  };
  count(open);
  const unsure: number[] = [];
  for (const [cid, broken, partly, notKept] of keptPromiseCounts(book.sqlite, asOf, rest, open.graceDays))
    if (notKept > 0) unsure.push(cid);
    else if (broken > 0 || partly > 0) out.set(cid, { broken, partly });
  if (unsure.length > 0) count(promiseStatesInScope(book, { asOf, customerIds: unsure }, open.graceDays));
  return out;
}
