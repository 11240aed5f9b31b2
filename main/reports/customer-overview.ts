// The customer card's overview (概览): position, credit use, ageing, DSO and days late, a
// 12-month trend and recent activity — one indexed query set, no full-book scans.
// Positions use the invoices' current open amounts (the overview is as of today).
import type { Book } from '../db/connection';
import {
  lateness,
  monthlyFlows,
  openInvoicesOf,
  overviewCustomer,
  recentActivity,
  salesBetween,
  unappliedOf,
} from '../db/overview-queries';
import { addDays, addMonths, daysBetween, monthStart } from '../domain/dates';
import { bucketFor, DEFAULT_DUE_BUCKETS } from '../domain/ageing';
import { mulDivRound } from '../../shared/money';
import { divRoundBig } from '../domain/exact-sums';
import type { CustomerOverview } from '../../shared/types-analysis';
import { AppError } from '../../shared/result';
import { zeroLimitMeansNone } from '../db/credit-store';

export function customerOverview(book: Book, customerId: number, asOf: string): CustomerOverview {
  const s = book.sqlite;
  const c = overviewCustomer(s, customerId);
  if (!c) throw new AppError('NOT_FOUND', `customer ${customerId} not found`, { field: 'customerId' });
  const buckets = new Map<string, number>(DEFAULT_DUE_BUCKETS.map((b) => [b.key, 0]));
  let open = 0;
  let overdue = 0;
  for (const inv of openInvoicesOf(s, customerId)) {
    const late = daysBetween(inv.dueDate, asOf);
    open += inv.open;
    if (late > 0) overdue += inv.open;
    const k = bucketFor(late, DEFAULT_DUE_BUCKETS);
    buckets.set(k, (buckets.get(k) ?? 0) + inv.open);
  }
  const unapplied = unappliedOf(s, customerId);
  const balance = open - unapplied;
  const creditUsed = Math.max(0, balance);
  const sales90 = salesBetween(s, customerId, addDays(asOf, -89), asOf);
  const late = lateness(s, customerId, addDays(asOf, -364), asOf);
  const first = addMonths(monthStart(asOf), -11);
  const flows = new Map(monthlyFlows(s, customerId, first, asOf).map((f) => [f.month, f]));
  const trend: CustomerOverview['trend'] = [];
  for (let i = 0; i < 12; i++) {
    const month = addMonths(first, i).slice(0, 7);
    const f = flows.get(month);
    trend.push({ month, sales: f?.sales ?? 0, receipts: f?.receipts ?? 0 });
  }
  // a limit of 0 is "no limit" unless the setting says it means "no credit" (as the invoice check)
  const hasLimit = !(c.credit_limit === 0 && zeroLimitMeansNone(s));
  return {
    customerId,
    asOf,
    balance,
    open,
    unapplied,
    overdue,
    creditLimit: c.credit_limit,
    hasLimit,
    creditUsed,
    available: hasLimit ? c.credit_limit - creditUsed : null,
    valueTier: c.value_tier,
    valueTierOn: c.value_tier_on,
    creditRating: c.credit_rating,
    dsoDays: sales90 > 0 ? mulDivRound(creditUsed, 90, sales90) : null,
    averageDaysLate: late.amount <= 0 ? null : divRoundBig(late.weighted, BigInt(late.amount)),
    ageing: [...buckets].map(([key, amount]) => ({ key, amount })),
    trend,
    activity: recentActivity(s, customerId, asOf),
  };
}
