// Today's worklist (今日催收): customers to contact today, ranked by an explained score
// score = overdue amount (yuan) × max(days overdue, 1) × risk, where
// risk = 1 + 0.5 × broken promises + 0.25 × partly kept promises + (average days late ÷ 60, at most 1)
// (average days late: how late the customer's receipts settled its invoices, from allocations).
// Each row says why it is there: due today, promise due today, promise broken yesterday, ladder
// step reached today, a planned call/visit today or overdue, a statement slip not returned.
// A customer in dispute (争议) gets no reminder: where the ladder step would be, the row says
// which complaint (or disagreeing slip) disputes the invoices, so the collector settles that first.
import type { Book } from '../../db/connection';
import { addDays, daysBetween } from '../../domain/dates';
import type { CalendarItem } from '../../../shared/types-calendar';
import { collectionsSettings, customersByIds } from '../../db/collections-store';
import { calendarReport } from '../calendar/calendar';
import { disputeSourcesByCustomer } from '../../db/disputes';
import { dunningList, ladderOf } from './dunning';
import { promiseStatusRows } from './promise-status';
import type { WorklistRow, WorklistReason } from '../../../shared/types-collections';

const CARRY_DAYS = 30; // open calls/visits/slip follow-ups up to this many days back stay on the list

export async function worklist(book: Book, asOf: string): Promise<WorklistRow[]> {
  const grace = collectionsSettings(book.sqlite).promiseGraceDays;
  const dunning = new Map(dunningList(book, asOf).map((r) => [r.customerId, r]));
  const ladder = ladderOf(book);
  const reasons = new Map<number, WorklistReason[]>();
  const add = (cid: number, r: WorklistReason) => {
    const list = reasons.get(cid) ?? [];
    list.push(r);
    reasons.set(cid, list);
  };
  const cal = await calendarReport(book, { from: addDays(asOf, -CARRY_DAYS), to: asOf, asOf });
  const dueToday = new Map<number, number>();
  for (const day of cal.days) {
    for (const i of day.items as CalendarItem[]) {
      if (i.kind === 'invoice_due' && day.date === asOf)
        dueToday.set(i.customerId, (dueToday.get(i.customerId) ?? 0) + (i.amount ?? 0));
      else if (i.kind === 'promise' && day.date === asOf && i.status === 'pending')
        add(i.customerId, { key: 'promise_due_today', amount: i.amount });
      else if ((i.kind === 'call' || i.kind === 'visit') && !i.done)
        add(i.customerId, { key: i.kind === 'visit' ? 'visit_planned' : 'call_planned', date: day.date });
      else if (i.kind === 'slip_followup' && !i.done) add(i.customerId, { key: 'slip_not_returned', date: day.date });
    }
  }
  for (const [cid, amount] of dueToday) add(cid, { key: 'due_today', amount });
  const yesterday = addDays(asOf, -1);
  const promises = promiseStatusRows(book, { asOf }, grace);
  const broken = new Map<number, { broken: number; partly: number }>();
  for (const p of promises) {
    const b = broken.get(p.customerId) ?? { broken: 0, partly: 0 };
    if (p.status === 'broken') b.broken++;
    if (p.status === 'partly_kept') b.partly++;
    broken.set(p.customerId, b);
    if ((p.status === 'broken' || p.status === 'partly_kept') && addDays(p.promisedOn, grace) === yesterday)
      add(p.customerId, { key: 'promise_broken', date: p.promisedOn, amount: p.amount - p.received });
  }
  const disputes = disputeSourcesByCustomer(book, asOf);
  for (const d of dunning.values()) {
    const step = ladder.find((s) => s.days === d.daysOverdue);
    if (step && !d.paused) add(d.customerId, { key: 'ladder_step', level: step.level });
    else if (step && disputes.has(d.customerId)) addDispute(d.customerId);
  }
  function addDispute(cid: number) {
    const src = disputes.get(cid)!;
    for (const ref of src.complaints) add(cid, { key: 'in_dispute', ref });
    for (const date of src.slips) add(cid, { key: 'slip_disagrees', date });
  }
  // customers on the list for other reasons still show their dispute
  for (const cid of reasons.keys())
    if (disputes.has(cid) && !reasons.get(cid)!.some((r) => r.key === 'in_dispute' || r.key === 'slip_disagrees'))
      addDispute(cid);
  const ids = [...reasons.keys()];
  const late = averageDaysLate(book, ids);
  const customers = customersByIds(book.sqlite, ids);
  const rows: WorklistRow[] = ids.map((cid) => {
    const d = dunning.get(cid);
    const b = broken.get(cid) ?? { broken: 0, partly: 0 };
    const avgLate = late.get(cid) ?? 0;
    const riskMilli = 1000 + 500 * b.broken + 250 * b.partly + Math.min(1000, Math.round((avgLate * 1000) / 60));
    const amount = Math.max(d?.overdue ?? 0, dueToday.get(cid) ?? 0);
    const days = Math.max(d?.daysOverdue ?? 0, 1);
    const c = customers.get(cid)!;
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
      riskMilli,
      // yuan × days × risk, rounded to a whole number (only used to rank)
      score: Math.round(((amount / 100) * days * riskMilli) / 1000),
      reasons: reasons.get(cid)!,
    };
  });
  return rows.sort((a, b) => b.score - a.score || (a.customerCode < b.customerCode ? -1 : 1));
}

/** Average days late of receipt allocations (date − due, only late ones count as late; early ones as 0), per customer. */
function averageDaysLate(book: Book, ids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  const q = book.sqlite.prepare(
    `SELECT a.date AS date, i.due_date AS due FROM invoices i JOIN allocations a ON a.invoice_id = i.id
     WHERE i.customer_id = ? AND a.receipt_id IS NOT NULL AND a.amount > 0 ORDER BY a.date DESC LIMIT 50`,
  );
  for (const id of ids) {
    const rows = q.all(id) as { date: string; due: string }[];
    if (!rows.length) continue;
    const sum = rows.reduce((s, r) => s + Math.max(0, daysBetween(r.due, r.date)), 0);
    out.set(id, Math.round(sum / rows.length));
  }
  return out;
}
