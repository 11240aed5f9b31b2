import { describe, expect, it } from 'vitest';
import { loyaltySlices, scoreText, share1 } from '../../renderer/src/reports/loyalty-series';

describe('loyalty distribution series', () => {
  it('keeps the order loyal, switching, none, fills missing types and computes shares', () => {
    const s = loyaltySlices({
      rows: [
        { type: 'none', customers: 1, manual: 0, sales: 200_000 },
        { type: 'loyal', customers: 2, manual: 1, sales: 900_000 },
      ],
    });
    expect(s).toEqual([
      { type: 'loyal', customers: 2, manual: 1, sales: 900_000, customerShare: 66.7, salesShare: 81.8 },
      { type: 'switching', customers: 0, manual: 0, sales: 0, customerShare: 0, salesShare: 0 },
      { type: 'none', customers: 1, manual: 0, sales: 200_000, customerShare: 33.3, salesShare: 18.2 },
    ]);
  });
  it('an empty book gives zero shares, not NaN', () => {
    expect(loyaltySlices({ rows: [] }).map((r) => r.customerShare)).toEqual([0, 0, 0]);
    expect(share1(1, 0)).toBe(0);
  });
  it('average score as text', () => {
    expect(scoreText(333)).toBe('3.33');
    expect(scoreText(400)).toBe('4.00');
    expect(scoreText(105)).toBe('1.05');
    expect(scoreText(null)).toBeNull();
  });
});
