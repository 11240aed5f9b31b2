// `creditdesk tiers` writes its JSON row by row; the bytes must be exactly what the generic
// pretty-printer gives for the fixed shape (DESIGN: the CLI output is a fixed interface).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tierReportFixed, type TierReport } from '../../main/reports/tiers';
import { tierReportJson, writeTierReportJson } from '../../main/cli/output/tiers-json';

const report: fc.Arbitrary<TierReport> = fc.record({
  asOf: fc.constant('2026-09-30'),
  months: fc.integer({ min: 3, max: 6 }),
  from: fc.constant('2026-07-01'),
  to: fc.constant('2026-09-30'),
  rows: fc.array(
    fc.record({
      customerCode: fc.string({ maxLength: 12 }), // quotes, backslashes, control and CJK characters too
      sales: fc.oneof(fc.nat(), fc.maxSafeNat(), fc.integer({ min: -1e6, max: -1 })),
      averageMonthly: fc.oneof(fc.nat(), fc.maxSafeNat()),
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

  it('writes reports longer than one output slice byte for byte (the usual ASCII rows)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2500, max: 6000 }), fc.nat(), (n, seed) => {
        const rows = Array.from({ length: n }, (_, i) => ({
          customerCode: `CUST-${String((i * 7919 + seed) % 1_000_000).padStart(6, '0')}${i % 7 === 0 ? '"x' : ''}`,
          sales: (i * 104_729 + seed) % 9_007_199_254_740_991,
          averageMonthly: i % 5 === 0 ? 0 : 10 ** (i % 16) + i,
          tier: (['A', 'B', 'C'] as const)[i % 3],
        }));
        const rep: TierReport = {
          asOf: '2026-09-30',
          months: 3,
          from: '2026-07-01',
          to: '2026-09-30',
          rows,
          counts: { A: 1, B: 2, C: 3 },
        };
        const parts: number[] = [];
        writeTierReportJson(rep, (b) => parts.push(b.length));
        expect(parts.length).toBeGreaterThan(1);
        expect(tierReportJson(rep)).toBe(JSON.stringify(tierReportFixed(rep), null, 2));
      }),
      { numRuns: 5 },
    );
  });
});
