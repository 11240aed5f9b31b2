// Credit overview (信用总览) as of a day: customers over or near their limit, reviews due,
// recent downgrades, the grade distribution and the limit-utilisation distribution. One pass
// over the credit position of every customer (reports/credit.ts).
import type Database from 'better-sqlite3';
import { backtestByGrade, creditFactsAsOf, recentDowngrades, zeroLimitMeansNone } from '../db/credit-store';
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
  const rep = { rows: facts.map((f) => positionRow(f, open.get(f.id) ?? 0, asOf, zeroIsNone)) };
  const byCode = new Map(facts.map((f) => [f.code, { customerId: f.id, customerName: f.name }]));
  const overLimit: CreditOverview['overLimit'] = [];
  const nearLimit: CreditOverview['nearLimit'] = [];
  const reviewsDue: CreditOverview['reviewsDue'] = [];
  const gradeCount = new Map<string, number>();
  const bandCount = new Map<string, number>(UTILISATION_BANDS.map((b) => [b.key, 0]));
  for (const r of rep.rows) {
    const who = byCode.get(r.customerCode)!;
    if (r.rating) gradeCount.set(r.rating, (gradeCount.get(r.rating) ?? 0) + 1);
    if (r.utilisationBp !== null) {
      const band = UTILISATION_BANDS.find((b) => r.utilisationBp! >= b.from && r.utilisationBp! < b.to)!;
      bandCount.set(band.key, bandCount.get(band.key)! + 1);
      if (r.utilisationBp > 10_000) overLimit.push({ ...r, ...who });
      else if (r.utilisationBp >= nearBp) nearLimit.push({ ...r, ...who });
    }
    if (r.nextReviewDue && r.nextReviewDue <= dueBy) reviewsDue.push({ ...r, ...who, overdue: r.nextReviewDue < asOf });
  }
  overLimit.sort((a, b) => b.utilisationBp! - a.utilisationBp! || a.customerCode.localeCompare(b.customerCode));
  nearLimit.sort((a, b) => b.utilisationBp! - a.utilisationBp! || a.customerCode.localeCompare(b.customerCode));
  reviewsDue.sort(
    (a, b) => a.nextReviewDue!.localeCompare(b.nextReviewDue!) || a.customerCode.localeCompare(b.customerCode),
  );
  return {
    asOf,
    customers: rep.rows.length,
    overLimit: overLimit.slice(0, listLimit),
    nearLimit: nearLimit.slice(0, listLimit),
    reviewsDue: reviewsDue.slice(0, listLimit),
    downgrades: recentDowngrades(sqlite, addDays(asOf, -90)),
    grades: [...GRADES.map((g) => ({ grade: g, customers: gradeCount.get(g) ?? 0 }))],
    utilisation: UTILISATION_BANDS.map((b) => ({ band: b.key, customers: bandCount.get(b.key)! })),
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
