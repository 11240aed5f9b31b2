// Credit overview (信用总览) as of a day: customers over or near their limit, reviews due,
// recent downgrades, the grade distribution and the limit-utilisation distribution. One pass
// over the credit position of every customer (reports/credit.ts).
import type Database from 'better-sqlite3';
import { creditFactsAsOf, recentDowngrades, zeroLimitMeansNone } from '../db/credit-store';
import { bookStateKey, columnsFromFacts, keptCreditColumns, type CreditColumns } from '../db/credit/kept-facts';
import { withMappedReads } from '../db/mapped-reads';
import { leanOverviewLists, type LeanLists } from './credit-overview-lean';
import { addDays } from '../domain/dates';
import { GRADES } from '../domain/credit-rules';
import { mulDivRound } from '../../shared/money';
import { customerNames } from '../db/credit/lookups';
import { openReceivablesAsOf, positionAt, reviewDue, type CreditPositionRow } from './credit';

/** Utilisation bands in basis points: [from, to) — the last is open-ended. */
export const UTILISATION_BANDS = [
  { key: '0-50', from: -Infinity, to: 5000 },
  { key: '50-80', from: 5000, to: 8000 },
  { key: '80-90', from: 8000, to: 9000 },
  { key: '90-100', from: 9000, to: 10_000 },
  { key: 'over', from: 10_000, to: Infinity },
] as const;

/** Index of the band holding `bp` (the bands above, without a search per customer). */
function bandIndex(bp: number): number {
  if (bp < 5000) return 0;
  if (bp < 8000) return 1;
  if (bp < 9000) return 2;
  if (bp < 10_000) return 3;
  return 4;
}

/** Ties by customer code as `localeCompare` orders them (a collator compares faster). */
const byCode = new Intl.Collator();

/**
 * Each customer's place in code order as `localeCompare` orders codes, so the lists' ties
 * compare two integers instead of two strings through the collator (100,000 customers due for
 * review were 1.7 million collator calls). The facts come in binary code order; when that is
 * already collator order (the usual case: one check per neighbour pair) the rank is the index,
 * else one stable collator sort.
 */
function codeRanks(codes: readonly string[]): Int32Array {
  const ranks = new Int32Array(codes.length);
  let ordered = true;
  for (let i = 1; i < codes.length && ordered; i++) ordered = byCode.compare(codes[i - 1], codes[i]) <= 0;
  if (ordered) for (let i = 0; i < codes.length; i++) ranks[i] = i;
  else {
    const order = codes.map((_, i) => i).sort((a, b) => byCode.compare(codes[a], codes[b]));
    order.forEach((i, k) => (ranks[i] = k));
  }
  return ranks;
}

/** What does not move with the receivables: grades, ranks and review dates (no exposure in them). */
interface StandingPart {
  asOf: string;
  rank: Int32Array;
  grades: Map<string, number>;
  /** customers with a review date, by date then code: [fact index, date] */
  reviews: { i: number; due: string }[];
}

/**
 * Kept per facts array: the store hands back the same array while no customer and no credit
 * fact has been written (db/credit-store.ts), so a later visit only adds up exposures.
 */
const standingCache = new WeakMap<CreditColumns, StandingPart>();

function standingPart(c: CreditColumns, asOf: string): StandingPart {
  const hit = standingCache.get(c);
  if (hit && hit.asOf === asOf) return hit;
  const rank = codeRanks(c.code);
  const grades = new Map<string, number>();
  const dueCache = new Map<string, string | null>();
  const reviews: StandingPart['reviews'] = [];
  for (let i = 0; i < c.n; i++) {
    const rating = c.rating[i];
    if (rating) grades.set(rating, (grades.get(rating) ?? 0) + 1);
    const due = reviewDue(c.creditClass[i], c.lastReportOn[i], c.classSetOn[i], asOf, dueCache);
    if (due) reviews.push({ i, due });
  }
  // ISO dates of one length: plain comparison is their order
  reviews.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : rank[a.i] - rank[b.i]));
  const part = { asOf, rank, grades, reviews };
  standingCache.set(c, part);
  return part;
}

/**
 * Every customer's credit position inputs as of the date: from the trigger-kept table
 * (db/credit/kept-facts.ts) for any date on or after the ledger's latest — the overview's usual
 * "today", first visit included — else rebuilt from the history and the documents.
 */
function creditColumns(sqlite: Database.Database, asOf: string): CreditColumns {
  return (
    keptCreditColumns(sqlite, asOf) ??
    columnsFromFacts(creditFactsAsOf(sqlite, asOf), openReceivablesAsOf(sqlite, asOf))
  );
}

