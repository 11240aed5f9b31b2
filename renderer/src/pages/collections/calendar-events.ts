// Collection calendar report → FullCalendar events: per day one "due" total, then one event per
// item (promises with their status); open calls/visits/slip follow-ups dated before today stay
// visible on today as overdue work until done. Pure, unit-tested.
import type { CalendarReport } from '@shared/types-collections';
import type { CalendarItem } from '@shared/types-calendar';
import { formatMoney } from '@shared/money';

export interface CalEvent {
  id: string;
  title: string;
  start: string;
  allDay: true;
  color: string;
  extendedProps: { kind: string; customerId?: number; overdue?: boolean; order?: number; date?: string };
}

export type T = (key: string, opts?: Record<string, unknown>) => string;

const CARRIED = new Set(['call', 'visit', 'slip_followup', 'credit_review']);

/** An item's text on the calendar: kind, customer, amount, status. */
export function calendarItemTitle(i: CalendarItem, t: T): string {
  const parts = [t(`kinds.${i.kind}`), i.customerName];
  if (i.amount !== undefined && i.kind !== 'invoice_due') parts.push(formatMoney(i.amount));
  if (i.kind === 'promise' && i.status) parts.push(t(`status.${i.status}`));
  // a planned visit (visit plans, #11) shows planned / done / missed; a record's next-step visit has status 'visit'
  if (i.kind === 'visit' && i.status && i.status !== 'visit') parts.push(t(`status.${i.status}`));
  return parts.join(' ');
}

export function calendarEvents(rep: CalendarReport, today: string, t: T, colours: Record<string, string>): CalEvent[] {
  const out: CalEvent[] = [];
  const itemTitle = (i: CalendarItem) => calendarItemTitle(i, t);
  // a planned visit and a collection record's next-step visit can share kind, ref id and day
  // (different tables): FullCalendar needs unique ids, so repeats get a suffix
  const seen = new Map<string, number>();
  const uniqueId = (id: string) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return n === 0 ? id : `${id}~${n}`;
  };
  for (const d of rep.days) {
    if (d.due > 0)
      out.push({
        id: `due-${d.date}`,
        title: `${t('calendar.due')} ${formatMoney(d.due)}`,
        start: d.date,
        allDay: true,
        color: colours.invoice_due,
        extendedProps: { kind: 'due_total' },
      });
    for (const i of d.items) {
      if (i.kind === 'invoice_due') continue; // summed in the day's total
      const overdue = CARRIED.has(i.kind) && !i.done && d.date < today && i.status !== 'missed'; // a missed planned visit stays on its day
      const ev: CalEvent = {
        id: uniqueId(`${i.kind}-${i.refId ?? i.customerId}-${d.date}`),
        title: itemTitle(i),
        start: d.date,
        allDay: true,
        color: colours[i.kind] ?? '#888',
        extendedProps: { kind: i.kind, customerId: i.customerId },
      };
      out.push(ev);
      if (overdue && rep.to >= today && rep.from <= today) {
        out.push({
          ...ev,
          id: `${ev.id}-carried`,
          title: `${t('calendar.overdueWork')}: ${ev.title} (${d.date})`,
          start: today,
          color: '#cf1322',
          extendedProps: { ...ev.extendedProps, overdue: true },
        });
      }
    }
  }
  return out;
}
