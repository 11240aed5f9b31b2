// Today's worklist ranking in integer arithmetic (domain/worklist-score.ts), exact figures.
import { describe, expect, it } from 'vitest';
import { averageDaysLate, riskMilli, worklistScore } from '../../main/domain/worklist-score';

describe('worklist score', () => {
  it('average days late rounds half up to whole days; none counted → 0', () => {
    expect(averageDaysLate(0, 0)).toBe(0);
    expect(averageDaysLate(10, 4)).toBe(3); // 2.5 → 3
    expect(averageDaysLate(9, 4)).toBe(2); // 2.25 → 2
    expect(averageDaysLate(11, 4)).toBe(3); // 2.75 → 3
  });
  it('risk: 1000 + 500 per broken + 250 per partly kept + days late × 1000 ÷ 60 (at most 1000)', () => {
    expect(riskMilli(0, 0, 0)).toBe(1000);
    expect(riskMilli(2, 1, 0)).toBe(2250);
    expect(riskMilli(0, 0, 1)).toBe(1017); // 16.67 → 17
    expect(riskMilli(0, 0, 25)).toBe(1417); // 416.67 → 417
    expect(riskMilli(0, 0, 59)).toBe(1983);
    expect(riskMilli(1, 0, 60)).toBe(2500);
    expect(riskMilli(0, 0, 400)).toBe(2000);
  });
  it('score = yuan × max(days, 1) × risk, exact even where floats round wrong', () => {
    // ¥1,234.56 × 37 days × 1.417 = 64,726.75… → 64,727
    expect(worklistScore(123_456, 37, 1417)).toBe(64_727);
    // ¥0.36 × 30 days × 1.25 = 13.5 exactly → 14 (the float formula made it 13.4999… → 13)
    expect(worklistScore(36, 30, 1250)).toBe(14);
    expect(worklistScore(232, 45, 1250)).toBe(131);
    // due today (0 days) counts as 1 day: ¥500.00 × 1 × 1.0
    expect(worklistScore(50_000, 0, 1000)).toBe(500);
    // ¥0.05 × 1 × 1.0 = 0.05 → 0; ¥0.50 × 1 × 1.0 = 0.5 → 1 (half up)
    expect(worklistScore(5, 1, 1000)).toBe(0);
    expect(worklistScore(50, 1, 1000)).toBe(1);
    // a large book: ¥90,000,000,000.00 × 365 days × 3.0 stays exact
    expect(worklistScore(9_000_000_000_000, 365, 3000)).toBe(98_550_000_000_000);
  });
});
