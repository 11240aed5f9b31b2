// Calendar report → FullCalendar events: the day's due total, items with status, open work from
// before today carried to today until done.
import { describe, expect, it } from 'vitest';
import { calendarEvents } from '../../renderer/src/pages/collections/calendar-events';
import type { CalendarReport } from '../../shared/types-collections';

const t = (k: string) =>
  ({
    'kinds.promise': '付款承诺',
    'kinds.call': '电话催收',
    'status.kept': '已兑现',
    'calendar.due': '到期应收',
    'calendar.overdueWork': '逾期未办',
  })[k] ?? k;

describe('calendarEvents', () => {
  it('shapes due totals, promises with status and carried overdue work', () => {
    const rep: CalendarReport = {
      from: '2026-11-01',
      to: '2026-11-30',
      asOf: '2026-11-23',
      days: [
        {
          date: '2026-11-20',
          due: 0,
          items: [
            {
              kind: 'call',
              date: '2026-11-20',
              customerId: 8,
              customerCode: 'C8',
              customerName: '永康五金',
              refId: 3,
              done: false,
            },
          ],
        },
        {
          date: '2026-11-21',
          due: 0,
          items: [
            {
              kind: 'call',
              date: '2026-11-21',
              customerId: 7,
              customerCode: 'C7',
              customerName: '已办',
              refId: 4,
              done: true,
            },
          ],
        },
        {
          date: '2026-11-23',
          due: 120000,
          items: [
            {
              kind: 'invoice_due',
              date: '2026-11-23',
              customerId: 9,
              customerCode: 'C9',
              customerName: '华盛',
              amount: 120000,
            },
            {
              kind: 'promise',
              date: '2026-11-23',
              customerId: 9,
              customerCode: 'C9',
              customerName: '华盛',
              amount: 100000,
              status: 'kept',
              refId: 1,
            },
          ],
        },
      ],
    };
    const ev = calendarEvents(rep, '2026-11-23', t, { invoice_due: 'blue', promise: 'teal', call: 'orange' });
    expect(ev.map((e) => [e.start, e.title, e.extendedProps.overdue ?? false])).toEqual([
      ['2026-11-20', '电话催收 永康五金', false],
      ['2026-11-23', '逾期未办: 电话催收 永康五金 (2026-11-20)', true],
      ['2026-11-21', '电话催收 已办', false],
      ['2026-11-23', '到期应收 ¥1,200.00', false],
      ['2026-11-23', '付款承诺 华盛 ¥1,000.00 已兑现', false],
    ]);
  });

  it('gives a planned visit and a next-step visit on the same day and ref id different event ids', () => {
    const visit = (status?: string) => ({
      kind: 'visit' as const,
      date: '2026-11-24',
      customerId: 5,
      customerCode: 'C5',
      customerName: '远东',
      refId: 12,
      ...(status ? { status } : {}),
    });
    const rep: CalendarReport = {
      from: '2026-11-01',
      to: '2026-11-30',
      asOf: '2026-11-23',
      days: [{ date: '2026-11-24', due: 0, items: [visit('planned'), visit()] }],
    };
    const ids = calendarEvents(rep, '2026-11-23', t, {}).map((e) => e.id);
    expect(ids).toEqual(['visit-12-2026-11-24', 'visit-12-2026-11-24~1']);
  });
});
