// What the collection calendar's screens ask for (issue #13 speed): the month and week grids
// show per day the due total and the first few items with how many there are in all; the list
// (agenda) view asks for every item of its days (perDay null). Open calls, visits, slip
// follow-ups and credit reviews of the 30 days before the view that are still not done are
// "carried" onto today (when today is in view), first few and count alike.
import type { CalendarItem } from './types-calendar';

export interface CalendarPageDay {
  date: string;
  /** fen: Σ open amounts as of the as-of date of the invoices due that day (SPEC §5) */
  due: number;
  /** invoices due that day with an open amount */
  dueCount: number;
  /** items of the day other than invoice_due */
  count: number;
  /** the first `perDay` of them (all when perDay is null), in the calendar's order */
  items: CalendarItem[];
}

export interface CalendarPageReport {
  from: string;
  to: string;
  asOf: string;
  perDay: number | null;
  /** days of [from, to] with a due amount or an item, in date order */
  days: CalendarPageDay[];
  /** open work of the carry window dated before today (only when today is in [from, to]) */
  carried: { count: number; items: CalendarItem[] };
}
