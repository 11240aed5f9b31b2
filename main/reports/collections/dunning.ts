// Dunning list as of a date (SPEC §5): customers with an overdue amount, their days overdue,
// ladder level, and whether the ladder is paused (pending promise or open dispute).
import type { Book } from '../../db/connection';
import { customersByIds, ladderRows } from '../../db/collections-store';
import { overdueByCustomerAsOf } from '../../db/collections/dunning';
import { disputedCustomerIds } from '../../db/disputes';
import { dunningRows, type LadderStep } from '../../domain/dunning';
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
  const rows = dunningRows(
    // one entry per customer (oldest due, Σ open): the rule's max and sum worked out in SQL
    overdueByCustomerAsOf(book.sqlite, asOf),
    asOf,
    ladderOf(book),
    (id) => pending.has(id) || disputed.has(id),
  );
  const customers = customersByIds(
    book.sqlite,
    rows.map((r) => r.customerId),
  );
  return rows
    .map((r) => {
      const c = customers.get(r.customerId)!;
      const pausedBy: DunningListRow['pausedBy'] = [];
      if (pending.has(r.customerId)) pausedBy.push('promise');
      if (disputed.has(r.customerId)) pausedBy.push('dispute');
      return {
        customerId: r.customerId,
        customerCode: c.code,
        customerName: c.name,
        daysOverdue: r.daysOverdue,
        overdue: r.overdue,
        level: r.level,
        paused: r.paused,
        pausedBy,
      };
    })
    .sort((a, b) => (a.customerCode < b.customerCode ? -1 : a.customerCode > b.customerCode ? 1 : 0));
}
