// Calendar source: after-sales follow-up tasks (kind service_followup, SPEC §7) on their due
// date; done once marked done on or before the as-of date.
import type { Book } from '../../db/connection';
import { tasksDueBetween } from '../../db/service-loyalty';
import type { CalendarItem } from '../../../shared/types-calendar';
import type { CalendarWindow } from './sources';

export function serviceFollowups(book: Book, w: CalendarWindow): CalendarItem[] {
  return tasksDueBetween(book.sqlite, w.from, w.to).map((t) => ({
    kind: 'service_followup',
    date: t.dueOn,
    customerId: t.customerId,
    customerCode: t.code,
    customerName: t.name,
    refId: t.id,
    status: t.doneOn !== null && t.doneOn <= w.asOf ? 'done' : 'open',
    label: t.title,
    done: t.doneOn !== null && t.doneOn <= w.asOf,
  }));
}
