// The collection calendar as iCalendar (.ics) for a phone: one all-day VEVENT per item, UTF-8,
// summaries in the chosen language ("付款承诺 C000123 华盛贸易 ¥5,000.00 待兑现").
import type { EventAttributes } from 'ics';
import { lazyRequire } from '../../lib/lazy-require';
import { CALENDAR_KIND_LABELS, PROMISE_STATUS_LABELS } from '../../../shared/collections-labels';
import { formatMoney } from '../../../shared/money';
import type { CalendarItem } from '../../../shared/types-calendar';
import type { CalendarReport } from '../../../shared/types-collections';
import { addDays } from '../../domain/dates';

type Lang = 'zh-CN' | 'en';

// loaded on the first calendar export, not when the app starts
const ics = lazyRequire<typeof import('ics')>('ics');

const ymd = (d: string): [number, number, number] => [
  Number(d.slice(0, 4)),
  Number(d.slice(5, 7)),
  Number(d.slice(8, 10)),
];

export function itemSummary(i: CalendarItem, lang: Lang): string {
  const parts = [CALENDAR_KIND_LABELS[i.kind][lang], i.customerCode, i.customerName];
  if (i.amount !== undefined) parts.push(formatMoney(i.amount));
  if (i.kind === 'promise' && i.status) parts.push(PROMISE_STATUS_LABELS[i.status]?.[lang] ?? i.status);
  if (i.kind === 'invoice_due' && i.label) parts.push(i.label);
  return parts.join(' ');
}

export function calendarIcs(rep: CalendarReport, opts: { lang: Lang }): string {
  const events: EventAttributes[] = [];
  for (const day of rep.days) {
    for (const i of day.items) {
      events.push({
        uid: `${i.kind}-${i.refId ?? i.customerId}-${day.date}@creditdesk`,
        start: ymd(day.date),
        end: ymd(addDays(day.date, 1)),
        title: itemSummary(i, opts.lang),
        description: i.label ?? undefined,
        categories: [i.kind],
        productId: 'creditdesk/collections',
      } as EventAttributes);
    }
  }
  if (events.length === 0) {
    return [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'CALSCALE:GREGORIAN',
      'PRODID:creditdesk/collections',
      'METHOD:PUBLISH',
      'X-PUBLISHED-TTL:PT1H',
      'END:VCALENDAR',
      '',
    ].join('\r\n');
  }
  const { error, value } = ics().createEvents(events);
  if (error || !value) throw error ?? new Error('iCalendar export failed');
  return value;
}
