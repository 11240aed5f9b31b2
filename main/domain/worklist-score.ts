// Today's worklist ranking (今日催收), in integer arithmetic (no floats on money):
//   average days late = round(Σ days late ÷ allocations counted)            (whole days, half up)
//   risk (milli)      = 1000 + 500 × broken + 250 × partly kept
//                       + min(1000, round(average days late × 1000 ÷ 60))  (60 days late = +1)
//   score             = round(amount in fen × max(days overdue, 1) × risk milli ÷ 100,000)
//                     = yuan × days × risk, rounded to a whole number (only used to rank)
import { mulDivRound } from '../../shared/money';

export function averageDaysLate(lateDays: number, count: number): number {
  return count > 0 ? mulDivRound(lateDays, 1, count) : 0;
}

export function riskMilli(broken: number, partlyKept: number, avgDaysLate: number): number {
  return 1000 + 500 * broken + 250 * partlyKept + Math.min(1000, mulDivRound(avgDaysLate, 1000, 60));
}

export function worklistScore(amountFen: number, daysOverdue: number, risk: number): number {
  return mulDivRound(amountFen, Math.max(daysOverdue, 1) * risk, 100_000);
}
