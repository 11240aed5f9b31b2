// Today's worklist ranking in integer arithmetic (domain/worklist-score.ts), exact figures.
import { describe, expect, it } from 'vitest';
import {
  averageDaysLate,
  compareScoresDesc,
  riskMilli,
  scoreText,
  worklistScore,
} from '../../main/domain/worklist-score';
import { groupDigits } from '../../renderer/src/format/digits';

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
    expect(worklistScore(123_456, 37, 1417)).toBe(64_727n);
    // ¥0.36 × 30 days × 1.25 = 13.5 exactly → 14 (the float formula made it 13.4999… → 13)
    expect(worklistScore(36, 30, 1250)).toBe(14n);
    expect(worklistScore(232, 45, 1250)).toBe(131n);
    // due today (0 days) counts as 1 day: ¥500.00 × 1 × 1.0
    expect(worklistScore(50_000, 0, 1000)).toBe(500n);
    // ¥0.05 × 1 × 1.0 = 0.05 → 0; ¥0.50 × 1 × 1.0 = 0.5 → 1 (half up)
    expect(worklistScore(5, 1, 1000)).toBe(0n);
    expect(worklistScore(50, 1, 1000)).toBe(1n);
    // a large book: ¥90,000,000,000.00 × 365 days × 3.0 stays exact
    expect(worklistScore(9_000_000_000_000, 365, 3000)).toBe(98_550_000_000_000n);
  });
  it('past 2^53 (a customer at the 10^15 fen cap, long overdue) the score stays exact', () => {
    // ¥10,000,000,000,000.00 × 1000 days × 3.0 = 3 × 10^16 (mulDivRound threw: past 2^53)
    expect(worklistScore(1_000_000_000_000_000, 1000, 3000)).toBe(30_000_000_000_000_000n);
    expect(scoreText(worklistScore(1_000_000_000_000_000, 1000, 3000))).toBe('30000000000000000');
    // one fen more adds ¥0.01 × 1000 × 3.0 = 30; ¥0.01 at 1 day × risk 1.0 rounds to 0
    expect(worklistScore(1_000_000_000_000_001, 1000, 3000)).toBe(30_000_000_000_000_030n);
    // ¥10^13 × 3001 days × 3.001 = 90,060,010,000,000,000 (the float product is 90,060,010,000,000,000 too
    // but its neighbours are 16 apart: 1 fen more, +90.06 → +90, is lost as a number)
    expect(worklistScore(1_000_000_000_000_000, 3001, 3001)).toBe(90_060_010_000_000_000n);
    expect(worklistScore(1_000_000_000_000_001, 3001, 3001)).toBe(90_060_010_000_000_090n);
    // risk unbounded (many broken promises): 10^15 × 36,500 × 500.0
    expect(worklistScore(1_000_000_000_000_000, 36_500, 500_000)).toBe(182_500_000_000_000_000_000n);
    // 2^53 + 1 and 2^53 + 2 differ by 1 and rank apart (as numbers they were equal)
    const a = 9_007_199_254_740_993n;
    const b = 9_007_199_254_740_994n;
    expect([a, b].sort(compareScoresDesc)).toEqual([b, a]);
    expect(compareScoresDesc(a, a)).toBe(0);
    expect(groupDigits(scoreText(b))).toBe('9,007,199,254,740,994');
    expect(groupDigits('64727')).toBe('64,727');
    expect(groupDigits('500')).toBe('500');
    expect(groupDigits('0')).toBe('0');
  });
});
