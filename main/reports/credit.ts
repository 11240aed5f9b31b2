// Credit position of every customer as of a date (SPEC §4): rating, credit class, approved
// limit, exposure (open receivables net of unapplied credits + notes receivable not yet
// settled, all as of the date), available, utilisation and the next credit report due.
// The shape is the fixed interface of `creditdesk credit --format json`.
import type Database from 'better-sqlite3';
import { mulDivRound } from '../../shared/money';
import { creditFactsAsOf, zeroLimitMeansNone, type CreditFactsRow } from '../db/credit-store';
import { bucketSumsAsOf, bucketSumsCurrent, creditsAsOf, creditsCurrent, latestDate } from '../db/receivables/as-of';
import { nextReviewDue } from '../domain/credit-review';

export interface CreditPositionRow {
  customerCode: string;
  rating: string | null;
  creditClass: string | null;
  creditLimit: number | null;
  exposure: number;
  available: number | null;
  utilisationBp: number | null;
  nextReviewDue: string | null;
  onHold: boolean;
}

export interface CreditPositionReport {
  asOf: string;
  rows: CreditPositionRow[];
}

const ALL_DATES = [{ lo: '0000-00-00', hi: '9999-99-99' }];

/** Open receivables per customer id as of `asOf`, net of unapplied credits. */
export function openReceivablesAsOf(sqlite: Database.Database, asOf: string, customerId?: number): Map<number, number> {
  const latest = latestDate(sqlite);
  const current = latest === null || asOf >= latest;
  const sums = current
    ? bucketSumsCurrent(sqlite, 'due', ALL_DATES, customerId)
    : bucketSumsAsOf(sqlite, asOf, 'due', ALL_DATES, customerId);
  const open = new Map<number, number>();
  for (let j = 0; j < sums.cid.length; j++) open.set(sums.cid[j], sums.cells[j] + sums.neg[j]);
  for (const c of current ? creditsCurrent(sqlite, customerId) : creditsAsOf(sqlite, asOf, customerId))
    open.set(c.cid, (open.get(c.cid) ?? 0) - c.credit);
  return open;
}

/** The approved limit as of the date: the latest decision in effect, else the initial one. */
export function limitAsOf(f: CreditFactsRow): number {
  if (f.limitAsOf !== null) return f.limitAsOf;
  if (f.hasDecisions) return f.initialLimit ?? 0;
  return f.curLimit; // no history at all (a book written before credit management)
}

/** The grade as of the date: from the rating history, else (no history) the customer's column. */
export function ratingOf(f: CreditFactsRow): string | null {
  return f.hasRatings ? f.ratingAsOf : f.curRating;
}

/** The credit class as of the date: from the class history, else the customer's column. */
export function classOf(f: CreditFactsRow): string | null {
  return f.hasClasses ? f.classAsOf : f.curClass;
}

export function positionRow(
  f: CreditFactsRow,
  openReceivables: number,
  asOf: string,
  zeroIsNone: boolean,
  /** next-review dates by class and base date, shared over a whole-book pass (few distinct dates) */
  dueCache?: Map<string, string | null>,
): CreditPositionRow {
  const rating = ratingOf(f);
  const creditClass = classOf(f);
  const amount = limitAsOf(f);
  const limit = amount === 0 && zeroIsNone ? null : amount;
  const exposure = openReceivables + f.notes;
  return {
    customerCode: f.code,
    rating,
    creditClass,
    creditLimit: limit,
    exposure,
    available: limit === null ? null : limit - exposure,
    utilisationBp: limit === null || limit === 0 ? null : mulDivRound(exposure, 10_000, limit),
    nextReviewDue: reviewDue(creditClass, f.lastReportOn, f.hasClasses ? f.classSetOn : null, asOf, dueCache),
    onHold: f.lifecycle === 'suspended',
  };
}

/** Next credit report due (domain/credit-review.ts), memoised by class and base date over a whole-book pass. */
export function reviewDue(
  creditClass: string | null,
  lastReportOn: string | null,
  classSetOn: string | null,
  asOf: string,
  cache: Map<string, string | null> | undefined,
): string | null {
  if (creditClass === null) return null; // no class, no review (skips the date arithmetic)
  if (!cache) return nextReviewDue({ creditClass, lastReportOn, classSetOn, asOf });
  const key = `${creditClass}|${lastReportOn ?? ''}|${classSetOn ?? ''}`;
  let due = cache.get(key);
  if (due === undefined) {
    due = nextReviewDue({ creditClass, lastReportOn, classSetOn, asOf });
    cache.set(key, due);
  }
  return due;
}

export function creditPositionReport(sqlite: Database.Database, asOf: string): CreditPositionReport {
  const open = openReceivablesAsOf(sqlite, asOf);
  const zeroIsNone = zeroLimitMeansNone(sqlite);
  const dueCache = new Map<string, string | null>();
  const rows = creditFactsAsOf(sqlite, asOf).map((f) =>
    positionRow(f, open.get(f.id) ?? 0, asOf, zeroIsNone, dueCache),
  );
  return { asOf, rows };
}
