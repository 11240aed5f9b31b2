// Collection calendar (催收日历) days, SPEC §5 "Calendar amounts": on each day of the window,
// "due" is the sum of the amounts still open as of the as-of date of invoices due that day
// (the invoice_due items carry those open amounts); every promise made on or before the as-of
// date appears on its promised date with its status. Days without items are left out.
import type { CalendarItem, CalendarItemKind } from '../../shared/types-calendar';

export interface CalendarDay {
  date: string;
  due: number; // fen
  items: CalendarItem[];
}

const KIND_ORDER: Record<CalendarItemKind, number> = {
  invoice_due: 0,
  promise: 1,
  call: 2,
  visit: 3,
  credit_review: 4,
  statement_run: 5,
  slip_followup: 6,
  complaint_followup: 7,
  service_followup: 8,
};

/** Items of one day in a stable order: kind, customer code, then the record id. */
export function compareItems(a: CalendarItem, b: CalendarItem): number {
  return (
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.customerCode < b.customerCode ? -1 : a.customerCode > b.customerCode ? 1 : 0) ||
    (a.refId ?? 0) - (b.refId ?? 0)
  );
}

/** Groups the items of [from, to] by day (items outside the window are dropped), days in date order. */
export function calendarDays(items: Iterable<CalendarItem>, from: string, to: string): CalendarDay[] {
  const days = new Map<string, CalendarDay>();
  for (const item of items) {
    if (item.date < from || item.date > to) continue;
    let d = days.get(item.date);
    if (!d) days.set(item.date, (d = { date: item.date, due: 0, items: [] }));
    d.items.push(item);
    if (item.kind === 'invoice_due') d.due += item.amount ?? 0;
  }
  const out = [...days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  for (const d of out) d.items.sort(compareItems);
  return out;
}
