// Calendar page report (main: reports/calendar/page.ts) → FullCalendar events, in the calendar's
// own order (extendedProps.order): per day the due total, then its items, then on today the open
// work carried from before. The month/week grids get only each day's first items with the day's
// count: like FullCalendar's own dayMaxEvents, a day with more than `maxPerDay` events shows
// the first maxPerDay − 1 and a "+N more" event that opens the day's list. Pure, unit-tested.
import type { CalendarPageReport } from '@shared/types-calendar-page';
import { formatMoney } from '@shared/money';
import { calendarItemTitle, type CalEvent, type T } from './calendar-events';

export const MAX_PER_DAY = 4;

export function calendarPageEvents(
  rep: CalendarPageReport,
  today: string,
  t: T,
  colours: Record<string, string>,
): CalEvent[] {
  const out: CalEvent[] = [];
  const showCarried = rep.from <= today && today <= rep.to;
  const dates = rep.days.map((d) => d.date);
  if (showCarried && rep.carried.count > 0 && !dates.includes(today)) dates.push(today);
  const byDate = new Map(rep.days.map((d) => [d.date, d]));
  for (const date of dates.sort()) {
    const d = byDate.get(date);
    const events: CalEvent[] = [];
    if (d && d.due > 0)
      events.push({
        id: `due-${date}`,
        title: `${t('calendar.due')} ${formatMoney(d.due)}`,
        start: date,
        allDay: true,
        color: colours.invoice_due,
        extendedProps: { kind: 'due_total' },
      });
    for (const i of d?.items ?? [])
      events.push({
        id: `${i.kind}-${i.refId ?? i.customerId}-${date}~${events.length}`,
        title: calendarItemTitle(i, t),
        start: date,
        allDay: true,
        color: colours[i.kind] ?? '#888',
        extendedProps: { kind: i.kind, customerId: i.customerId },
      });
    let total = events.length + (d ? d.count - d.items.length : 0);
    if (showCarried && date === today) {
      for (const i of rep.carried.items)
        events.push({
          id: `${i.kind}-${i.refId ?? i.customerId}-${i.date}-carried~${events.length}`,
          title: `${t('calendar.overdueWork')}: ${calendarItemTitle(i, t)} (${i.date})`,
          start: today,
          allDay: true,
          color: '#cf1322',
          extendedProps: { kind: i.kind, customerId: i.customerId, overdue: true },
        });
      total += rep.carried.count;
    }
    const shown = rep.perDay !== null && total > MAX_PER_DAY ? events.slice(0, MAX_PER_DAY - 1) : events;
    if (rep.perDay !== null && shown.length < total)
      shown.push({
        id: `more-${date}`,
        title: t('calendar.more', { count: total - shown.length }),
        start: date,
        allDay: true,
        color: 'transparent',
        extendedProps: { kind: 'more', date },
      });
    shown.forEach((e, k) => out.push({ ...e, extendedProps: { ...e.extendedProps, order: k } }));
  }
  return out;
}
