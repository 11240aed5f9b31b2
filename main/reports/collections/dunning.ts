// Dunning list as of a date (SPEC §5): customers with an overdue amount, their days overdue,
// ladder level, and whether the ladder is paused (pending promise or open dispute). The SQL
// hands back one row per customer (oldest overdue due date, Σ open as of D, code and name);
// this is one pass over those rows, sorted by code.
import type { Book } from '../../db/connection';
import { ladderRows } from '../../db/collections-store';
import { overdueCustomersAsOf } from '../../db/collections/dunning';
import { disputedCustomerIds } from '../../db/disputes';
import { toDayNumber } from '../../domain/dates';
import { ladderLevel, type LadderStep } from '../../domain/dunning';
import type { DunningListRow } from '../../../shared/types-collections';
import { customersWithPendingPromise } from './promise-status';

export function ladderOf(book: Book): LadderStep[] {
  return ladderRows(book.sqlite) as LadderStep[];
}

/** `pending`: the customers with a pending promise as of D, when the caller has worked them out. */
export function dunningList(
  book: Book,
  asOf: string,
  pending: Set<number> = customersWithPendingPromise(book, asOf),
): DunningListRow[] {
  const disputed = disputedCustomerIds(book, asOf);
  const ladder = ladderOf(book);
  const d = toDayNumber(asOf);
  // levels by days overdue, worked out once per distinct oldest due date
  const daysOf = new Map<string, number>();
  const rows: DunningListRow[] = [];
  for (const [customerId, customerCode, customerName, dueDate, overdue] of overdueCustomersAsOf(book.sqlite, asOf)) {
    let days = daysOf.get(dueDate);
    if (days === undefined) daysOf.set(dueDate, (days = d - toDayNumber(dueDate)));
    const pausedBy: DunningListRow['pausedBy'] = [];
    if (pending.has(customerId)) pausedBy.push('promise');
    if (disputed.has(customerId)) pausedBy.push('dispute');
    rows.push({
      customerId,
      customerCode,
      customerName,
      daysOverdue: days,
      overdue,
      level: ladderLevel(days, ladder),
      paused: pausedBy.length > 0,
      pausedBy,
    });
  }
  return rows.sort((a, b) => (a.customerCode < b.customerCode ? -1 : a.customerCode > b.customerCode ? 1 : 0));
}
