// Visit plans (SPEC §3): the dates a frequency plans and a visit's done / planned / missed
// status, against plain references that walk the calendar with JavaScript dates one day at a time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holidaySet, plannedVisitDates, visitFrequencyError, visitStatus } from '../../main/domain/visits';
import { DEFAULT_VISIT_PLAN, type VisitFrequency } from '../../shared/types-visits';

// ---- plain reference: JavaScript Date, one day at a time ----
const D = (s: string) => new Date(`${s}T00:00:00Z`);
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plus = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const dow = (d: Date) => d.getUTCDay(); // 0 Sunday … 6 Saturday

function refPeriod(f: VisitFrequency, day: Date): { start: Date; end: Date } {
  if (f.unit === 'week') {
    let s = day;
    while (dow(s) !== 1) s = plus(s, -1); // back to Monday
    // the week's number counted from Monday 1970-01-05
    while (Math.round((s.getTime() - D('1970-01-05').getTime()) / 86_400_000 / 7) % f.every !== 0) s = plus(s, -7);
    return { start: s, end: plus(s, 7 * f.every - 1) };
  }
  let y = day.getUTCFullYear();
  let m = day.getUTCMonth(); // 0-based
  while ((y * 12 + m) % f.every !== 0) {
    m -= 1;
    if (m < 0) {
      m = 11;
      y -= 1;
    }
  }
  const start = new Date(Date.UTC(y, m, 1));
  const end = plus(new Date(Date.UTC(y, m + f.every, 1)), -1);
  return { start, end };
}

function refPlanned(
  f: VisitFrequency | null,
  seed: number,
  from: string,
  to: string,
  holidays: readonly string[] = [],
  workdays: readonly string[] = [],
): string[] {
  if (!f) return [];
  // a holiday is off; a weekend day is off unless it is a make-up working day (调休上班)
  const off = (v: Date) => holidays.includes(iso(v)) || ((dow(v) === 0 || dow(v) === 6) && !workdays.includes(iso(v)));
  const out = new Set<string>();
  for (let d = D(from); d <= D(to); d = plus(d, 1)) {
    const { start, end } = refPeriod(f, d);
    const length = Math.round((end.getTime() - start.getTime()) / 86_400_000) + 1;
    const slot = Math.max(1, Math.floor(length / f.times));
    for (let i = 0; i < f.times; i++) {
      const v0 = plus(start, Math.floor((i * length) / f.times) + (seed % slot));
      let v: Date | null = v0;
      if (holidays.length === 0 && workdays.length === 0) {
        // SPEC's weekend rule as first written: Sat → Fri, Sun → Mon; the other way at the edge
        if (dow(v0) === 6) v = plus(v0, -1) >= start ? plus(v0, -1) : plus(v0, 2);
        else if (dow(v0) === 0) v = plus(v0, 1) <= end ? plus(v0, 1) : plus(v0, -2);
      } else if (off(v0)) {
        // every working day of the period, the nearest one (earlier on a tie)
        v = null;
        for (let w = start; w <= end; w = plus(w, 1)) {
          if (off(w)) continue;
          const dist = (x: Date) => Math.abs(x.getTime() - v0.getTime());
          if (v === null || dist(w) < dist(v)) v = w;
        }
      }
      if (v && iso(v) === iso(d)) out.add(iso(d));
    }
  }
  return [...out].sort();
}

const freqArb = fc.record({
  times: fc.integer({ min: 1, max: 10 }),
  every: fc.integer({ min: 1, max: 12 }),
  unit: fc.constantFrom('week' as const, 'month' as const),
});
const dayArb = fc.integer({ min: 0, max: 3000 }).map((n) => iso(plus(D('2024-01-01'), n)));

