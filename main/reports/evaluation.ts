// The evaluation sheet's figures (客户综合评价表, SPEC §3) for one customer and period, read from
// the book: order size and count, share of all sales, credit cost (receivables cost of its
// balance: the opportunity cost of its average daily balance at the cost-of-capital rate plus the
// bad-debt provision on its open invoices), planned visits by status, and payment delays.
import { divRoundBig } from '../domain/exact-sums';
import type { Book } from '../db/connection';
import {
  balanceMovements,
  customerGrades,
  invoiceTotals,
  openInvoicesNow,
  settledLateness,
} from '../db/evaluation/queries';
import { countVisits } from '../db/visits/store';
import { daysBetween, toDayNumber } from '../domain/dates';
import { opportunityCost, shareBp } from '../domain/kpi';
import { computeProvision } from '../domain/provision';
import { mulDivRound } from '../../shared/money';
import { AppError } from '../../shared/result';
import type { EvaluationFigures } from '../../shared/types-evaluation';
import type { ReceivablesSettings } from '../../shared/types-receivables';

export type CostSettings = Pick<
  ReceivablesSettings,
  'costOfCapitalBp' | 'accountingStandard' | 'provisionBuckets' | 'provisionRatesBp'
>;

/** Average of the end-of-day balances over [from, to] (days = whole days in the period), rounded half away from zero. */
export function averageDailyBalance(
  opening: number,
  days: { date: string; delta: number }[],
  from: string,
  to: string,
): number {
  const n = daysBetween(from, to) + 1;
  const last = toDayNumber(to);
  // Σ end-of-day balances = opening × days + each movement × the days it stays in the balance
  // money × days: past 2^53 within the gross caps, so summed exactly (domain/exact-sums.ts)
  let sum = BigInt(opening) * BigInt(n);
  for (const d of days) sum += BigInt(d.delta) * BigInt(last - toDayNumber(d.date) + 1);
  return divRoundBig(sum, BigInt(n));
}

export function evaluationFigures(
  book: Book,
  q: { customerId: number; from: string; to: string; asOf: string; settings: CostSettings },
): EvaluationFigures {
  const s = book.sqlite;
  const c = customerGrades(s, q.customerId);
  if (!c) throw new AppError('NOT_FOUND', 'visits.error.customer', { field: 'customerId' });
  const own = invoiceTotals(s, q.customerId, q.from, q.to);
  const all = invoiceTotals(s, null, q.from, q.to);
  const moves = balanceMovements(s, q.customerId, q.from, q.to);
  const averageBalance = averageDailyBalance(moves.opening, moves.days, q.from, q.to);
  const days = daysBetween(q.from, q.to) + 1;
  const opportunity = opportunityCost(averageBalance, q.settings.costOfCapitalBp, days);
  const open = openInvoicesNow(s, q.customerId);
  const provision = computeProvision(
    open.map((i) => ({ open: i.open, daysSinceIssue: daysBetween(i.issueDate, q.asOf) })),
    {
      standard: q.settings.accountingStandard,
      buckets: q.settings.provisionBuckets,
      ratesBp: q.settings.provisionRatesBp,
    },
  ).provision;
  const late = settledLateness(s, q.customerId, q.from, q.to);
  return {
    customerId: q.customerId,
    from: q.from,
    to: q.to,
    asOf: q.asOf,
    invoices: own.n,
    sales: own.sales,
    averageOrder: own.n > 0 ? mulDivRound(own.sales, 1, own.n) : null,
    bookSales: all.sales,
    shareBp: shareBp(own.sales, all.sales),
    averageBalance,
    costOfCapitalBp: q.settings.costOfCapitalBp,
    opportunityCost: opportunity,
    provision,
    creditCost: opportunity + provision,
    visits: countVisits(s, { from: q.from, to: q.to, asOf: q.asOf, customerId: q.customerId }),
    valueTier: c.valueTier,
    prospectGrade: c.prospectGrade,
    averageDaysLate: late.amount > 0 ? divRoundBig(late.weighted, BigInt(late.amount)) : null,
    lateInvoices: late.late,
    overdueNow: open.filter((i) => i.dueDate < q.asOf).reduce((n, i) => n + i.open, 0),
  };
}
