// Loyalty type (SPEC §7; the exact rule in main/domain/loyalty.ts): examples at the edges, and a
// property test of window + facts + classification against a plain reference written here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkSatisfaction,
  checkTask,
  classifyLoyalty,
  loyaltyFacts,
  loyaltyWindow,
  type DatedAmount,
} from '../../main/domain/loyalty';

describe('loyalty window: 12 whole months ending with the last complete month', () => {
  it('month end counts its own month; mid-month ends with the previous month', () => {
    expect(loyaltyWindow('2026-11-30')).toEqual({ from: '2025-12-01', to: '2026-11-30' });
    expect(loyaltyWindow('2026-11-23')).toEqual({ from: '2025-11-01', to: '2026-10-31' });
    expect(loyaltyWindow('2026-03-01')).toEqual({ from: '2025-03-01', to: '2026-02-28' });
    expect(loyaltyWindow('2028-02-29')).toEqual({ from: '2027-03-01', to: '2028-02-29' });
  });
});

describe('classifyLoyalty', () => {
  const f = (activeMonths: number, scoreSum = 0, scoreCount = 0) => ({ activeMonths, scoreSum, scoreCount });
  it('9 active months without scores is loyal; 8 is switching; 3 switching; 2 none; 0 none', () => {
    expect(classifyLoyalty(f(9))).toBe('loyal');
    expect(classifyLoyalty(f(12))).toBe('loyal');
    expect(classifyLoyalty(f(8))).toBe('switching');
    expect(classifyLoyalty(f(3))).toBe('switching');
    expect(classifyLoyalty(f(2))).toBe('none');
    expect(classifyLoyalty(f(0))).toBe('none');
  });
  it('average satisfaction exactly 3.5 keeps a steady buyer loyal; below it makes them switching', () => {
    expect(classifyLoyalty(f(10, 7, 2))).toBe('loyal'); // 3 + 4
    expect(classifyLoyalty(f(10, 10, 3))).toBe('switching'); // 3.33
    expect(classifyLoyalty(f(2, 15, 3))).toBe('none'); // happy but rarely buys
  });
});

describe('facts from documents', () => {
  const w = loyaltyWindow('2026-09-30');
  it('voided documents and out-of-window dates do not count; a month netted to zero is not active', () => {
    const inv: DatedAmount[] = [
      { date: '2025-10-01', amount: 100 }, // first day
      { date: '2026-09-30', amount: 100 }, // last day
      { date: '2025-09-30', amount: 100 }, // before
      { date: '2026-10-01', amount: 100 }, // after
      { date: '2026-01-15', amount: 100, voided: true },
      { date: '2026-02-10', amount: 100 },
    ];
    const cn: DatedAmount[] = [{ date: '2026-02-28', amount: 100 }];
    const scores = [
      { date: '2026-05-05', score: 4 },
      { date: '2024-05-05', score: 1 },
    ];
    expect(loyaltyFacts(inv, cn, scores, w)).toEqual({ activeMonths: 2, scoreSum: 4, scoreCount: 1 });
  });
});

/** The plain reference: months enumerated one by one with Date, amounts summed per month. */
function reference(
  asOf: string,
  invoices: DatedAmount[],
  credits: DatedAmount[],
  scores: { date: string; score: number }[],
): string {
  const d = new Date(`${asOf}T00:00:00Z`);
  const next = new Date(d.getTime() + 86_400_000);
  // the last complete month: D's own month when D is its last day
  const y = d.getUTCFullYear();
  let m = d.getUTCMonth(); // 0-based
  if (next.getUTCMonth() === m) m -= 1;
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    let mm = m - i;
    let yy = y;
    while (mm < 0) {
      mm += 12;
      yy -= 1;
    }
    months.push(`${yy}-${String(mm + 1).padStart(2, '0')}`);
  }
  let active = 0;
  for (const mon of months) {
    let net = 0;
    for (const i of invoices) if (!i.voided && i.date.startsWith(mon)) net += i.amount;
    for (const c of credits) if (!c.voided && c.date.startsWith(mon)) net -= c.amount;
    if (net > 0) active++;
  }
  const inWin = scores.filter((s) => months.includes(s.date.slice(0, 7)));
  const avg = inWin.length ? inWin.reduce((a, s) => a + s.score, 0) / inWin.length : null;
  if (active >= 9 && (avg === null || avg >= 3.5)) return 'loyal';
  if (active >= 3) return 'switching';
  return 'none';
}