describe('planned visit dates', () => {
  it('SPEC table examples: tier A account rep 3 a month, prospect A once a week', () => {
    // November 2026: 30 days, slots of 10 days; customer 1 → offset 1
    expect(plannedVisitDates(DEFAULT_VISIT_PLAN.tiers.A.rep, 1, '2026-11-01', '2026-11-30')).toEqual([
      '2026-11-02',
      '2026-11-12',
      '2026-11-23', // the 22nd is a Sunday
    ]);
    // weekly from Monday; seed 9 → offset 2 (Wednesday)
    expect(plannedVisitDates(DEFAULT_VISIT_PLAN.prospects.A, 9, '2026-11-01', '2026-11-30')).toEqual([
      '2026-11-04',
      '2026-11-11',
      '2026-11-18',
      '2026-11-25',
    ]);
    // general manager, tier A: every half year (Jan–Jun, Jul–Dec), one visit
    expect(plannedVisitDates(DEFAULT_VISIT_PLAN.tiers.A.general_manager, 0, '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-01',
      '2026-07-01',
    ]);
    // "when needed" plans nothing
    expect(plannedVisitDates(DEFAULT_VISIT_PLAN.tiers.C.manager, 5, '2026-01-01', '2026-12-31')).toEqual([]);
    expect(plannedVisitDates(DEFAULT_VISIT_PLAN.prospects.D, 5, '2026-01-01', '2026-12-31')).toEqual([]);
  });

  it('equals the day-by-day reference for any frequency, seed and window', () => {
    fc.assert(
      fc.property(
        freqArb,
        fc.integer({ min: 0, max: 100_000 }),
        dayArb,
        fc.integer({ min: 0, max: 400 }),
        (f, seed, from, len) => {
          const to = iso(plus(D(from), len));
          expect(plannedVisitDates(f, seed, from, to)).toEqual(refPlanned(f, seed, from, to));
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('never on a public holiday from the settings: the nearest working day in the period instead', () => {
    const holidaysArb = fc.array(dayArb, { maxLength: 40 });
    fc.assert(
      fc.property(
        freqArb,
        fc.integer({ min: 0, max: 100_000 }),
        dayArb,
        fc.integer({ min: 0, max: 200 }),
        holidaysArb,
        (f, seed, from, len, hs) => {
          const to = iso(plus(D(from), len));
          // holidays near the window too, so they hit planned days
          const holidays = [...hs, ...hs.map((h, i) => iso(plus(D(from), (i * 7 + Number(h.slice(8))) % (len + 1))))];
          const got = plannedVisitDates(f, seed, from, to, holidaySet(holidays));
          expect(got).toEqual(refPlanned(f, seed, from, to, holidays));
          for (const d of got) expect(holidays).not.toContain(d);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('make-up working days (调休上班) are working days: visits fall on them and move to them', () => {
    const weekendNear = (from: string, len: number, k: number) => {
      let d = plus(D(from), k % (len + 1));
      while (dow(d) !== 0 && dow(d) !== 6) d = plus(d, 1);
      return iso(d);
    };
    fc.assert(
      fc.property(
        freqArb,
        fc.integer({ min: 0, max: 100_000 }),
        dayArb,
        fc.integer({ min: 0, max: 200 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 20 }),
        (f, seed, from, len, hk, wk) => {
          const to = iso(plus(D(from), len));
          const holidays = hk.map((k) => iso(plus(D(from), k % (len + 1))));
          // weekend dates in the window, never a holiday (the settings refuse both at once)
          const workdays = wk.map((k) => weekendNear(from, len, k)).filter((d) => !holidays.includes(d));
          const got = plannedVisitDates(f, seed, from, to, holidaySet(holidays), holidaySet(workdays));
          expect(got).toEqual(refPlanned(f, seed, from, to, holidays, workdays));
          for (const d of got) expect(holidays).not.toContain(d);
          for (const d of got) if (dow(D(d)) === 0 || dow(D(d)) === 6) expect(workdays).toContain(d);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('the 2026 National Day make-up Sunday: a weekly visit stays on the worked Sunday 27 September', () => {
    // once a week, seed 6 → Sunday 27 September, the week's last day: off, it moves back to Friday 25
    const weekly: VisitFrequency = { times: 1, every: 1, unit: 'week' };
    expect(plannedVisitDates(weekly, 6, '2026-09-21', '2026-09-27')).toEqual(['2026-09-25']);
    expect(
      plannedVisitDates(weekly, 6, '2026-09-21', '2026-09-27', holidaySet([]), holidaySet(['2026-09-27'])),
    ).toEqual(['2026-09-27']);
  });

  it('the Golden Week: a visit planned on 1–7 October moves to the nearest working day of its month', () => {
    const golden = ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'];
    const once: VisitFrequency = { times: 1, every: 1, unit: 'month' };
    // seed 3 → 2026-10-04 (a Sunday inside the holiday): nearest working day is Thursday 8 October
    expect(plannedVisitDates(once, 3, '2026-10-01', '2026-10-31')).toEqual(['2026-10-05']);
    expect(plannedVisitDates(once, 3, '2026-10-01', '2026-10-31', holidaySet(golden))).toEqual(['2026-10-08']);
    // a week made of holidays and a weekend plans no visit that week
    const weekly: VisitFrequency = { times: 1, every: 1, unit: 'week' };
    expect(
      plannedVisitDates(weekly, 0, '2026-10-05', '2026-10-11', holidaySet([...golden, '2026-10-08', '2026-10-09'])),
    ).toEqual([]);
  });

  it('never on a weekend; a whole period with slots of 3+ days holds exactly `times` visits', () => {
    fc.assert(
      fc.property(freqArb, fc.integer({ min: 0, max: 100_000 }), dayArb, (f, seed, day) => {
        const { start, end } = refPeriod(f, D(day));
        const dates = plannedVisitDates(f, seed, iso(start), iso(end));
        for (const d of dates) expect([0, 6]).not.toContain(dow(D(d)));
        const length = Math.round((end.getTime() - start.getTime()) / 86_400_000) + 1;
        if (length / f.times >= 3) expect(dates).toHaveLength(f.times);
        else expect(dates.length).toBeLessThanOrEqual(f.times);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('generating month by month gives the same visits as one long window', () => {
    fc.assert(
      fc.property(freqArb, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 2024, max: 2030 }), (f, seed, y) => {
        const whole = plannedVisitDates(f, seed, `${y}-01-01`, `${y}-12-31`);
        const byMonth: string[] = [];
        for (let m = 1; m <= 12; m++) {
          const first = `${y}-${String(m).padStart(2, '0')}-01`;
          const last = iso(plus(new Date(Date.UTC(y, m, 1)), -1));
          byMonth.push(...plannedVisitDates(f, seed, first, last));
        }
        expect(byMonth).toEqual(whole);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});

describe('visit status: done / planned / missed', () => {
  const ref = (plannedOn: string, doneOn: string | null, asOf: string) =>
    doneOn !== null && D(doneOn) <= D(asOf) ? 'done' : D(plannedOn) < D(asOf) ? 'missed' : 'planned';
  it('examples', () => {
    expect(visitStatus({ plannedOn: '2026-11-10', doneOn: null }, '2026-11-10')).toBe('planned');
    expect(visitStatus({ plannedOn: '2026-11-10', doneOn: null }, '2026-11-11')).toBe('missed');
    expect(visitStatus({ plannedOn: '2026-11-10', doneOn: '2026-11-12' }, '2026-11-11')).toBe('missed');
    expect(visitStatus({ plannedOn: '2026-11-10', doneOn: '2026-11-12' }, '2026-11-12')).toBe('done');
    expect(visitStatus({ plannedOn: '2026-11-20', doneOn: '2026-11-12' }, '2026-11-12')).toBe('done');
  });
  it('matches the reference', () => {
    fc.assert(
      fc.property(dayArb, fc.option(dayArb, { nil: null }), dayArb, (p, d, a) => {
        expect(visitStatus({ plannedOn: p, doneOn: d }, a)).toBe(ref(p, d, a));
      }),
      { numRuns: 500 },
    );
  });
});

describe('frequency check', () => {
  it('names the bad part', () => {
    expect(visitFrequencyError(null)).toBeNull();
    expect(visitFrequencyError({ times: 3, every: 1, unit: 'month' })).toBeNull();
    expect(visitFrequencyError({ times: 0, every: 1, unit: 'month' })).toBe('visits.error.times');
    expect(visitFrequencyError({ times: 1.5, every: 1, unit: 'month' })).toBe('visits.error.times');
    expect(visitFrequencyError({ times: 1, every: 13, unit: 'month' })).toBe('visits.error.every');
  });
});
