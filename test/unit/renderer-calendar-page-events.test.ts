// Calendar page report → FullCalendar events: a day shows its due total and items in the
// calendar's order; a day with more than four events shows three and "+N more" (N counted by
// main, not from the items sent); open work is carried onto today after today's own items.
import { describe, expect, it } from 'vitest';
import { calendarPageEvents } from '../../renderer/src/pages/collections/calendar-page-events';
import type { CalendarPageReport } from '../../shared/types-calendar-page';
import type { CalendarItem } from '../../shared/types-calendar';

const t = (k: string, o?: Record<string, unknown>) =>
  ({
    'kinds.promise': '付款承诺',
    'kinds.call': '电话催收',
    'status.pending': '待兑现',
    'calendar.due': '到期应收',
    'calendar.overdueWork': '逾期未办',
  })[k] ?? (k === 'calendar.more' ? `另外 ${o?.count} 个` : k);
const call = (date: string, id: number, name: string): CalendarItem => ({
  kind: 'call',
  date,
  customerId: id,
  customerCode: `C${id}`,
  customerName: name,
  refId: id,
  status: 'call',
  done: false,
});

describe('calendarPageEvents', () => {
  const rep: CalendarPageReport = {
    from: '2026-11-01',
    to: '2026-11-30',
    asOf: '2026-11-23',
    perDay: 4,
    days: [
      {
        date: '2026-11-20',
        due: 0,
        dueCount: 0,
        count: 2,
        items: [call('2026-11-20', 1, '甲'), call('2026-11-20', 2, '乙')],
      },
      {
        date: '2026-11-23',
        due: 120000,
        dueCount: 1,
        count: 1,
        items: [
          {
            kind: 'promise',
            date: '2026-11-23',
            customerId: 3,
            customerCode: 'C3',
            customerName: '丙',
            amount: 5000,
            status: 'pending',
            refId: 9,
            done: false,
          },
        ],
      },
      {
        date: '2026-11-26',
        due: 0,
        dueCount: 0,
        count: 1250,
        items: [1, 2, 3, 4].map((i) => call('2026-11-26', i, `客户${i}`)),
      },
    ],
    carried: { count: 2, items: [call('2026-11-20', 1, '甲'), call('2026-11-20', 2, '乙')] },
  };
  it('first items and the counted "+N more"; carried work after today\'s own items', () => {
    const ev = calendarPageEvents(rep, '2026-11-23', t, { invoice_due: 'blue' });
    const day = (d: string) => ev.filter((e) => e.start === d).map((e) => [e.extendedProps.order, e.title]);
    expect(day('2026-11-20')).toEqual([
      [0, '电话催收 甲'],
      [1, '电话催收 乙'],
    ]);
    // 1 due + 1 promise + 2 carried = 4 events: all fit
    expect(day('2026-11-23')).toEqual([
      [0, '到期应收 ¥1,200.00'],
      [1, '付款承诺 丙 ¥50.00 待兑现'],
      [2, '逾期未办: 电话催收 甲 (2026-11-20)'],
      [3, '逾期未办: 电话催收 乙 (2026-11-20)'],
    ]);
    expect(day('2026-11-26')).toEqual([
      [0, '电话催收 客户1'],
      [1, '电话催收 客户2'],
      [2, '电话催收 客户3'],
      [3, '另外 1247 个'],
    ]);
  });
  it('the list view (perDay null) shows every item, no "+N more"', () => {
    const ev = calendarPageEvents({ ...rep, perDay: null, days: rep.days.slice(0, 2) }, '2026-11-23', t, {});
    expect(ev.filter((e) => e.extendedProps.kind === 'more')).toEqual([]);
  });
});
