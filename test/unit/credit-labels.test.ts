import { describe, expect, it } from 'vitest';
import { formatDiscountTerms } from '../../shared/credit-labels';

describe('cash-discount terms as printed', () => {
  it('writes the discount from integer basis points, without float division', () => {
    expect(formatDiscountTerms({ discountBp: 200, discountDays: 10, netDays: 30 })).toBe('2/10 n/30');
    expect(formatDiscountTerms({ discountBp: 250, discountDays: 10, netDays: 30 })).toBe('2.5/10 n/30');
    expect(formatDiscountTerms({ discountBp: 125, discountDays: 15, netDays: 45 })).toBe('1.25/15 n/45');
    expect(formatDiscountTerms({ discountBp: 1000, discountDays: 5, netDays: 60 })).toBe('10/5 n/60');
  });
});
