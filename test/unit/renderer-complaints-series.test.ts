// 留档分析 shaping: sums by type / responsibility / month against a plain reference, month gaps,
// average days to resolve.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averageResolveDays,
  byMonth,
  byResponsibility,
  byType,
  monthRange,
  totals,
} from '../../renderer/src/reports/complaints-series';
import {
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  RESPONSIBILITIES,
  type ComplaintAnalysisRow,
} from '../../shared/types-complaints';

const row = (
  month: string,
  type: ComplaintAnalysisRow['type'],
  responsibility: ComplaintAnalysisRow['responsibility'],
  count: number,
  compensation: number,
  resolveDays = 0,
  resolvedCount = 0,
): ComplaintAnalysisRow => ({
  month,
  type,
  responsibility,
  status: 'received',
  count,
  compensation,
  resolveDays,
  resolvedCount,
});

describe('complaints series', () => {
  const rows = [
    row('2026-01', 'transport', 'carrier', 2, 10000, 6, 2),
    row('2026-03', 'transport', null, 1, 0),
    row('2026-03', 'service', 'ours', 3, 5050, 3, 1),
  ];

  it('sums by type in the fixed order', () => {
    expect(byType(rows)).toEqual([
      { key: 'product_quality', count: 0, amount: 0 },
      { key: 'sales_contract', count: 0, amount: 0 },
      { key: 'transport', count: 3, amount: 10000 },
      { key: 'service', count: 3, amount: 5050 },
    ]);
  });

  it('puts complaints without responsibility under unassigned', () => {
    expect(byResponsibility(rows).filter((p) => p.count)).toEqual([
      { key: 'ours', count: 3, amount: 5050 },
      { key: 'carrier', count: 2, amount: 10000 },
      { key: 'unassigned', count: 1, amount: 0 },
    ]);
  });

  it('fills empty months and respects the period', () => {
    expect(byMonth(rows).map((p) => [p.key, p.count, p.amount])).toEqual([
      ['2026-01', 2, 10000],
      ['2026-02', 0, 0],
      ['2026-03', 4, 5050],
    ]);
    expect(byMonth(rows, '2025-12-15', '2026-02-01').map((p) => p.key)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(monthRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(byMonth([])).toEqual([]);
  });

  it('averages days to resolve over resolved complaints', () => {
    expect(averageResolveDays(rows)).toBe(3); // (6 + 3) / 3
    expect(averageResolveDays([row('2026-01', 'service', 'ours', 1, 0)])).toBeNull();
    expect(averageResolveDays([row('2026-01', 'service', 'ours', 3, 0, 10, 3)])).toBe(3.3);
  });

  it('every series adds up to the totals (property)', () => {
    const arb = fc.array(
      fc.record({
        month: fc.constantFrom('2025-12', '2026-01', '2026-02', '2026-05'),
        type: fc.constantFrom(...COMPLAINT_TYPES),
        responsibility: fc.constantFrom(...RESPONSIBILITIES, null),
        status: fc.constantFrom(...COMPLAINT_STATUSES),
        count: fc.integer({ min: 1, max: 50 }),
        compensation: fc.integer({ min: 0, max: 10_000_000 }),
        resolveDays: fc.integer({ min: 0, max: 500 }),
        resolvedCount: fc.integer({ min: 0, max: 5 }),
      }),
    );
    fc.assert(
      fc.property(arb, (rs) => {
        // plain reference: loop over every row once
        let count = 0;
        let amount = 0;
        for (const r of rs) {
          count += r.count;
          amount += r.compensation;
        }
        for (const s of [byType(rs), byResponsibility(rs), byMonth(rs)]) {
          expect(s.reduce((a, p) => a + p.count, 0)).toBe(count);
          expect(s.reduce((a, p) => a + p.amount, 0)).toBe(amount);
        }
        expect(totals(rs)).toEqual({ count, amount });
      }),
    );
  });
});
