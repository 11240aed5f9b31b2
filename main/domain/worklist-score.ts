// Today's worklist ranking (今日催收), in integer arithmetic (no floats on money):
//   average days late = round(Σ days late ÷ allocations counted)            (whole days, half up)
//   risk (milli)      = 1000 + 500 × broken + 250 × partly kept
//                       + min(1000, round(average days late × 1000 ÷ 60))  (60 days late = +1)
//   score             = round(amount in fen × max(days overdue, 1) × risk milli ÷ 100,000)
//                     = yuan × days × risk, rounded to a whole number (only used to rank)
// The score is a BigInt: a customer at the gross cap (10^15 fen, book-limits.ts) 1,000 days
// overdue with risk 3.000 scores 3 × 10^16, past 2^53, and promises (hence risk) are unbounded.
// It crosses IPC as a decimal string (exact, JSON-safe); rank with compareScores, never Number().
import { mulDivRound } from '../../shared/money';

export function averageDaysLate(lateDays: number, count: number): number {
  return count > 0 ? mulDivRound(lateDays, 1, count) : 0;
}

export function riskMilli(broken: number, partlyKept: number, avgDaysLate: number): number {
  return 1000 + 500 * broken + 250 * partlyKept + Math.min(1000, mulDivRound(avgDaysLate, 1000, 60));
}

export function worklistScore(amountFen: number, daysOverdue: number, risk: number): bigint {
  for (const v of [amountFen, daysOverdue, risk])
    if (!Number.isSafeInteger(v)) throw new TypeError(`worklistScore: integers only, got ${v}`);
  const n = BigInt(amountFen) * BigInt(Math.max(daysOverdue, 1)) * BigInt(risk);
  const neg = n < 0n;
  const q = ((neg ? -n : n) * 2n + 100_000n) / 200_000n; // half away from zero, exact
  return neg ? -q : q;
}

/** Descending order of scores (highest first); exact at any size. */
export function compareScoresDesc(a: bigint, b: bigint): number {
  return a > b ? -1 : a < b ? 1 : 0;
}

/** A score for JSON/IPC: its exact decimal digits ("30000000000000000"). */
export function scoreText(score: bigint): string {
  return score.toString();
}
