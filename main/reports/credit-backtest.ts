// Grade back-test (等级回测, issue 12): for each grade, the share of customers whose invoices later
// went more than 60 days overdue. At 1,000,000 invoices this takes seconds, so it runs in slices
// of customer ids: progress after each slice, and a cancel is honoured before the next one. The
// report worker runs it (reports/jobs.ts) with the app's window kept free; small books and the
// bench run it in-thread.
import type Database from 'better-sqlite3';
import { backtestByGrade, customerIdSpan } from '../db/credit/backtest';
import { GRADES } from '../domain/credit-rules';
import type { CreditBacktestOut } from '../../shared/types-credit';

export type BacktestRow = CreditBacktestOut['rows'][number];

/** How far the back-test is: slices done of all, customers with a grade counted so far. */
export interface BacktestProgress {
  done: number;
  total: number;
  customers: number;
}

export interface BacktestControl {
  onProgress?: (p: BacktestProgress) => void;
  /** checked before each slice: true stops the run (the answer is then null) */
  isCancelled?: () => boolean;
}

/** Slices per run: progress moves in 2 % steps; each slice is one indexed pass over its customers. */
export const BACKTEST_SLICES = 50;

export function creditBacktest(sqlite: Database.Database, today: string): CreditBacktestOut;
export function creditBacktest(
  sqlite: Database.Database,
  today: string,
  ctl: BacktestControl,
): CreditBacktestOut | null;
export function creditBacktest(
  sqlite: Database.Database,
  today: string,
  ctl: BacktestControl = {},
): CreditBacktestOut | null {
  const t0 = performance.now();
  const span = customerIdSpan(sqlite);
  const total = span ? Math.min(BACKTEST_SLICES, span.hi - span.lo + 1) : 0;
  const width = span ? Math.ceil((span.hi - span.lo + 1) / Math.max(total, 1)) : 0;
  const sums = new Map<string, { customers: number; bad: number }>();
  let customers = 0;
  for (let k = 0; k < total; k++) {
    if (ctl.isCancelled?.()) return null;
    const lo = span!.lo + k * width;
    for (const r of backtestByGrade(sqlite, today, lo, Math.min(lo + width - 1, span!.hi))) {
      const s = sums.get(r.grade) ?? { customers: 0, bad: 0 };
      s.customers += r.customers;
      s.bad += r.bad;
      sums.set(r.grade, s);
      customers += r.customers;
    }
    ctl.onProgress?.({ done: k + 1, total, customers });
  }
  if (ctl.isCancelled?.()) return null;
  const rows = GRADES.map((g) => {
    const customers = sums.get(g)?.customers ?? 0;
    const bad = sums.get(g)?.bad ?? 0;
    return { grade: g, customers, bad, badBp: customers ? Math.round((bad * 10_000) / customers) : null };
  });
  return { asOf: today, rows, ms: Math.round(performance.now() - t0) };
}
