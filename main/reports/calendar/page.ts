// The collection calendar as its screens ask for it (issue #13 speed: a month holds ~100k items
// on a big book). Month and week grids (perDay = a few): per day the due total, how many items,
// and only the first items in the calendar's order — the three big sources (invoices due,
// promises, planned calls/visits) are counted and paged in SQL, the small ones run as they are.
// The list view (perDay null): every item of its days, from the sources themselves. Either way
// the open work of the 30 days before the view that is still not done is carried onto today.
// Same items, statuses and order as calendarReport (test/integration/calendar-page.property.test.ts).
import type { Book } from '../../db/connection';
import {
  dueByDay,
  firstPromisesOfDay,
  firstStepsOfDay,
  promiseCountByDay,
  stepCountByDay,
} from '../../db/collections/calendar-page';
import { addDays } from '../../domain/dates';
import { calendarDays, compareItems } from '../../domain/calendar';
import type { CalendarItem } from '../../../shared/types-calendar';
import type { CalendarPageDay, CalendarPageReport } from '../../../shared/types-calendar-page';
import { promiseStatusRows } from '../collections/promise-status';
import { invoiceDueSource, nextStepItem, nextStepSource, promiseItem, promiseSource } from './collections-sources';
import { CALENDAR_SOURCES, type CalendarSource, type CalendarWindow } from './sources';

export const CARRY_DAYS = 30;
const CARRIED_KINDS = new Set(['call', 'visit', 'slip_followup', 'credit_review']);
/** a day with at least `busyDay` of one kind walks the customers in code order (stops early); tests lower it */
export const calendarPageTuning = { busyDay: 100 };

/** Open work dated before today: carried onto today until done (a missed planned visit stays on its day). */
export const isCarried = (i: CalendarItem, asOf: string): boolean =>
  CARRIED_KINDS.has(i.kind) && !i.done && i.date < asOf && i.status !== 'missed';

const byDayThenItem = (a: CalendarItem, b: CalendarItem) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : compareItems(a, b);

export interface CalendarPageQuery extends CalendarWindow {
  perDay: number | null;
  /** the calendar filter's customers; null: all */
  customerIds: Set<number> | null;
}

async function fromSources(sources: CalendarSource[], book: Book, w: CalendarWindow, keep: Set<number> | null) {
  const parts = await Promise.all(sources.map((s) => s(book, w)));
  const items = parts.flat();
  return keep ? items.filter((i) => keep.has(i.customerId)) : items;
}

export async function calendarPage(book: Book, q: CalendarPageQuery): Promise<CalendarPageReport> {
  const { from, to, asOf, perDay } = q;
  const showCarry = from <= asOf && asOf <= to;
  const carryWindow = { from: addDays(from, -CARRY_DAYS), to: addDays(asOf, -1), asOf };
  const out: CalendarPageReport = { from, to, asOf, perDay, days: [], carried: { count: 0, items: [] } };
  if (perDay === null) {
    const items = await fromSources(CALENDAR_SOURCES, book, q, q.customerIds);
    out.days = calendarDays(items, from, to).map((d) => {
      const rest = d.items.filter((i) => i.kind !== 'invoice_due');
      return { date: d.date, due: d.due, dueCount: d.items.length - rest.length, count: rest.length, items: rest };
    });
    if (showCarry) {
      const work = CALENDAR_SOURCES.filter((s) => s !== invoiceDueSource && s !== promiseSource);
      const carried = (await fromSources(work, book, carryWindow, q.customerIds)).filter((i) => isCarried(i, asOf));
      out.carried = { count: carried.length, items: carried.sort(byDayThenItem) };
    }
    return out;
  }
  return summary(book, q, showCarry ? carryWindow : null, perDay);
}