export interface CreditOverview {
  asOf: string;
  customers: number;
  overLimit: (CreditPositionRow & { customerId: number; customerName: string })[];
  nearLimit: (CreditPositionRow & { customerId: number; customerName: string })[];
  reviewsDue: (CreditPositionRow & { customerId: number; customerName: string; overdue: boolean })[];
  downgrades: ReturnType<typeof recentDowngrades>;
  grades: { grade: string; customers: number }[];
  utilisation: { band: string; customers: number }[];
  ms: number;
}

/** Near limit from 90 % of the limit; reviews due within `dueWithinDays` (default 31) or overdue. */
export function creditOverview(
  sqlite: Database.Database,
  asOf: string,
  opts: { nearBp?: number; dueWithinDays?: number; listLimit?: number } = {},
): CreditOverview {
  const t0 = performance.now();
  const o = {
    nearBp: opts.nearBp ?? 9000,
    dueBy: addDays(asOf, opts.dueWithinDays ?? 31),
    listLimit: opts.listLimit ?? 500,
    zeroIsNone: zeroLimitMeansNone(sqlite),
  };
  // a later visit with nothing written since: the same answer (kept per connection)
  const state = bookStateKey(sqlite);
  const key = state === null ? null : `${state}|${asOf}|${o.nearBp}|${o.dueBy}|${o.listLimit}|${o.zeroIsNone}`;
  const hit = overviewCache.get(sqlite);
  if (key !== null && hit?.key === key) return { ...hit.value, ms: Math.round(performance.now() - t0) };
  // first visit: only what the page shows (credit-overview-lean.ts), else the whole-book columns
  const lists = leanOverviewLists(sqlite, asOf, o) ?? columnLists(sqlite, asOf, o);
  // names for the listed rows alone (the wide customer rows are not scanned)
  const { overLimit, nearLimit, reviewsDue } = lists;
  const listed = [...overLimit, ...nearLimit, ...reviewsDue];
  const names = withMappedReads(sqlite, () =>
    customerNames(
      sqlite,
      listed.map((r) => r.customerId),
    ),
  );
  for (const r of listed) r.customerName = names.get(r.customerId) ?? '';
  const value: CreditOverview = {
    asOf,
    customers: lists.customers,
    overLimit,
    nearLimit,
    reviewsDue,
    downgrades: recentDowngrades(sqlite, addDays(asOf, -90)),
    grades: [...GRADES.map((g) => ({ grade: g, customers: lists.grades.get(g) ?? 0 }))],
    utilisation: UTILISATION_BANDS.map((b, i) => ({ band: b.key, customers: lists.bandCount[i] })),
    ms: 0,
  };
  if (key !== null) overviewCache.set(sqlite, { key, value });
  return { ...value, ms: Math.round(performance.now() - t0) };
}

const overviewCache = new WeakMap<Database.Database, { key: string; value: CreditOverview }>();

/** The lists and counts from the whole book's columns (any date, any codes). */
function columnLists(
  sqlite: Database.Database,
  asOf: string,
  o: { nearBp: number; dueBy: string; listLimit: number; zeroIsNone: boolean },
): LeanLists {
  const cols = creditColumns(sqlite, asOf);
  const standing = standingPart(cols, asOf);
  const rank = standing.rank;
  // per customer only the limit use; full rows for the listed customers alone
  type Hit = { i: number; bp: number };
  const over: Hit[] = [];
  const near: Hit[] = [];
  const bandCount = UTILISATION_BANDS.map(() => 0);
  for (let i = 0; i < cols.n; i++) {
    const limit = cols.limit[i];
    if (limit === 0) continue; // no limit (zero means none) or a zero limit: no utilisation
    const bp = mulDivRound(cols.exposure[i], 10_000, limit);
    bandCount[bandIndex(bp)]++;
    if (bp > 10_000) over.push({ i, bp });
    else if (bp >= o.nearBp) near.push({ i, bp });
  }
  const dueCache = new Map<string, string | null>();
  const rowOf = (i: number) => ({
    ...positionAt(cols, i, asOf, o.zeroIsNone, dueCache),
    customerId: cols.id[i],
    customerName: '',
  });
  const byUtilisation = (a: Hit, b: Hit) => b.bp - a.bp || rank[a.i] - rank[b.i];
  const reviewsDue: LeanLists['reviewsDue'] = [];
  for (const { i, due } of standing.reviews) {
    if (due > o.dueBy || reviewsDue.length === o.listLimit) break;
    reviewsDue.push({ ...rowOf(i), overdue: due < asOf });
  }
  return {
    customers: cols.n,
    overLimit: over
      .sort(byUtilisation)
      .slice(0, o.listLimit)
      .map((h) => rowOf(h.i)),
    nearLimit: near
      .sort(byUtilisation)
      .slice(0, o.listLimit)
      .map((h) => rowOf(h.i)),
    reviewsDue,
    grades: standing.grades,
    bandCount,
  };
}

export { creditBacktest, type BacktestRow } from './credit-backtest';
