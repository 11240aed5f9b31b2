// Credit rules beyond the limit check (SPEC §4 Control) and validation of the user's credit
// settings and worksheet figures. Validators return per-field issues whose keys are the app's
// validation message keys (validation.<key>, translated in the renderer), never throw.
import { SIX_C, type CreditGrade, type SixC } from './credit';
import { formatBp, mulDivRound } from '../../shared/money';

import type { FieldIssue } from '../../shared/validation';

export type { FieldIssue };

/** 6C weights: whole numbers 0–100 that sum to exactly 100. */
export function validateWeights(weights: Partial<Record<SixC, unknown>>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let sum = 0;
  for (const k of SIX_C) {
    const w = weights[k];
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w > 100) {
      issues.push({ field: `weights.${k}`, key: 'weight_range' });
    } else sum += w;
  }
  if (issues.length === 0 && sum !== 100) issues.push({ field: 'weights', key: 'weights_sum', values: { sum } });
  return issues;
}

export const GRADES: readonly CreditGrade[] = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D'];

/** Grade thresholds: one minimum per grade AAA … C (D is the rest), 0–100, strictly decreasing. */
export function validateGradeThresholds(thresholds: readonly { grade: string; min: unknown }[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const expected = GRADES.slice(0, -1);
  if (thresholds.length !== expected.length || thresholds.some((t, i) => t.grade !== expected[i])) {
    return [{ field: 'thresholds', key: 'threshold_grades' }];
  }
  thresholds.forEach((t, i) => {
    const min = t.min;
    if (typeof min !== 'number' || !Number.isFinite(min) || min < 0 || min > 100) {
      issues.push({ field: `thresholds.${t.grade}`, key: 'threshold_range' });
      return;
    }
    const prev = i > 0 ? thresholds[i - 1].min : null;
    if (typeof prev === 'number' && !(min < prev)) {
      issues.push({
        field: `thresholds.${t.grade}`,
        key: 'threshold_decreasing',
        values: { above: thresholds[i - 1].grade, aboveMin: prev },
      });
    }
  });
  return issues;
}

/** Worksheet figures: money and counts must be non-negative whole numbers (fen / units). */
export function validateNonNegative(
  values: Record<string, unknown>,
  opts: { positive?: readonly string[] } = {},
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) issues.push({ field, key: 'invalid_number' });
    else if (v < 0) issues.push({ field, key: 'must_not_be_negative' });
    else if (opts.positive?.includes(field) && v === 0) issues.push({ field, key: 'must_be_positive' });
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Control rules at invoice entry

export interface ControlPolicy {
  /** 最大欠款天数: block new invoices when the oldest open invoice is older than this (days since issue); null = off. */
  maxDaysOwed: number | null;
  /** Block when the overdue amount (open, past due) exceeds this many fen; null = off. */
  overdueAmountLimit: number | null;
}

export const DEFAULT_CONTROL_POLICY: Readonly<ControlPolicy> = { maxDaysOwed: null, overdueAmountLimit: null };

/**
 * Days owed of the oldest open invoice as of `today` (days since its issue date; 0 when none is
 * open). The invoice issued on `today` is owed 0 days.
 */
export function maxDaysOwedBreached(oldestOpenDays: number, maxDaysOwed: number | null): boolean {
  return maxDaysOwed !== null && oldestOpenDays > maxDaysOwed;
}

/** Overdue amount strictly above the threshold. */
export function overdueAmountBreached(overdueAmount: number, limit: number | null): boolean {
  return limit !== null && overdueAmount > limit;
}

/** 6C scores: whole numbers 0–100, one per C. */
export function validateScores(scores: Partial<Record<SixC, unknown>>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const k of SIX_C) {
    const s = scores[k];
    if (typeof s !== 'number' || !Number.isInteger(s) || s < 0 || s > 100)
      issues.push({ field: `scores.${k}`, key: 'score_range' });
  }
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Evidence from the book and the downgrade suggestion

export interface PaymentEvidence {
  /** average days paid late over the invoices settled or overdue (0 when none) */
  avgDaysLate: number;
  /** largest open amount past due, in fen */
  largestOverdue: number;
  /** months since the first invoice (0 when none) */
  ledgerMonths: number;
  /** payment promises decided as of today (kept, partly kept or broken; collections area) */
  decidedPromises?: number;
  /** of those, not kept in full (broken or partly kept) */
  brokenPromises?: number;
}

/**
 * Broken-promise rate in basis points: promises not kept in full ÷ promises decided (the
 * complement of the collections tab's kept rate), null when none is decided. Integer arithmetic.
 */
export function brokenPromiseRateBp(broken: number, decided: number): number | null {
  return decided > 0 ? mulDivRound(broken, 10_000, decided) : null;
}

/**
 * Promises break often (at least BROKEN_PROMISES.minDecided decided, at least
 * BROKEN_PROMISES.rateBp of them not kept in full) → B at best.
 */
export const BROKEN_PROMISES = { minDecided: 2, rateBp: 5000, grade: 'B' as CreditGrade };

/**
 * The best grade the payment record supports (documented in docs/credit.md): average days
 * late over 90 → CCC at best, over 60 → B, over 30 → BB, over 15 → A; otherwise no cap.
 */
export const LATENESS_CAPS: readonly { overDays: number; grade: CreditGrade }[] = [
  { overDays: 90, grade: 'CCC' },
  { overDays: 60, grade: 'B' },
  { overDays: 30, grade: 'BB' },
  { overDays: 15, grade: 'A' },
];

export type DowngradeSuggestion =
  | { grade: CreditGrade; key: 'late_payer'; values: { avgDaysLate: number; overDays: number } }
  | { grade: CreditGrade; key: 'broken_promises'; values: { broken: number; decided: number; ratePct: string } };

/**
 * A downgrade when the payment record contradicts the grade, with the reason; else null. Of
 * lateness and broken promises, the reason giving the lower grade wins (lateness on a tie).
 */
export function suggestDowngrade(grade: string | null, evidence: PaymentEvidence): DowngradeSuggestion | null {
  const rank = GRADES.indexOf(grade as CreditGrade);
  if (rank < 0) return null;
  const found: DowngradeSuggestion[] = [];
  const cap = LATENESS_CAPS.find((c) => evidence.avgDaysLate > c.overDays);
  if (cap)
    found.push({
      grade: cap.grade,
      key: 'late_payer',
      values: { avgDaysLate: evidence.avgDaysLate, overDays: cap.overDays },
    });
  const decided = evidence.decidedPromises ?? 0;
  const broken = evidence.brokenPromises ?? 0;
  const rateBp = brokenPromiseRateBp(broken, decided);
  if (rateBp !== null && decided >= BROKEN_PROMISES.minDecided && rateBp >= BROKEN_PROMISES.rateBp)
    found.push({
      grade: BROKEN_PROMISES.grade,
      key: 'broken_promises',
      values: { broken, decided, ratePct: formatBp(rateBp, 0) },
    });
  const worst = found
    .filter((s) => GRADES.indexOf(s.grade) > rank) // only a real downgrade
    .sort((a, b) => GRADES.indexOf(b.grade) - GRADES.indexOf(a.grade))[0];
  return worst ?? null;
}
