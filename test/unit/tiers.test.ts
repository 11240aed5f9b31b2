import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  averageMonthly,
  computeTiers,
  countTiers,
  isRankedLifecycle,
  tierMethodError,
  tierWindow,
  type TierSalesInput,
} from '../../main/domain/tiers';

const inp = (customerCode: string, invoiced: number, credited = 0): TierSalesInput => ({
  customerCode,
  invoiced,
  credited,
});

describe('tier window (SPEC §3)', () => {
  it('month-end as-of date counts its own month', () => {
    expect(tierWindow('2026-09-30', 3)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(tierWindow('2026-02-28', 3)).toEqual({ from: '2025-12-01', to: '2026-02-28' });
    expect(tierWindow('2028-02-29', 4)).toEqual({ from: '2027-11-01', to: '2028-02-29' });
  });
  it('mid-month as-of date ends with the previous month', () => {
    expect(tierWindow('2026-07-15', 6)).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(tierWindow('2026-09-29', 3)).toEqual({ from: '2026-06-01', to: '2026-08-31' });
    expect(tierWindow('2026-03-01', 3)).toEqual({ from: '2025-12-01', to: '2026-02-28' });
    expect(tierWindow('2026-01-31', 5)).toEqual({ from: '2025-09-01', to: '2026-01-31' });
  });
  it('months outside 3–6 are refused', () => {
    expect(() => tierWindow('2026-09-30', 2)).toThrow(RangeError);
    expect(() => tierWindow('2026-09-30', 7)).toThrow(RangeError);
    expect(() => tierWindow('2026-09-30', 3.5)).toThrow(RangeError);
  });
});

describe('average monthly sales', () => {
  it('worked example: 12,000.00 over 3 months is 4,000.00 a month', () => {
    expect(averageMonthly(1_200_000, 3)).toBe(400_000);
  });
  it('rounds half away from zero in fen', () => {
    expect(averageMonthly(1, 3)).toBe(0); // 0.33
    expect(averageMonthly(2, 3)).toBe(1); // 0.67
    expect(averageMonthly(5, 2)).toBe(3); // 2.5 → 3
    expect(averageMonthly(7, 6)).toBe(1); // 1.17
    expect(averageMonthly(9, 6)).toBe(2); // 1.5 → 2
    expect(averageMonthly(-9, 6)).toBe(-2);
    expect(averageMonthly(0, 4)).toBe(0);
  });
});

describe('tier split (Pareto)', () => {
  it('the typical book: 20 customers, 2.5 million, top 4 make 80 %, next 6 make 15 %', () => {
    // 4 × 500,000.00 = 2,000,000.00 (80 %), 6 × 62,500.00 = 375,000.00 (15 %), 10 × 12,500.00 (5 %)
    const inputs: TierSalesInput[] = [];
    for (let i = 1; i <= 20; i++) {
      const yuan = i <= 4 ? 500_000 : i <= 10 ? 62_500 : 12_500;
      inputs.push(inp(`C${String(i).padStart(3, '0')}`, yuan * 100 * 3));
    }
    const rows = computeTiers(inputs, 3);
    expect(rows.map((r) => r.tier).join('')).toBe('AAAABBBBBBCCCCCCCCCC');
    expect(countTiers(rows)).toEqual({ A: 4, B: 6, C: 10 });
    expect(rows[0]).toEqual({ customerCode: 'C001', sales: 150_000_000, averageMonthly: 50_000_000, tier: 'A' });
  });

  it('ranks by average descending, ties by code ascending', () => {
    const rows = computeTiers([inp('C3', 300), inp('C1', 300), inp('C2', 900)], 3);
    expect(rows.map((r) => r.customerCode)).toEqual(['C2', 'C1', 'C3']);
  });

  it('one customer above 80 % is A alone; the first customer is always A', () => {
    const rows = computeTiers([inp('C1', 9_000), inp('C2', 600), inp('C3', 300), inp('C4', 100)], 3);
    // averages 3000, 200, 100, 33 → T 3333; cum shares 90.0 %, 96.0 %, 99.0 %, 100 %
    expect(rows.map((r) => [r.customerCode, r.averageMonthly, r.tier])).toEqual([
      ['C1', 3000, 'A'],
      ['C2', 200, 'C'],
      ['C3', 100, 'C'],
      ['C4', 33, 'C'],
    ]);
  });

  it('exact boundary: cumulative exactly 80 % is A, exactly 95 % is B', () => {
    const rows = computeTiers([inp('C1', 240), inp('C2', 45), inp('C3', 15)], 3); // 80, 15, 5
    expect(rows.map((r) => r.tier)).toEqual(['A', 'B', 'C']);
  });

  it('credit notes in the window reduce sales; below zero counts as zero', () => {
    const rows = computeTiers([inp('C1', 1_000, 400), inp('C2', 100, 500), inp('C3', 500)], 3);
    expect(rows.map((r) => [r.customerCode, r.sales, r.averageMonthly])).toEqual([
      ['C1', 600, 200],
      ['C3', 500, 167],
      ['C2', 0, 0],
    ]);
  });

  it('zero sales everywhere → everyone C', () => {
    const rows = computeTiers([inp('C1', 0), inp('C2', 100, 100)], 3);
    expect(rows.map((r) => r.tier)).toEqual(['C', 'C']);
    expect(computeTiers([], 3)).toEqual([]);
  });

  it('percentages are configurable', () => {
    const inputs = [inp('C1', 300), inp('C2', 300), inp('C3', 300), inp('C4', 300)];
    expect(computeTiers(inputs, 3, { kind: 'pareto', aPercent: 50, bPercent: 75 }).map((r) => r.tier)).toEqual([
      'A',
      'A',
      'B',
      'C',
    ]);
  });
});

describe('tier split by threshold amounts (等级标准额)', () => {
  it('A at or above aMin, B at or above bMin', () => {
    const rows = computeTiers([inp('C1', 3_000), inp('C2', 1_500), inp('C3', 1_497), inp('C4', 0)], 3, {
      kind: 'threshold',
      aMin: 1_000,
      bMin: 499,
    });
    expect(rows.map((r) => [r.averageMonthly, r.tier])).toEqual([
      [1000, 'A'],
      [500, 'B'],
      [499, 'B'],
      [0, 'C'],
    ]);
  });
  it('thresholds must increase; percentages must be in order', () => {
    expect(tierMethodError({ kind: 'threshold', aMin: 100, bMin: 100 })).toEqual({
      field: 'aMin',
      message: 'analysis.error.thresholdsIncreasing',
    });
    expect(tierMethodError({ kind: 'threshold', aMin: 100, bMin: 0 })?.field).toBe('bMin');
    expect(tierMethodError({ kind: 'pareto', aPercent: 95, bPercent: 80 })?.field).toBe('bPercent');
    expect(tierMethodError({ kind: 'pareto', aPercent: 0, bPercent: 80 })?.field).toBe('aPercent');
    expect(tierMethodError({ kind: 'pareto', aPercent: 80, bPercent: 95 })).toBeNull();
    expect(() => computeTiers([], 3, { kind: 'pareto', aPercent: 95, bPercent: 80 })).toThrow(RangeError);
  });
});

describe('who is ranked', () => {
  it('everyone but prospects and terminated customers', () => {
    expect(['prospect', 'active', 'suspended', 'terminated'].filter(isRankedLifecycle)).toEqual([
      'active',
      'suspended',
    ]);
  });
});

// ---- property tests against a plain reference implementation -------------------------------

/** Obviously-correct reference: rational shares compared by cross-multiplication on BigInt. */
function reference(inputs: TierSalesInput[], months: number, a: number, b: number) {
  const rows = inputs.map((i) => {
    const sales = i.invoiced - i.credited < 0 ? 0 : i.invoiced - i.credited;
    // round half away from zero: floor(sales/N + 1/2) for sales ≥ 0
    let avg = Math.floor(sales / months);
    const rest = sales - avg * months;
    if (rest * 2 >= months) avg += 1;
    return { code: i.customerCode, sales, avg };
  });
  rows.sort((x, y) => y.avg - x.avg || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0));
  const total = rows.reduce((s, r) => s + BigInt(r.avg), 0n);
  const out: { customerCode: string; sales: number; averageMonthly: number; tier: string }[] = [];
  let cum = 0n;
  for (let i = 0; i < rows.length; i++) {
    cum += BigInt(rows[i].avg);
    let tier: string;
    if (total === 0n) tier = 'C';
    else if (i === 0) tier = 'A';
    else if (cum * 100n <= total * BigInt(a)) tier = 'A';
    else if (cum * 100n <= total * BigInt(b)) tier = 'B';
    else tier = 'C';
    out.push({ customerCode: rows[i].code, sales: rows[i].sales, averageMonthly: rows[i].avg, tier });
  }
  return out;
}

