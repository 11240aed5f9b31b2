// Calendar source: complaints (kind complaint_followup) — the reply-by date of a complaint not
// yet answered (及时处理) and the follow-up date (回访). Done once replied / resolved.
import type { Book } from '../../db/connection';
import type { CalendarItem } from '../../../shared/types-calendar';
import type { CalendarWindow } from './sources';
import { complaintFollowupRows } from '../../db/complaints-reports';

export function complaintFollowups(book: Book, w: CalendarWindow): CalendarItem[] {
  const rows = complaintFollowupRows(book.sqlite, w.from, w.to);
  const items: CalendarItem[] = [];
  for (const r of rows) {
    const who = { customerId: r.customer_id, customerCode: r.code, customerName: r.name, refId: r.id };
    const settled =
      (r.resolved_on !== null && r.resolved_on <= w.asOf) || (r.closed_on !== null && r.closed_on <= w.asOf);
    if (r.reply_by >= w.from && r.reply_by <= w.to) {
      const replied = r.replied_on !== null && r.replied_on <= w.asOf;
      items.push({
        kind: 'complaint_followup',
        date: r.reply_by,
        ...who,
        status: 'reply',
        label: `${r.number} 回复`,
        done: replied || settled,
      });
    }
    if (r.follow_up_on && r.follow_up_on >= w.from && r.follow_up_on <= w.to) {
      items.push({
        kind: 'complaint_followup',
        date: r.follow_up_on,
        ...who,
        status: 'follow_up',
        label: `${r.number} 回访`,
        done: r.follow_up_on < w.asOf && (r.status === 'closed' || settled),
      });
    }
  }
  return items;
}
