// Loyalty (SPEC §7) as of a date: one customer's type with the facts behind it (the card), and
// the distribution over all customers (the analysis page). Read-only.
import type Database from 'better-sqlite3';
import type { Book } from '../db/connection';
import {
  allLoyaltyFacts,
  loyaltyOverride,
  monthlyNetSalesOf,
  openTaskCounts,
  satisfactionOf,
  scoresOf,
  tasksOf,
} from '../db/service-loyalty';
import { classifyLoyalty, loyaltyWindow } from '../domain/loyalty';
import { mulDivRound } from '../../shared/money';
import {
  LOYALTY_TYPES,
  type CustomerLoyalty,
  type CustomerService,
  type LoyaltyDistribution,
  type LoyaltyType,
} from '../../shared/types-service';

export function customerLoyalty(sqlite: Database.Database, customerId: number, asOf: string): CustomerLoyalty {
  const { from, to } = loyaltyWindow(asOf);
  let activeMonths = 0;
  for (const v of monthlyNetSalesOf(sqlite, customerId, from, to).values()) if (v > 0) activeMonths++;
  const sc = scoresOf(sqlite, customerId, from, to);
  const facts = { activeMonths, scoreSum: sc.sum, scoreCount: sc.count };
  const computed = classifyLoyalty(facts);
  const o = loyaltyOverride(sqlite, customerId);
  return {
    ...facts,
    from,
    to,
    computed,
    manual: o?.type ?? null,
    manualOn: o?.setOn ?? null,
    manualNote: o?.note ?? null,
    type: o?.type ?? computed,
  };
}

/** The card's service section: tasks, satisfaction records and loyalty. */
export function customerService(sqlite: Database.Database, customerId: number, asOf: string): CustomerService {
  return {
    customerId,
    asOf,
    tasks: tasksOf(sqlite, customerId, asOf),
    satisfaction: satisfactionOf(sqlite, customerId),
    loyalty: customerLoyalty(sqlite, customerId, asOf),
  };
}

export function loyaltyDistribution(book: Book, asOf: string): LoyaltyDistribution {
  const { from, to } = loyaltyWindow(asOf);
  const acc = new Map<LoyaltyType, { customers: number; manual: number; sales: number }>(
    LOYALTY_TYPES.map((t) => [t, { customers: 0, manual: 0, sales: 0 }]),
  );
  let scoreSum = 0;
  let scores = 0;
  for (const f of allLoyaltyFacts(book.sqlite, from, to)) {
    const type = f.manual ?? classifyLoyalty(f);
    const a = acc.get(type)!;
    a.customers++;
    if (f.manual) a.manual++;
    a.sales += f.sales;
    scoreSum += f.scoreSum;
    scores += f.scoreCount;
  }
  const tasks = openTaskCounts(book.sqlite, asOf);
  return {
    asOf,
    from,
    to,
    rows: LOYALTY_TYPES.map((type) => ({ type, ...acc.get(type)! })),
    averageScore100: scores > 0 ? mulDivRound(scoreSum, 100, scores) : null, // exact, half away from zero
    scores,
    openTasks: tasks.open,
    overdueTasks: tasks.overdue,
  };
}
