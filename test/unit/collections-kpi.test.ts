// Collections KPIs (domain/collections-kpi.ts): exact figures for CEI, best-possible DSO, the
// kept rate and the 13-week forecast's week boundaries.
import { describe, expect, it } from 'vitest';
import {
  bestPossibleDsoTenths,
  cashInForecast,
  ceiBp,
  periodBalances,
  rateBp,
} from '../../main/domain/collections-kpi';

describe('collection effectiveness index', () => {
  it('(opening + sales − closing) ÷ (opening + sales − closing current), in basis points', () => {
    // opening ¥100,000, sales ¥50,000, closing ¥60,000 of which ¥40,000 not yet due:
    // (150,000 − 60,000) ÷ (150,000 − 40,000) = 90,000 ÷ 110,000 = 81.82 %
    expect(ceiBp(10_000_000, 5_000_000, 6_000_000, 4_000_000)).toBe(8182);
    // everything collected: 100 %
    expect(ceiBp(10_000_000, 5_000_000, 0, 0)).toBe(10_000);
    // only not-yet-due left open: 100 %
    expect(ceiBp(10_000_000, 5_000_000, 4_000_000, 4_000_000)).toBe(10_000);
    // nothing collectible: no figure
    expect(ceiBp(0, 0, 0, 0)).toBeNull();
    // half-up: 1 ÷ 3 = 33.333… % → 3333 bp; 2 ÷ 3 → 6667 bp
    expect(ceiBp(300, 0, 200, 0)).toBe(3333);
    expect(ceiBp(300, 0, 100, 0)).toBe(6667);
  });
});

describe('best-possible DSO', () => {
  it('closing current AR ÷ credit sales × days, in tenths of a day', () => {
    // ¥40,000 current ÷ ¥50,000 sales × 90 days = 72.0 days
    expect(bestPossibleDsoTenths(4_000_000, 5_000_000, 90)).toBe(720);
    // ¥10,000 ÷ ¥30,000 × 30 = 10.0; ¥10,000 ÷ ¥70,000 × 30 = 4.2857… → 4.3
    expect(bestPossibleDsoTenths(1_000_000, 3_000_000, 30)).toBe(100);
    expect(bestPossibleDsoTenths(1_000_000, 7_000_000, 30)).toBe(43);
    expect(bestPossibleDsoTenths(1_000_000, 0, 30)).toBeNull();
  });
  it('kept rate in basis points, none decided → null', () => {
    expect(rateBp(2, 3)).toBe(6667);
    expect(rateBp(0, 0)).toBeNull();
  });
});

describe('period balances from the per-day totals', () => {
  it('opening is the balance before from, closing at the end of to, sales the invoices in between', () => {
    const days = [
      { date: '2026-01-05', invoiced: 1000, received: 0, credited: 0, written_off: 0 },
      { date: '2026-02-01', invoiced: 500, received: 300, credited: 0, written_off: 0 },
      { date: '2026-02-28', invoiced: 0, received: 100, credited: 50, written_off: 20 },
      { date: '2026-03-01', invoiced: 9999, received: 0, credited: 0, written_off: 0 },
    ];
    expect(periodBalances(days, '2026-02-01', '2026-02-28')).toEqual({
      opening: 1000,
      sales: 500,
      closing: 1030,
      days: 28,
    });
  });
});

describe('13-week cash-in forecast', () => {
  it('due date + average days late, weeks of seven days from asOf', () => {
    const late = new Map([[2, 10]]);
    const f = cashInForecast(
      [
        { customerId: 1, dueDate: '2026-06-01', open: 100 }, // asOf itself → week 1
        { customerId: 1, dueDate: '2026-06-07', open: 200 }, // day 6 → week 1
        { customerId: 1, dueDate: '2026-06-08', open: 300 }, // day 7 → week 2
        { customerId: 2, dueDate: '2026-05-25', open: 400 }, // + 10 late → 06-04, week 1
        { customerId: 2, dueDate: '2026-05-20', open: 500 }, // + 10 → 05-30, before asOf
        { customerId: 1, dueDate: '2026-08-30', open: 600 }, // day 90 → week 13
        { customerId: 1, dueDate: '2026-08-31', open: 700 }, // day 91 → later
      ],
      (cid) => late.get(cid) ?? 0,
      '2026-06-01',
    );
    expect(f.pastDue).toBe(500);
    expect(f.later).toBe(700);
    expect(f.weeks).toHaveLength(13);
    expect(f.weeks[0]).toEqual({ week: 1, from: '2026-06-01', to: '2026-06-07', expected: 700 });
    expect(f.weeks[1]).toEqual({ week: 2, from: '2026-06-08', to: '2026-06-14', expected: 300 });
    expect(f.weeks[12]).toEqual({ week: 13, from: '2026-08-24', to: '2026-08-30', expected: 600 });
    expect(f.weeks.slice(2, 12).every((w) => w.expected === 0)).toBe(true);
  });
});

describe('ratios at the money caps (#15 item 7)', () => {
  it('a ratio past 2^53 has no figure (null, shown "—") instead of failing the dashboard', () => {
    // ¥1,000,000,000,000.00 not yet due, 1 fen of sales in 31 days: 3.1 × 10^16 tenths of a day
    expect(bestPossibleDsoTenths(99_999_999_999_999, 1, 31)).toBeNull();
    // 10^15 fen current ÷ 10^15 fen sales × 365 days = 365.0 days, exact
    expect(bestPossibleDsoTenths(1_000_000_000_000_000, 1_000_000_000_000_000, 365)).toBe(3650);
    // at the edge: 9,007,199,254,740,990 tenths fit (2^53 − 1 = …991), …741,000 do not
    expect(bestPossibleDsoTenths(900_719_925_474_099, 1, 1)).toBe(9_007_199_254_740_990);
    expect(bestPossibleDsoTenths(900_719_925_474_100, 1, 1)).toBeNull();
    // CEI over a 1 fen denominator (unapplied cash makes closing far below the current AR)
    expect(ceiBp(0, 1_000_000_000_000_001, 0, 1_000_000_000_000_000)).toBeNull();
    expect(ceiBp(0, 900_719_925_474, 0, 900_719_925_473)).toBe(9_007_199_254_740_000);
  });
});
