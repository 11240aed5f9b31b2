// Dunning level as of D (SPEC §5 "The exact rules") and calendar day grouping.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_LADDER,
  dunningRows,
  ladderLevel,
  validateLadder,
  type OpenInvoiceAsOf,
} from '../../main/domain/dunning';
import { calendarDays } from '../../main/domain/calendar';
import { addDays } from '../../main/domain/dates';
import type { CalendarItem } from '../../shared/types-calendar';

describe('dunning ladder, exact figures', () => {
  it('default ladder 7/30/60/90/120: level is the highest step reached, none below 7 days', () => {
    expect([0, 6, 7, 29, 30, 59, 60, 89, 90, 119, 120, 400].map((d) => ladderLevel(d, DEFAULT_LADDER))).toEqual([
      null,
      null,
      1,
      1,
      2,
      2,
      3,
      3,
      4,
      4,
      5,
      5,
    ]);
  });

  it('days overdue is the largest D − due over open invoices past due; overdue sums them', () => {
    const inv: OpenInvoiceAsOf[] = [
      { customerId: 1, dueDate: '2026-03-17', open: 230000 }, // 75 days as of 05-31
      { customerId: 1, dueDate: '2026-05-01', open: 30000 }, // 30 days
      { customerId: 1, dueDate: '2026-05-31', open: 99999 }, // due today: not overdue
      { customerId: 2, dueDate: '2026-05-28', open: 500 }, // 3 days
      { customerId: 3, dueDate: '2026-06-30', open: 800 }, // not due
    ];
    const rows = dunningRows(inv, '2026-05-31', DEFAULT_LADDER, (id) => id === 2);
    expect(rows).toEqual([
      { customerId: 1, daysOverdue: 75, overdue: 260000, level: 3, paused: false },
      { customerId: 2, daysOverdue: 3, overdue: 500, level: null, paused: true },
    ]);
  });

  it('ladder validation names the level and field', () => {
    expect(validateLadder(DEFAULT_LADDER)).toEqual([]);
    expect(validateLadder([{ ...DEFAULT_LADDER[0] }, { ...DEFAULT_LADDER[1], days: 7 }])).toEqual([
      { index: 1, field: 'days', message: 'days must be more than the level before' },
    ]);
  });
});

describe('dunning, property', () => {
  it('matches a plain per-customer reference', () => {
    const arb = fc.array(
      fc.record({
        c: fc.integer({ min: 1, max: 5 }),
        due: fc.integer({ min: 0, max: 300 }),
        open: fc.integer({ min: -50, max: 10000 }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(
        arb,
        fc.integer({ min: 0, max: 320 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 6 }),
        (raw, asOfN, daysList) => {
          const asOf = addDays('2026-01-01', asOfN);
          const ladder = [...daysList]
            .sort((a, b) => a - b)
            .map((days, i) => ({
              level: i + 1,
              days,
              name: `L${i + 1}`,
              letterTemplate: 'x',
              action: 'none' as const,
            }));
          const inv = raw.map((r) => ({ customerId: r.c, dueDate: addDays('2026-01-01', r.due), open: r.open }));
          const rows = dunningRows(inv, asOf, ladder, (id) => id % 2 === 0);
          const want = [];
          for (let c = 1; c <= 5; c++) {
            const od = raw.filter((r) => r.c === c && r.open > 0 && asOfN - r.due > 0);
            if (od.length === 0) continue;
            const days = Math.max(...od.map((r) => asOfN - r.due));
            const reached = ladder.filter((s) => s.days <= days);
            want.push({
              customerId: c,
              daysOverdue: days,
              overdue: od.reduce((s, r) => s + r.open, 0),
              level: reached.length ? reached[reached.length - 1].level : null,
              paused: c % 2 === 0,
            });
          }
          expect(rows).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('calendar days', () => {
  const item = (kind: CalendarItem['kind'], date: string, code: string, amount?: number): CalendarItem => ({
    kind,
    date,
    customerId: 1,
    customerCode: code,
    customerName: code,
    amount,
  });
  it('due sums invoice_due amounts per day, leaves out empty days and items outside the window', () => {
    const days = calendarDays(
      [
        item('promise', '2026-05-02', 'C2', 700),
        item('invoice_due', '2026-05-02', 'C1', 300),
        item('invoice_due', '2026-05-02', 'C0', 200),
        item('call', '2026-05-04', 'C1'),
        item('invoice_due', '2026-06-01', 'C1', 5),
      ],
      '2026-05-01',
      '2026-05-31',
    );
    expect(days.map((d) => [d.date, d.due, d.items.map((i) => `${i.kind}:${i.customerCode}`)])).toEqual([
      ['2026-05-02', 500, ['invoice_due:C0', 'invoice_due:C1', 'promise:C2']],
      ['2026-05-04', 0, ['call:C1']],
    ]);
  });
});
