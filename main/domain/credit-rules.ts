// Credit rules beyond the limit check (SPEC §4 Control) and validation of the user's credit
// settings and worksheet figures. Validators return per-field messages as i18n keys (the
// renderer translates them; the CLI and logs print the key with the field), never throw.
import { SIX_C, type CreditGrade, type SixC } from './credit';

export interface FieldIssue {
  field: string;
  message: string; // i18n key, e.g. 'credit.error.weightsSum'
  params?: Record<string, string | number>;
}

/** 6C weights: whole numbers 0–100 that sum to exactly 100. */
export function validateWeights(weights: Partial<Record<SixC, unknown>>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  let sum = 0;
  for (const k of SIX_C) {
    const w = weights[k];
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w > 100) {
      issues.push({ field: `weights.${k}`, message: 'credit.error.weightRange' });
    } else sum += w;
  }
  if (issues.length === 0 && sum !== 100) issues.push({ field: 'weights', message: 'credit.error.weightsSum', params: { sum } });
  return issues;
}

export const GRADES: readonly CreditGrade[] = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D'];

/** Grade thresholds: one minimum per grade AAA … C (D is the rest), 0–100, strictly decreasing. */
export function validateGradeThresholds(thresholds: readonly { grade: string; min: unknown }[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const expected = GRADES.slice(0, -1);
  if (thresholds.length !== expected.length || thresholds.some((t, i) => t.grade !== expected[i])) {
    return [{ field: 'thresholds', message: 'credit.error.thresholdGrades' }];
  }
  thresholds.forEach((t, i) => {
    const min = t.min;
    if (typeof min !== 'number' || !Number.isFinite(min) || min < 0 || min > 100) {
      issues.push({ field: `thresholds.${t.grade}`, message: 'credit.error.thresholdRange' });
      return;
    }
    const prev = i > 0 ? thresholds[i - 1].min : null;
    if (typeof prev === 'number' && !(min < prev)) {
      issues.push({ field: `thresholds.${t.grade}`, message: 'credit.error.thresholdDecreasing', params: { above: thresholds[i - 1].grade } });
    }
  });
  return issues;
}

/** Worksheet figures: money and counts must be non-negative whole numbers (fen / units). */
export function validateNonNegative(values: Record<string, unknown>, opts: { positive?: readonly string[] } = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const [field, v] of Object.entries(values)) {
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) issues.push({ field, message: 'credit.error.wholeNumber' });
    else if (v < 0) issues.push({ field, message: 'credit.error.negative' });
    else if (opts.positive?.includes(field) && v === 0) issues.push({ field, message: 'credit.error.positive' });
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
