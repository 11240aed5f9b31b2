// Typed dates and money as people type them (issue 16 items 10 and 13).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTypedDate } from '../../renderer/src/format/typed-date';
import { positiveAmountProblem } from '../../renderer/src/format/money';
import { parseMoney } from '../../shared/money';

describe('parseTypedDate', () => {
  it('accepts the common typed forms', () => {
    for (const s of [
      '2026-03-05',
      '2026-3-5',
      '2026/3/5',
      '2026/03/05',
      '2026.3.5',
      '20260305',
      '2026年3月5日',
      ' 2026/3/5 ',
      '２０２６／３／５',
    ])
      expect(parseTypedDate(s), s).toEqual({ kind: 'date', date: '2026-03-05' });
    expect(parseTypedDate('2024/2/29')).toEqual({ kind: 'date', date: '2024-02-29' });
  });
  it('refuses impossible and unreadable dates (never a substitute)', () => {
    for (const s of [
      '2026-02-30',
      '2025-02-29',
      '2026/13/1',
      '2026-04-31',
      '20260230',
      '2026-0-5',
      '5/3/2026',
      'tomorrow',
      '2026-03',
      '202635',
    ])
      expect(parseTypedDate(s), s).toEqual({ kind: 'invalid' });
    expect(parseTypedDate('')).toEqual({ kind: 'empty' });
    expect(parseTypedDate('  ')).toEqual({ kind: 'empty' });
  });
  it('agrees with the calendar for every day (reference: Date round trip)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(parseTypedDate(`${y}/${m}/${d}`)).toEqual(real ? { kind: 'date', date: iso } : { kind: 'invalid' });
          expect(parseTypedDate(iso.replace(/-/g, ''))).toEqual(
            real ? { kind: 'date', date: iso } : { kind: 'invalid' },
          );
        },
      ),
    );
  });
});

describe('money as typed', () => {
  it('accepts full-width digits and punctuation', () => {
    expect(parseMoney('１２３４')).toBe(123400);
    expect(parseMoney('１，２３４．５６')).toBe(123456);
    expect(parseMoney('￥１２３４．５')).toBe(123450);
    expect(parseMoney('－１２．５')).toBe(-1250);
    expect(parseMoney('1234。56')).toBe(123456);
  });
  it('names the problem of a document amount: 0, negative, too large, not an amount', () => {
    expect(positiveAmountProblem('0', true)).toBe('amount_zero');
    expect(positiveAmountProblem('0.00', true)).toBe('amount_zero');
    expect(positiveAmountProblem('-5', true)).toBe('amount_negative');
    expect(positiveAmountProblem('10000000000000', true)).toBe('amount_too_large');
    expect(positiveAmountProblem('99999999999999999', true)).toBe('amount_too_large');
    expect(positiveAmountProblem('12.345', true)).toBe('invalid_money');
    expect(positiveAmountProblem('abc', true)).toBe('invalid_money');
    expect(positiveAmountProblem('', true)).toBe('required');
    expect(positiveAmountProblem('', false)).toBeNull();
    expect(positiveAmountProblem('１２３４', true)).toBeNull();
    expect(positiveAmountProblem('999999999999.99', true)).toBeNull();
    expect(positiveAmountProblem('1000000000000', true)).toBe('amount_too_large');
  });
});
