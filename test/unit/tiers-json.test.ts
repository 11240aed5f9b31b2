// `creditdesk tiers` writes its JSON row by row; the bytes must be exactly what the generic
// pretty-printer gives for the fixed shape (DESIGN: the CLI output is a fixed interface).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tierReportFixed, type TierReport } from '../../main/reports/tiers';
import { tierReportJson } from '../../main/cli/output/tiers-json';

const report: fc.Arbitrary<TierReport> = fc.record({
  asOf: fc.constant('2026-09-30'),
  months: fc.integer({ min: 3, max: 6 }),
  from: fc.constant('2026-07-01'),
  to: fc.constant('2026-09-30'),
  rows: fc.array(
    fc.record({
      customerCode: fc.string({ maxLength: 12 }), // quotes, backslashes, control and CJK characters too
      sales: fc.nat(),
      averageMonthly: fc.nat(),
      tier: fc.constantFrom('A' as const, 'B' as const, 'C' as const),
    }),
    { maxLength: 6 },
  ),
  counts: fc.record({ A: fc.nat(), B: fc.nat(), C: fc.nat() }),
});

describe('tierReportJson', () => {
  it('equals JSON.stringify of the fixed shape with two-space indent, rows or none', () => {
    fc.assert(
      fc.property(report, (rep) => {
        expect(tierReportJson(rep)).toBe(JSON.stringify(tierReportFixed(rep), null, 2));
      }),
      { numRuns: 300 },
    );
    const empty: TierReport = {
      asOf: '2026-09-30',
      months: 3,
      from: '2026-07-01',
      to: '2026-09-30',
      rows: [],
      counts: { A: 0, B: 0, C: 0 },
    };
    expect(tierReportJson(empty)).toBe(JSON.stringify(empty, null, 2));
  });
});
