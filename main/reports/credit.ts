// Credit position of every customer as of a date (SPEC §4): rating, credit class, approved
// limit, exposure (open receivables net of unapplied credits + notes receivable not yet
// settled, all as of the date), available, utilisation and the next credit report due.
// The shape is the fixed interface of `creditdesk credit --format json`.
import type Database from 'better-sqlite3';
import { mulDivRound } from '../../shared/money';
import { creditFactsAsOf, zeroLimitMeansNone, type CreditFactsRow } from '../db/credit-store';
import { bucketSumsAsOf, bucketSumsCurrent, creditsAsOf, creditsCurrent, latestDate } from '../db/receivables/as-of';
import { nextReviewDue } from '../domain/credit-review';
import { columnsRow, keptCreditColumns, type CreditColumns } from '../db/credit/kept-facts';

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

export function positionRow(
  f: CreditFactsRow,
  openReceivables: number,
  asOf: string,
  zeroIsNone: boolean,
  /** next-review dates by class and base date, shared over a whole-book pass (few distinct dates) */
  dueCache?: Map<string, string | null>,
): CreditPositionRow {
  const [hold, exposure, amount, rating, creditClass, setOn] = columnsRow(f, openReceivables);
  return position(
    f.code,
    rating,
    creditClass,
    amount,
    exposure,
    f.lastReportOn,
    setOn,
    hold === 1,
    asOf,
    zeroIsNone,
    dueCache,
  );
}

/** The position row of the customer at index i of the whole-book columns (db/credit/kept-facts.ts). */
export function positionAt(
  c: CreditColumns,
  i: number,
  asOf: string,
  zeroIsNone: boolean,
  dueCache?: Map<string, string | null>,
): CreditPositionRow {
  const hold = c.onHold[i] === 1;
  return position(
    c.code[i],
    c.rating[i],
    c.creditClass[i],
    c.limit[i],
    c.exposure[i],
    c.lastReportOn[i],
    c.classSetOn[i],
    hold,
    asOf,
    zeroIsNone,
    dueCache,
  );
}

function position(
  customerCode: string,
  rating: string | null,
  creditClass: string | null,
  amount: number,
  exposure: number,
  lastReportOn: string | null,
  classSetOn: string | null,
  onHold: boolean,
  asOf: string,
  zeroIsNone: boolean,
  dueCache: Map<string, string | null> | undefined,
): CreditPositionRow {
  const limit = amount === 0 && zeroIsNone ? null : amount;
  return {
    customerCode,
    rating,
    creditClass,
    creditLimit: limit,
    exposure,
    available: limit === null ? null : limit - exposure,
    utilisationBp: limit === null || limit === 0 ? null : mulDivRound(exposure, 10_000, limit),
    nextReviewDue: reviewDue(creditClass, lastReportOn, classSetOn, asOf, dueCache),
    onHold,
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
  const zeroIsNone = zeroLimitMeansNone(sqlite);
  const dueCache = new Map<string, string | null>();
  // on or after the ledger's latest date: the trigger-kept facts (one narrow scan) instead of
  // every customer's wide row, the history tables and 1,000,000 invoices' bucket sums
  const kept = keptCreditColumns(sqlite, asOf);
  if (kept) {
    const rows = codeOrder(kept.code).map((i) => positionAt(kept, i, asOf, zeroIsNone, dueCache));
    return { asOf, rows };
  }
  const open = openReceivablesAsOf(sqlite, asOf);
  const rows = creditFactsAsOf(sqlite, asOf).map((f) =>
    positionRow(f, open.get(f.id) ?? 0, asOf, zeroIsNone, dueCache),
  );
  return { asOf, rows };
}

/**
 * Row order of creditFactsAsOf (codes compared as JS strings). The kept columns come in SQLite's
 * byte order, which is the same except for codes with characters beyond U+E000: then sorted here.
 */
function codeOrder(codes: readonly string[]): number[] {
  const order = codes.map((_, i) => i);
  for (let i = 1; i < codes.length; i++)
    if (codes[i - 1] > codes[i]) return order.sort((a, b) => (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : 0));
  return order;
}
