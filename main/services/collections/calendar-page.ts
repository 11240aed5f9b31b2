// The collection calendar as its screens ask for it (reports/calendar/page.ts), on the report
// worker for a big book; as of today unless the screen says otherwise.
import type { CalendarPageReport } from '../../../shared/types-calendar-page';
import type { CustomerFilter } from '../../db/collections/calendar-filter';
import type { ServiceContext } from '../context';
import { runCollectionsReport } from './run-report';

export function calendarPageReport(
  ctx: ServiceContext,
  q: { from: string; to: string; asOf?: string; perDay: number | null } & CustomerFilter,
): Promise<CalendarPageReport> {
  return runCollectionsReport(ctx, 'collections:calendar-page', {
    from: q.from,
    to: q.to,
    asOf: q.asOf ?? ctx.clock.today(),
    perDay: q.perDay,
    regionCode: q.regionCode,
    operator: q.operator,
    tier: q.tier,
  });
}