const salesInputs = fc.uniqueArray(
  fc.record({
    customerCode: fc.stringMatching(/^C\d{1,3}$/),
    invoiced: fc.oneof(fc.integer({ min: 0, max: 1_000 }), fc.integer({ min: 0, max: 10_000_000_000 })),
    credited: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 10_000_000_000 })),
  }),
  { selector: (r) => r.customerCode, maxLength: 40 },
);

describe('tier rule properties', () => {
  it('matches the reference for any book, window length and percentages', () => {
    fc.assert(
      fc.property(
        salesInputs,
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 1, max: 98 }),
        fc.integer({ min: 1, max: 100 }),
        (inputs, months, a, bExtra) => {
          const b = Math.min(100, a + bExtra);
          if (b <= a) return;
          expect(computeTiers(inputs, months, { kind: 'pareto', aPercent: a, bPercent: b })).toEqual(
            reference(inputs, months, a, b),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('ties share the same tier order by code and tiers never improve down the ranking', () => {
    fc.assert(
      fc.property(salesInputs, (inputs) => {
        const rows = computeTiers(inputs, 3);
        for (let i = 1; i < rows.length; i++) expect(rows[i].tier >= rows[i - 1].tier).toBe(true);
      }),
    );
  });

  it('window: always N whole months, ending on or before the as-of date, the month-end rule', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 3, max: 6 }),
        (d, n) => {
          const asOf = d.toISOString().slice(0, 10);
          const { from, to } = tierWindow(asOf, n);
          const [y, m, day] = asOf.split('-').map(Number);
          const isLast = new Date(Date.UTC(y, m, 0)).getUTCDate() === day;
          // reference: month index of the last counted month
          const lastIdx = y * 12 + (m - 1) - (isLast ? 0 : 1);
          const firstIdx = lastIdx - (n - 1);
          const ymd = (idx: number, end: boolean) => {
            const yy = Math.floor(idx / 12);
            const mm = (idx % 12) + 1;
            const dd = end ? new Date(Date.UTC(yy, mm, 0)).getUTCDate() : 1;
            return `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
          };
          expect({ from, to }).toEqual({ from: ymd(firstIdx, false), to: ymd(lastIdx, true) });
        },
      ),
    );
  });
});

describe('ranking input in code order (the book reads it so)', () => {
  it('gives exactly the ranking of the same customers in any order, ties by code', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z][0-9]{1,3}$/), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 3, max: 6 }),
        (codes, amounts, months) => {
          // few distinct amounts: many ties
          const shuffled = codes.map((c, i) => inp(c, amounts[i] * 30_000, i % 3 === 0 ? 10_000 : 0));
          const sorted = [...shuffled].sort((a, b) => (a.customerCode < b.customerCode ? -1 : 1));
          expect(computeTiers(sorted, months)).toEqual(computeTiers(shuffled.reverse(), months));
        },
      ),
    );
  });
});

describe('ranking by one numeric sort (input in code order, as the book reads it)', () => {
  it('equals the reference with ties, for small averages (exact sort keys) and huge ones (comparator sort)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[A-Z][0-9]{1,3}$/), { minLength: 1, maxLength: 60 }),
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 3 }).map((k) => k * 3_000),
            fc.integer({ min: 0, max: 3 }).map((k) => 2 ** 50 + k * 3),
          ),
          { minLength: 60, maxLength: 60 },
        ),
        fc.integer({ min: 3, max: 6 }),
        (codes, amounts, months) => {
          const inputs = [...codes].sort().map((c, i) => inp(c, amounts[i]));
          expect(computeTiers(inputs, months)).toEqual(reference(inputs, months, 80, 95));
        },
      ),
      { numRuns: 300 },
    );
  });
});
