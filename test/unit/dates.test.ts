import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  dueDateFor,
  fromDayNumber,
  isValidDate,
  maxDate,
  minDate,
  monthEnd,
  monthStart,
  toDayNumber,
} from '../../main/domain/dates';

describe('dates', () => {
  it('validates calendar dates', () => {
    for (const d of ['2026-01-01', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])
      expect(isValidDate(d)).toBe(true);
    for (const d of [
      '2026-02-29',
      '1900-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-01-32',
      '2026-1-1',
      '20260101',
      '',
      'x',
      null,
      20260101,
      '0000-01-01',
    ])
      expect(isValidDate(d)).toBe(false);
  });

  it('counts days', () => {
    expect(daysBetween('2026-02-09', '2026-03-31')).toBe(50);
    expect(daysBetween('2026-03-17', '2026-03-31')).toBe(14);
    expect(daysBetween('2026-03-17', '2026-05-31')).toBe(75);
    expect(daysBetween('2026-05-01', '2026-05-31')).toBe(30);
    expect(daysBetween('2026-03-31', '2026-03-17')).toBe(-14);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('1999-12-31', '2000-01-01')).toBe(1);
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(addDays('0050-01-01', 1)).toBe('0050-01-02'); // years below 100 are not 19xx
  });

  it('adds days, months and years', () => {
    expect(addDays('2026-01-10', 30)).toBe('2026-02-09');
    expect(dueDateFor('2026-02-15', 30)).toBe('2026-03-17');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-15', -2)).toBe('2025-11-15');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(monthEnd('2024-02-10')).toBe('2024-02-29');
    expect(monthEnd('2026-12-01')).toBe('2026-12-31');
    expect(monthStart('2026-12-19')).toBe('2026-12-01');
    expect(compareDates('2026-01-01', '2026-01-02')).toBe(-1);
    expect(compareDates('2026-01-02', '2026-01-02')).toBe(0);
    expect(maxDate('2026-01-02', '2026-03-01', '2025-12-31')).toBe('2026-03-01');
    expect(minDate('2026-01-02', '2026-03-01', '2025-12-31')).toBe('2025-12-31');
  });

  it('refuses bad input', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-02-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
  });

  it('day numbers round-trip and order like the strings (property)', () => {
    const day = fc.integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2199-12-31') });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const da = fromDayNumber(a);
        const db = fromDayNumber(b);
        expect(isValidDate(da)).toBe(true);
        expect(toDayNumber(da)).toBe(a);
        expect(daysBetween(da, db)).toBe(b - a);
        expect(addDays(da, b - a)).toBe(db);
        expect(Math.sign(compareDates(da, db))).toBe(Math.sign(a - b));
      }),
    );
  });
});
