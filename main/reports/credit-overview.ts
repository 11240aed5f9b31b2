// Credit overview (信用总览) as of a day: customers over or near their limit, reviews due,
// recent downgrades, the grade distribution and the limit-utilisation distribution. One pass
// over the credit position of every customer (reports/credit.ts).
import type Database from 'better-sqlite3';
import {
  backtestByGrade,
  creditFactsAsOf,
  recentDowngrades,
  zeroLimitMeansNone,
  type CreditFactsRow,
} from '../db/credit-store';
import { addDays } from '../domain/dates';
import { GRADES } from '../domain/credit-rules';
import { openReceivablesAsOf, positionRow, type CreditPositionRow } from './credit';

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
  const nearBp = opts.nearBp ?? 9000;
  const dueBy = addDays(asOf, opts.dueWithinDays ?? 31);
  const listLimit = opts.listLimit ?? 500;
  // one pass over the credit facts (names included: a second scan of the wide customer rows costs seconds)
  const facts = creditFactsAsOf(sqlite, asOf);
  const open = openReceivablesAsOf(sqlite, asOf);
  const zeroIsNone = zeroLimitMeansNone(sqlite);
  const dueCache = new Map<string, string | null>();
  type Hit = { r: CreditPositionRow; who: CreditFactsRow };
  const over: Hit[] = [];
  const near: Hit[] = [];
  const due: Hit[] = [];
  const gradeCount = new Map<string, number>();
  const bandCount = UTILISATION_BANDS.map(() => 0);
  for (const f of facts) {
    const r = positionRow(f, open.get(f.id) ?? 0, asOf, zeroIsNone, dueCache);
    if (r.rating) gradeCount.set(r.rating, (gradeCount.get(r.rating) ?? 0) + 1);
    const bp = r.utilisationBp;
    if (bp !== null) {
      bandCount[bandIndex(bp)]++;
      if (bp > 10_000) over.push({ r, who: f });
      else if (bp >= nearBp) near.push({ r, who: f });
    }
    if (r.nextReviewDue && r.nextReviewDue <= dueBy) due.push({ r, who: f });
  }
  // objects for the listed rows only (the lists are cut to listLimit after sorting)
  const byUtilisation = (a: Hit, b: Hit) =>
    b.r.utilisationBp! - a.r.utilisationBp! || byCode.compare(a.r.customerCode, b.r.customerCode);
  const listed = (hits: Hit[], cmp: (a: Hit, b: Hit) => number) => hits.sort(cmp).slice(0, listLimit);
  const withWho = ({ r, who }: Hit) => ({ ...r, customerId: who.id, customerName: who.name });
  const overLimit: CreditOverview['overLimit'] = listed(over, byUtilisation).map(withWho);
  const nearLimit: CreditOverview['nearLimit'] = listed(near, byUtilisation).map(withWho);
  const reviewsDue: CreditOverview['reviewsDue'] = listed(
    due,
    (a, b) =>
      a.r.nextReviewDue!.localeCompare(b.r.nextReviewDue!) || byCode.compare(a.r.customerCode, b.r.customerCode),
  ).map((h) => ({ ...withWho(h), overdue: h.r.nextReviewDue! < asOf }));
  return {
    asOf,
    customers: facts.length,
    overLimit,
    nearLimit,
    reviewsDue,
    downgrades: recentDowngrades(sqlite, addDays(asOf, -90)),
    grades: [...GRADES.map((g) => ({ grade: g, customers: gradeCount.get(g) ?? 0 }))],
    utilisation: UTILISATION_BANDS.map((b, i) => ({ band: b.key, customers: bandCount[i] })),
    ms: Math.round(performance.now() - t0),
  };
}

export interface BacktestRow {
  grade: string;
  customers: number;
  bad: number;
  /** share in basis points of the grade's customers with an invoice later > 60 days overdue */
  badBp: number | null;
}

export function creditBacktest(
  sqlite: Database.Database,
  today: string,
): { asOf: string; rows: BacktestRow[]; ms: number } {
  const t0 = performance.now();
  const got = new Map(backtestByGrade(sqlite, today).map((r) => [r.grade, r]));
  const rows = GRADES.map((g) => {
    const r = got.get(g);
    const customers = r?.customers ?? 0;
    const bad = r?.bad ?? 0;
    return { grade: g, customers, bad, badBp: customers ? Math.round((bad * 10_000) / customers) : null };
  });
  return { asOf: today, rows, ms: Math.round(performance.now() - t0) };
}