const dayIn = (min: number, max: number) =>
  fc
    .record({ y: fc.integer({ min, max }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => {
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      return `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
    });
const day = dayIn(2024, 2027);

/** A document `back` months before the as-of month (0–14), so every count of active months occurs. */
const docNear = (asOf: string) =>
  fc
    .record({
      back: fc.integer({ min: 0, max: 14 }),
      d: fc.integer({ min: 1, max: 31 }),
      amount: fc.integer({ min: 1, max: 1_000_000 }),
      voided: fc.integer({ min: 0, max: 5 }).map((v) => v === 0),
    })
    .map(({ back, d, amount, voided }) => {
      const [y, m] = asOf.split('-').map(Number);
      const idx = y * 12 + (m - 1) - back;
      const yy = Math.floor(idx / 12);
      const mm = (idx % 12) + 1;
      const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
      const date = `${yy}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
      return { date, amount, voided } as DatedAmount;
    });

describe('property: window, facts and rule agree with the plain reference', () => {
  it('for random documents, credit notes and scores', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        day.chain((asOf) =>
          fc.tuple(
            fc.constant(asOf),
            fc.array(docNear(asOf), { maxLength: 40, size: 'max' }),
            fc.array(docNear(asOf), { maxLength: 6 }),
            fc.array(
              docNear(asOf).map((x) => ({ date: x.date, score: (x.amount % 5) + 1 })),
              { maxLength: 5 },
            ),
          ),
        ),
        ([asOf, inv, cn, scores]) => {
          const got = classifyLoyalty(loyaltyFacts(inv, cn, scores, loyaltyWindow(asOf)));
          expect(got).toBe(reference(asOf, inv, cn, scores));
          seen.add(got);
        },
      ),
      { numRuns: 600 },
    );
    expect([...seen].sort()).toEqual(['loyal', 'none', 'switching']);
  });
  it('steady buyers every month are loyal unless unhappy', () => {
    fc.assert(
      fc.property(day, fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 6 }), (asOf, sc) => {
        const w = loyaltyWindow(asOf);
        const inv: DatedAmount[] = [];
        for (let i = 0; i < 12; i++) {
          const [y, m] = w.from.split('-').map(Number);
          const mm = m - 1 + i;
          inv.push({ date: `${y + Math.floor(mm / 12)}-${String((mm % 12) + 1).padStart(2, '0')}-10`, amount: 500 });
        }
        const scores = sc.map((score) => ({ date: w.to, score }));
        const expected = sc.length === 0 || sc.reduce((a, b) => a + b, 0) / sc.length >= 3.5 ? 'loyal' : 'switching';
        expect(classifyLoyalty(loyaltyFacts(inv, [], scores, w))).toBe(expected);
      }),
    );
  });
});

describe('input rules', () => {
  it('task title required, due date at most 5 years ahead; score 1–5, survey not in the future', () => {
    expect(checkTask({ title: ' ', dueOn: '2026-12-01' }, '2026-11-30')).toEqual([{ field: 'title', key: 'required' }]);
    expect(checkTask({ title: '回访', dueOn: '2031-12-01' }, '2026-11-30')).toEqual([
      { field: 'dueOn', key: 'out_of_range' },
    ]);
    expect(checkSatisfaction({ surveyedOn: '2026-11-30', score: 5 }, '2026-11-30')).toEqual([]);
    expect(checkSatisfaction({ surveyedOn: '2026-12-01', score: 0 }, '2026-11-30')).toEqual([
      { field: 'score', key: 'out_of_range' },
      { field: 'surveyedOn', key: 'out_of_range' },
    ]);
  });
});
