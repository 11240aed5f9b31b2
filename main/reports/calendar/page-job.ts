// The calendar page as a report-worker job (main/reports/collections/jobs.ts): the filter's
// customers are looked up on the same connection (and snapshot) as the calendar itself.
import type { Book } from '../../db/connection';
import { customerIdsMatching, type CustomerFilter } from '../../db/collections/calendar-filter';
import type { CalendarPageReport } from '../../../shared/types-calendar-page';
import { calendarPage } from './page';

export interface CalendarPageArgs extends CustomerFilter {
  from: string;
  to: string;
  asOf: string;
  perDay: number | null;
}

export function calendarPageJob(book: Book, a: CalendarPageArgs): Promise<CalendarPageReport> {
  const filtered = !!(a.regionCode || a.tier || a.operator);
  return calendarPage(book, {
    from: a.from,
    to: a.to,
    asOf: a.asOf,
    perDay: a.perDay,
    customerIds: filtered ? customerIdsMatching(book.sqlite, a) : null,
  });
}
