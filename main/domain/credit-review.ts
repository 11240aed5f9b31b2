// Credit classes for reporting (信用报告类别, SPEC §4) and when the next credit report is due.
//
// Rule (documented in docs/credit.md): class A is reviewed every 6 months, B every 3, C every
// month. The next report is due on the 10th of the month that lies that many months after the
// month of the last report (or, with no report yet, of the day the class was set):
//   last report 2026-03-25, class B → due 2026-06-10; last report 2026-01-31, class C → 2026-02-10.
// A customer with a class but no report and no dated class record is due on the first 10th on
// or after the as-of date (never reviewed: due now). No class → no review is due (null).
import { assertDate, type IsoDate } from './dates';

export const CREDIT_CLASSES = ['A', 'B', 'C'] as const;
export type CreditClass = (typeof CREDIT_CLASSES)[number];

export const REVIEW_MONTHS: Readonly<Record<CreditClass, number>> = { A: 6, B: 3, C: 1 };

/** Reports fall due by this day of the month. */
export const REVIEW_DAY = 10;

export function isCreditClass(v: unknown): v is CreditClass {
  return typeof v === 'string' && (CREDIT_CLASSES as readonly string[]).includes(v);
}

function ymd(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The 10th of the month `months` after the month of `base`. */
export function reviewDueAfter(base: IsoDate, creditClass: CreditClass): IsoDate {
  assertDate(base, 'base');
  const y = Number(base.slice(0, 4));
  const m = Number(base.slice(5, 7));
  const idx = y * 12 + (m - 1) + REVIEW_MONTHS[creditClass];
  return ymd(Math.floor(idx / 12), (idx % 12) + 1, REVIEW_DAY);
}

/** First 10th on or after `asOf`. */
export function firstReviewDayFrom(asOf: IsoDate): IsoDate {
  assertDate(asOf, 'asOf');
  const y = Number(asOf.slice(0, 4));
  const m = Number(asOf.slice(5, 7));
  const d = Number(asOf.slice(8, 10));
  if (d <= REVIEW_DAY) return ymd(y, m, REVIEW_DAY);
  return m === 12 ? ymd(y + 1, 1, REVIEW_DAY) : ymd(y, m + 1, REVIEW_DAY);
}

/**
 * Next credit report due as of `asOf`: from the last report (regular or emergency) or, failing
 * that, the day the class was set; null without a class. A due date before `asOf` is overdue.
 */
export function nextReviewDue(input: {
  creditClass: string | null;
  lastReportOn: IsoDate | null;
  classSetOn: IsoDate | null;
  asOf: IsoDate;
}): IsoDate | null {
  if (!isCreditClass(input.creditClass)) return null;
  const base = input.lastReportOn ?? input.classSetOn;
  return base ? reviewDueAfter(base, input.creditClass) : firstReviewDayFrom(input.asOf);
}