async function summary(
  book: Book,
  q: CalendarPageQuery,
  carry: CalendarWindow | null,
  perDay: number,
): Promise<CalendarPageReport> {
  const { from, to, asOf } = q;
  const sqlite = book.sqlite;
  const ids = q.customerIds ? JSON.stringify([...q.customerIds]) : null;
  const small = CALENDAR_SOURCES.filter((s) => s !== invoiceDueSource && s !== promiseSource && s !== nextStepSource);
  const smallItems = await fromSources(
    small,
    book,
    { from: carry && carry.from < from ? carry.from : from, to, asOf },
    q.customerIds,
  );
  const smallByDay = new Map<string, CalendarItem[]>();
  for (const i of smallItems) smallByDay.set(i.date, [...(smallByDay.get(i.date) ?? []), i]);
  const promiseStatus = promiseStatusesOf(book, asOf);
  /** the first `perDay` items of a day: the small sources' and the first of each big kind, merged */
  const firstOfDay = (day: string, counts: number[], own: CalendarItem[], openOnly: boolean): CalendarItem[] => {
    const [promises, calls, visits] = counts;
    const cands = [...own];
    if (promises > 0)
      for (const p of firstPromisesOfDay(sqlite, {
        asOf,
        day,
        limit: perDay,
        ids,
        busy: promises >= calendarPageTuning.busyDay,
      }))
        cands.push(promiseStatus(p.id, p.customerId));
    for (const [visit, n] of [
      [0, calls],
      [1, visits],
    ])
      if (n > 0)
        for (const r of firstStepsOfDay(sqlite, {
          asOf,
          day,
          visit,
          limit: perDay,
          ids,
          busy: n >= calendarPageTuning.busyDay,
          openOnly,
        }))
          cands.push(nextStepItem(r));
    return cands.sort(compareItems).slice(0, perDay);
  };

  const due = new Map(dueByDay(sqlite, { asOf, from, to, ids }).map((r) => [r.date, r]));
  const promiseCounts = promiseCountByDay(sqlite, { asOf, from, to, ids });
  const stepCounts = countsByDay(stepCountByDay(sqlite, { from, to, ids, openAsOf: null }));
  const dates = new Set<string>([...due.keys(), ...promiseCounts.keys(), ...stepCounts.keys()]);
  for (const d of smallByDay.keys()) if (d >= from && d <= to) dates.add(d);
  const days: CalendarPageDay[] = [];
  for (const date of [...dates].sort()) {
    const own = smallByDay.get(date) ?? [];
    const [calls, visits] = stepCounts.get(date) ?? [0, 0];
    const counts = [promiseCounts.get(date) ?? 0, calls, visits];
    days.push({
      date,
      due: due.get(date)?.due ?? 0,
      dueCount: due.get(date)?.count ?? 0,
      count: own.length + counts[0] + calls + visits,
      items: firstOfDay(date, counts, own, false),
    });
  }
  const carried = { count: 0, items: [] as CalendarItem[] };
  if (carry) {
    // open work day by day from the start of the carry window until the first few are found
    const open = countsByDay(stepCountByDay(sqlite, { from: carry.from, to: carry.to, ids, openAsOf: asOf }));
    const ownOpen = new Map<string, CalendarItem[]>();
    for (const i of smallItems)
      if (i.date >= carry.from && isCarried(i, asOf)) ownOpen.set(i.date, [...(ownOpen.get(i.date) ?? []), i]);
    for (const [, [c, v]] of open) carried.count += c + v;
    for (const list of ownOpen.values()) carried.count += list.length;
    for (const date of [...new Set([...open.keys(), ...ownOpen.keys()])].sort()) {
      if (carried.items.length >= perDay) break;
      const [c, v] = open.get(date) ?? [0, 0];
      carried.items.push(...firstOfDay(date, [0, c, v], ownOpen.get(date) ?? [], true));
    }
    carried.items = carried.items.slice(0, perDay);
  }
  return { from, to, asOf, perDay, days, carried };
}

/** [calls, visits] per day from the per-kind counts. */
function countsByDay(rows: { date: string; visit: number; count: number }[]): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const r of rows) {
    const c = out.get(r.date) ?? [0, 0];
    c[r.visit ? 1 : 0] += r.count;
    out.set(r.date, c);
  }
  return out;
}

/** A shown promise as the promise source makes it: its status from its own customer's promises and receipts. */
function promiseStatusesOf(book: Book, asOf: string) {
  const byCustomer = new Map<number, ReturnType<typeof promiseStatusRows>>();
  return (id: number, customerId: number): CalendarItem => {
    let rows = byCustomer.get(customerId);
    if (!rows) byCustomer.set(customerId, (rows = promiseStatusRows(book, { asOf, customerId })));
    return promiseItem(rows.find((r) => r.id === id)!);
  };
}
