// Visit plans (SPEC §3), pure: the dates a frequency plans in a window, and a visit's status.
//
// The exact rule (docs/architecture.md, "Visit plans"):
// - Periods are aligned to the calendar: `every` n months → periods start in the months whose
//   index (year × 12 + month − 1) is a multiple of n (every 2 months: Jan, Mar, May …); `every`
//   n weeks → periods start on the Monday of the weeks whose index (weeks since Monday
//   1970-01-05) is a multiple of n.
// - A period of L days with `times` k is cut into k slots; visit i (0…k−1) falls on
//   start + ⌊i·L/k⌋ + (seed mod max(1, ⌊L/k⌋)) — the seed (the customer) spreads customers over
//   the slot instead of sending everyone on the 1st.
// - A day off (Saturday, Sunday, or a public holiday from the visit settings) moves to the
//   nearest working day inside the period, the earlier one on a tie: a Saturday to the Friday
//   before, a Sunday to the Monday after; at the period's edge the other way (Saturday → Monday,
//   Sunday → Friday). A period without any working day plans no visit. Equal dates are one visit.
// - A make-up working day (调休上班: a Saturday or Sunday worked in place of a holiday, from the
//   visit settings) is a working day: a visit may fall on it and others move to it. A date that
//   is both (the settings refuse it) counts as a holiday.
// - Status as of D: done when marked done on or before D; missed when planned before D and not
//   done by D; planned otherwise.
import type { VisitFrequency, VisitStatus } from '../../shared/types-visits';
import { daysInMonth, fromDayNumber, toDayNumber, type IsoDate } from './dates';

export const MAX_VISIT_TIMES = 10;
export const MAX_VISIT_EVERY = 12;

const MONDAY_0 = toDayNumber('1970-01-05');

interface Period {
  start: number; // day number
  length: number; // days
}

/** The calendar-aligned period of a frequency that holds `day`. */
export function periodOf(freq: VisitFrequency, day: number): Period {
  if (freq.unit === 'week') {
    const week = Math.floor((day - MONDAY_0) / 7);
    const first = week - (((week % freq.every) + freq.every) % freq.every);
    return { start: MONDAY_0 + first * 7, length: 7 * freq.every };
  }
  const d = fromDayNumber(day);
  const idx = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  const firstIdx = idx - (idx % freq.every);
  let length = 0;
  for (let m = firstIdx; m < firstIdx + freq.every; m++) length += daysInMonth(Math.floor(m / 12), (m % 12) + 1);
  const y = Math.floor(firstIdx / 12);
  const start = toDayNumber(`${String(y).padStart(4, '0')}-${String((firstIdx % 12) + 1).padStart(2, '0')}-01`);
  return { start, length };
}

const weekday = (day: number) => (((day - MONDAY_0) % 7) + 7) % 7; // 0 = Monday … 6 = Sunday

/** Public holidays as day numbers (from the visit settings' ISO dates). */
export type HolidaySet = ReadonlySet<number>;
export const NO_HOLIDAYS: HolidaySet = new Set();
export const holidaySet = (dates: readonly IsoDate[]): HolidaySet => new Set(dates.map(toDayNumber));

/** The nearest working day inside the period (earlier on a tie), or null when the period has none. */
function workday(day: number, p: Period, holidays: HolidaySet, workdays: HolidaySet): number | null {
  const works = (d: number) =>
    d >= p.start && d < p.start + p.length && (weekday(d) < 5 || workdays.has(d)) && !holidays.has(d);
  for (let k = 0; k < p.length; k++) {
    if (works(day - k)) return day - k;
    if (works(day + k)) return day + k;
  }
  return null;
}

/** The planned visit dates of one period, ascending, without repeats. */
export function periodVisitDays(
  freq: VisitFrequency,
  p: Period,
  seed: number,
  holidays = NO_HOLIDAYS,
  workdays = NO_HOLIDAYS,
): number[] {
  const k = freq.times;
  const slot = Math.max(1, Math.floor(p.length / k));
  const offset = ((seed % slot) + slot) % slot;
  const out = new Set<number>();
  for (let i = 0; i < k; i++) {
    const d = workday(p.start + Math.floor((i * p.length) / k) + offset, p, holidays, workdays);
    if (d !== null) out.add(d);
  }
  return [...out].sort((a, b) => a - b);
}

/**
 * Every planned visit date of `freq` in [from, to] (inclusive), ascending; never on a day off.
 * workdays: make-up working days (weekend dates worked, 调休上班).
 */
export function plannedVisitDates(
  freq: VisitFrequency | null,
  seed: number,
  from: IsoDate,
  to: IsoDate,
  holidays: HolidaySet = NO_HOLIDAYS,
  workdays: HolidaySet = NO_HOLIDAYS,
): IsoDate[] {
  if (!freq || freq.times <= 0) return [];
  const last = toDayNumber(to);
  const out: IsoDate[] = [];
  let day = toDayNumber(from);
  while (day <= last) {
    const p = periodOf(freq, day);
    for (const d of periodVisitDays(freq, p, seed, holidays, workdays))
      if (d >= day && d <= last) out.push(fromDayNumber(d));
    day = p.start + p.length;
  }
  return out;
}

export function visitStatus(v: { plannedOn: IsoDate; doneOn: IsoDate | null }, asOf: IsoDate): VisitStatus {
  if (v.doneOn !== null && v.doneOn <= asOf) return 'done';
  return v.plannedOn < asOf ? 'missed' : 'planned';
}

/** The check of one frequency cell; a message key or null. */
export function visitFrequencyError(f: VisitFrequency | null): string | null {
  if (f === null) return null;
  if (!Number.isInteger(f.times) || f.times < 1 || f.times > MAX_VISIT_TIMES) return 'visits.error.times';
  if (!Number.isInteger(f.every) || f.every < 1 || f.every > MAX_VISIT_EVERY) return 'visits.error.every';
  if (f.unit !== 'week' && f.unit !== 'month') return 'visits.error.unit';
  return null;
}

/** The seed that spreads one customer's visits by one role (roles of a customer on different days). */
export function visitSeed(customerId: number, roleIndex: number): number {
  return customerId + 3 * roleIndex;
}
