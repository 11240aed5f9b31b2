// Loyalty type (SPEC §7: loyal / brand-switching / no loyalty), derived from the book when the
// user has not set it. The rule (docs/architecture.md, tests assert it):
// - window: the 12 whole calendar months ending with the last complete month on or before D
//   (the value-tier window rule with N = 12);
// - active month: a window month whose net sales (invoices issued minus credit notes dated in it,
//   voided excluded) are above zero;
// - loyal: at least 9 active months and, if scored in the window, average satisfaction ≥ 3.5
//   (2·Σscore ≥ 7·count, integer arithmetic);
// - switching (brand-switching): at least 3 active months otherwise (buys, but unsteadily or
//   unhappily — likely splitting orders with competitors);
// - none (no loyalty): fewer than 3 active months.
import type { LoyaltyFacts, LoyaltyType } from '../../shared/types-service';
import { addMonths, assertDate, monthEnd, monthStart, type IsoDate } from './dates';

export const LOYALTY_WINDOW_MONTHS = 12;
export const LOYAL_MIN_MONTHS = 9;
export const SWITCHING_MIN_MONTHS = 3;

export function loyaltyWindow(asOf: IsoDate): { from: IsoDate; to: IsoDate } {
  assertDate(asOf, 'asOf');
  const to = asOf === monthEnd(asOf) ? asOf : monthEnd(addMonths(monthStart(asOf), -1));
  return { from: addMonths(monthStart(to), -(LOYALTY_WINDOW_MONTHS - 1)), to };
}

export function classifyLoyalty(f: LoyaltyFacts): LoyaltyType {
  const happy = f.scoreCount === 0 || 2 * f.scoreSum >= 7 * f.scoreCount;
  if (f.activeMonths >= LOYAL_MIN_MONTHS && happy) return 'loyal';
  if (f.activeMonths >= SWITCHING_MIN_MONTHS) return 'switching';
  return 'none';
}

export interface DatedAmount {
  date: IsoDate;
  amount: number;
  voided?: boolean;
}

/** The facts from a customer's documents and scores (the SQL path in main/db computes the same). */
export function loyaltyFacts(
  invoices: DatedAmount[],
  creditNotes: DatedAmount[],
  scores: { date: IsoDate; score: number }[],
  window: { from: IsoDate; to: IsoDate },
): LoyaltyFacts {
  const inWindow = (d: IsoDate) => d >= window.from && d <= window.to;
  const net = new Map<string, number>();
  for (const i of invoices)
    if (!i.voided && inWindow(i.date)) net.set(i.date.slice(0, 7), (net.get(i.date.slice(0, 7)) ?? 0) + i.amount);
  for (const n of creditNotes)
    if (!n.voided && inWindow(n.date)) net.set(n.date.slice(0, 7), (net.get(n.date.slice(0, 7)) ?? 0) - n.amount);
  let activeMonths = 0;
  for (const v of net.values()) if (v > 0) activeMonths++;
  let scoreSum = 0;
  let scoreCount = 0;
  for (const s of scores)
    if (inWindow(s.date)) {
      scoreSum += s.score;
      scoreCount++;
    }
  return { activeMonths, scoreSum, scoreCount };
}

export interface ServiceIssue {
  field: string;
  key: string;
}

/** A follow-up task: a title, a due date not more than 5 years after today. */
export function checkTask(t: { title: string; dueOn: IsoDate }, today: IsoDate): ServiceIssue[] {
  const issues: ServiceIssue[] = [];
  if (!t.title.trim()) issues.push({ field: 'title', key: 'required' });
  if (t.dueOn > addMonths(today, 60)) issues.push({ field: 'dueOn', key: 'out_of_range' });
  return issues;
}

/** A satisfaction record is not dated in the future; its score is a whole 1–5. */
export function checkSatisfaction(s: { surveyedOn: IsoDate; score: number }, today: IsoDate): ServiceIssue[] {
  const issues: ServiceIssue[] = [];
  if (!Number.isInteger(s.score) || s.score < 1 || s.score > 5) issues.push({ field: 'score', key: 'out_of_range' });
  if (s.surveyedOn > today) issues.push({ field: 'surveyedOn', key: 'out_of_range' });
  return issues;
}

/** A task cannot be marked done on a future day. */
export function checkDone(doneOn: IsoDate, today: IsoDate): ServiceIssue[] {
  return doneOn > today ? [{ field: 'doneOn', key: 'out_of_range' }] : [];
}
