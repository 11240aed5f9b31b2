// The collection calendar report: every registered source's items for the window, grouped by
// day with the day's due amount (SPEC §5 "Calendar amounts").
import type { Book } from '../../db/connection';
import { calendarDays } from '../../domain/calendar';
import type { CalendarReport } from '../../../shared/types-collections';
import { CALENDAR_SOURCES, type CalendarWindow } from './sources';

export async function calendarReport(book: Book, w: CalendarWindow): Promise<CalendarReport> {
  const parts = await Promise.all(CALENDAR_SOURCES.map((source) => source(book, w)));
  return { from: w.from, to: w.to, asOf: w.asOf, days: calendarDays(parts.flat(), w.from, w.to) };
}
