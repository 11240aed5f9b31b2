import { describe, expect, it } from 'vitest';
import { computeProvision, DEFAULT_PROVISION_RATES_BP, validateRates } from '../../main/domain/provision';
import {
  averageReceivable,
  collectionRate,
  dso,
  opportunityCost,
  periodFlows,
  receivablesCost,
  receivableSummary,
  shareBp,
} from '../../main/domain/kpi';
import { DEFAULT_ISSUE_BUCKETS, positionAsOf } from '../../main/domain/ageing';
import { workedExample } from './fixtures';

const item = (open: number, daysSinceIssue: number, daysPastDue = daysSinceIssue - 30) => ({
  open,
  daysSinceIssue,
  daysPastDue,
});

describe('computeProvision', () => {
  const items = [
    item(100_000, 10),
    item(33_333, 365),
    item(50_000, 366),
    item(12_345, 800),
    item(7_777, 1200),
    item(1_001, 1600),
    item(999, 1826),
    item(-500, 10),
  ];

  it('applies the default matrix per bucket, rounding half-up once per bucket', () => {
    const p = computeProvision(items);
    expect(p.method).toBe('ageing_matrix');
    expect(p.lines.map((l) => [l.key, l.amount, l.rateBp, l.provision])).toEqual([
      ['y0-1', 133_333, 500, 6_667], // 6666.65 → 6667
      ['y1-2', 50_000, 1000, 5_000],
      ['y2-3', 12_345, 3000, 3_704], // 3703.5 → 3704
      ['y3-4', 7_777, 5000, 3_889], // 3888.5 → 3889
      ['y4-5', 1_001, 8000, 801], // 800.8 → 801
      ['over_5y', 999, 10_000, 999],
    ]);
    expect(p.receivable).toBe(133_333 + 50_000 + 12_345 + 7_777 + 1_001 + 999);
    expect(p.provision).toBe(6_667 + 5_000 + 3_704 + 3_889 + 801 + 999);
  });

  it('小企业会计准则: direct write-off, no provision', () => {
    const p = computeProvision(items, { standard: 'small_enterprise' });
    expect(p.method).toBe('direct_write_off');
    expect(p.provision).toBe(0);
    expect(p.lines.every((l) => l.rateBp === 0 && l.provision === 0)).toBe(true);
    expect(p.receivable).toBe(205_455);
  });

  it('takes configured rates and checks them', () => {
    const rates = { ...DEFAULT_PROVISION_RATES_BP, 'y0-1': 0 };
    expect(computeProvision([item(100_000, 1)], { ratesBp: rates }).provision).toBe(0);
    expect(validateRates(DEFAULT_ISSUE_BUCKETS, { 'y0-1': 20_000 })).toContain(
      'rate for y0-1 must be 0–10000 basis points, got 20000',
    );
    expect(() => computeProvision([], { ratesBp: { 'y0-1': 500 } })).toThrow(/no provision rate for bucket y1-2/);
  });

  it('works on open items from a position', () => {
    const pos = positionAsOf(workedExample(), '2026-05-31');
    expect(computeProvision(pos.openItems).provision).toBe(13_000); // 260000 × 5 %
  });
});

describe('KPIs', () => {
  it('summarises receivable and overdue share', () => {
    const s = receivableSummary(
      [item(30_000, 30, 30), item(230_000, 105, 75), item(10_000, 5, -25), item(0, 400, 370)],
      -5_000,
    );
    expect(s).toEqual({
      totalReceivable: 270_000,
      overdue: 260_000,
      notDue: 10_000,
      overdueShareBp: 9630, // 96.296 %
      overdueShare: 260_000 / 270_000,
      unapplied: -5_000,
      net: 265_000,
    });
    expect(receivableSummary([]).overdueShareBp).toBeNull();
  });

  it('averages and rounds half-up', () => {
    expect(averageReceivable([100, 101])).toBe(101); // 100.5
    expect(averageReceivable([100, 100, 101])).toBe(100);
    expect(() => averageReceivable([])).toThrow(RangeError);
    expect(shareBp(1, 3)).toBe(3333);
    expect(shareBp(2, 3)).toBe(6667);
    expect(shareBp(1, 0)).toBeNull();
  });

  it('period flows of the worked example', () => {
    const f = periodFlows(workedExample(), '2026-02-01', '2026-04-30');
    expect(f).toMatchObject({
      days: 89,
      opening: 100_000,
      sales: 330_000,
      collected: 170_000,
      otherCredits: 0,
      closing: 260_000,
    });
    // End-of-day balances: 14 days at 100000, 5 at 350000, 40 at 230000, 4 at 310000, 26 at 260000.
    const sum = 14 * 100_000 + 5 * 350_000 + 40 * 230_000 + 4 * 310_000 + 26 * 260_000;
    expect(sum).toBe(20_350_000);
    expect(f.averageDailyBalance).toBe(228_652); // 228651.69 → 228652
    expect(collectionRate(f.collected, f.opening, f.sales)).toEqual({ ratio: 170_000 / 430_000, bp: 3953 });
    expect(dso(f.averageDailyBalance, f.sales, f.days)).toBeCloseTo((228_652 / 330_000) * 89, 10);
  });

  it('DSO and collection rate without a base are null', () => {
    expect(dso(100, 0, 30)).toBeNull();
    expect(collectionRate(100, 0, 0)).toEqual({ ratio: null, bp: null });
    expect(dso(300_000, 900_000, 90)).toBe(30);
  });

  it('opportunity cost = average × rate × days / 365, half-up to the fen', () => {
    // 1,000,000.00 at 6 % for 365 days = 60,000.00
    expect(opportunityCost(100_000_000, 600, 365)).toBe(6_000_000);
    // 228,652 fen at 6 % for 89 days = 3345.21… → 3345
    expect(opportunityCost(228_652, 600, 89)).toBe(3_345);
    expect(opportunityCost(1, 5000, 73)).toBe(0); // 0.01 → 0
    expect(opportunityCost(73, 10_000, 5)).toBe(1); // 73 × 5 / 365 = 1
    expect(opportunityCost(73, 5_000, 5)).toBe(1); // 0.5 → 1
    expect(() => opportunityCost(1, -1, 1)).toThrow(RangeError);
    expect(opportunityCost(-40_000, 600, 90)).toBe(0); // a net credit costs nothing
    expect(receivablesCost(3_345, 13_000)).toEqual({ opportunityCost: 3_345, provision: 13_000, total: 16_345 });
  });
});
