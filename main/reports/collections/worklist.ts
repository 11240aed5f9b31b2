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
  openStepsOf,
} from '../../db/collections/worklist';
import { collectionsSettings } from '../../db/collections-store';
import { disputedCustomerIds, disputeSourcesByCustomer } from '../../db/disputes';
import { averageDaysLate, riskMilli, scoreText, worklistScore } from '../../domain/worklist-score';
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
async function calendarReasons(
  book: Book,
  asOf: string,
  open: PromiseStates,
  reasons: Reasons,
  only: ReadonlySet<number> | null,
): Promise<void> {
  const from = addDays(asOf, -CARRY_DAYS);
  const items: CalendarItem[] = [];
  const item = (kind: CalendarItem['kind'], date: string, customerId: number, refId: number, amount?: number) =>
    items.push({ kind, date, customerId, customerCode: '', customerName: '', refId, amount });
  for (const p of open.promises)
    if (p.promisedOn === asOf && open.states.get(p.id)!.status === 'pending')
      item('promise', asOf, p.customerId, p.id, p.amount);
  const steps = only
    ? openStepsOf(book.sqlite, from, asOf, asOf, [...only])
    : openStepsBetween(book.sqlite, from, asOf, asOf);
  for (const [id, cid, date, visit] of steps) item(visit === 1 ? 'visit' : 'call', date, cid, id);
  for (const i of await statementSource(book, { from, to: asOf, asOf }))
    if (i.kind === 'slip_followup' && !i.done && (!only || only.has(i.customerId)))
      items.push({ ...i, customerCode: '' });
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

/** Today's worklist in rank order, worked out from the book (the kept one: worklist-kept.ts). */
export async function worklist(book: Book, asOf: string): Promise<WorklistRow[]> {
  return (await worklistRowsOf(book, asOf, null)).sort(byRank).map((r) => r.row);
}

/** A row with its rank key: score descending, then code (rankKey). */
export interface RankedRow {
  key: string;
  row: WorklistRow;
}

export const byRank = (a: RankedRow, b: RankedRow): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * One ASCII string whose order is the worklist's, in JavaScript and in SQLite alike: the score's
 * digit count and digits, each complemented (higher first), then the customer code's UTF-16
 * units in hex (JavaScript's string order; SQLite would compare UTF-8 bytes). Scores are never negative.
 */
export function rankKey(score: bigint, code: string): string {
  const digits = score.toString();
  let key = String(999 - digits.length).padStart(3, '0');
  for (let i = 0; i < digits.length; i++) key += String(57 - digits.charCodeAt(i));
  for (let i = 0; i < code.length; i++) key += code.charCodeAt(i).toString(16).padStart(4, '0');
  return key;
}

/**
 * The worklist rows (in no order) of every customer, or of the `only` customers: a row depends
 * only on its own customer's documents, promises and records (and the settings), so the rows of
 * a few customers are worked out from theirs alone.
 */
export async function worklistRowsOf(book: Book, asOf: string, only: readonly number[] | null): Promise<RankedRow[]> {
  const yesterday = addDays(asOf, -1);
  const mine = only ? new Set(only) : null;
  const has = (cid: number) => !mine || mine.has(cid);
  // every customer with a promise whose last day (promised date + grace) is yesterday or later
  const open = only ? openPromiseStatesOf(book, asOf, yesterday, only) : openPromiseStates(book, asOf, yesterday);
  const grace = open.graceDays;
  const reasons: Reasons = new Map();
  await calendarReasons(book, asOf, open, reasons, mine);
  const dueToday = new Map<number, number>();
  for (const r of openInvoicesDueBetween(book.sqlite, asOf, asOf, asOf, only ?? undefined))
    if (has(r.customerId)) dueToday.set(r.customerId, (dueToday.get(r.customerId) ?? 0) + r.open);
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
  ).filter(has);
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
  return ids.map((cid): RankedRow => {
    const c = dunning.get(cid)!;
    const b = broken.get(cid) ?? { broken: 0, partly: 0 };
    const l = late.get(cid);
    const avgLate = l ? averageDaysLate(l.lateDays, l.count) : 0;
    const risk = riskMilli(b.broken, b.partly, avgLate);
    // exact, beyond 2^53 at the caps: ranked on its digits (rankKey)
    const score = worklistScore(Math.max(c.overdue, dueToday.get(cid) ?? 0), c.daysOverdue, risk);
    const row: WorklistRow = {
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
    return { key: rankKey(score, c.code), row };
  });
}

/** openPromiseStates of these customers only. */
function openPromiseStatesOf(book: Book, asOf: string, openFrom: string, only: readonly number[]): PromiseStates {
  const graceDays = collectionsSettings(book.sqlite).promiseGraceDays;
  return promiseStatesInScope(
    book,
    { asOf, promisedFrom: addDays(openFrom, -graceDays), customerIds: only },
    graceDays,
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
