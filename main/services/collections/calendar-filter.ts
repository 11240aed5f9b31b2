// Calendar filters (region, operator, tier): the calendar report of the window, keeping only the
// items of matching customers; each day's due is summed again from the kept invoice_due items
// (domain/calendar.ts, the same SPEC §5 rule).
import type { CalendarReport } from '../../../shared/types-collections';
import { customerIdsMatching, type CustomerFilter } from '../../db/collections/calendar-filter';
import { calendarDays } from '../../domain/calendar';
import type { ServiceContext } from '../context';
import { read } from '../book-queue';

export function hasCalendarFilter(f: CustomerFilter): boolean {
  return !!(f.regionCode || f.tier || f.operator);
}

export async function filterCalendar(
  ctx: ServiceContext,
  report: CalendarReport,
  f: CustomerFilter,
): Promise<CalendarReport> {
  if (!hasCalendarFilter(f)) return report;
  const keep = await read(ctx, (sqlite) => customerIdsMatching(sqlite, f));
  const items = report.days.flatMap((d) => d.items).filter((i) => keep.has(i.customerId));
  return { ...report, days: calendarDays(items, report.from, report.to) };
}
