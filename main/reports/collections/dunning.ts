// Dunning list as of a date (SPEC §5): customers with an overdue amount, their days overdue,
// ladder level, and whether the ladder is paused (pending promise or open dispute). The SQL
// hands back one row per customer (oldest overdue due date, Σ open as of D); codes, names and
// code order come from the customer directory (kept per connection while the customers are
// unchanged: on the report worker it is read once for every report), so the list is one pass
// over the customers in rank order, no string sort.
import type { Book } from '../../db/connection';
import { collectionsSettings, ladderRows } from '../../db/collections-store';
import { overdueByCustomerAsOf } from '../../db/collections/dunning';
import { disputedCustomerIds } from '../../db/disputes';
import { customerDirectory } from '../../db/receivables/directory';
import { addDays, toDayNumber } from '../../domain/dates';
import { ladderLevel, type LadderStep } from '../../domain/dunning';
import type { DunningListRow } from '../../../shared/types-collections';
import { customersWithPendingPromise, promiseStatesInScope } from './promise-status';

export function ladderOf(book: Book): LadderStep[] {
  return ladderRows(book.sqlite) as LadderStep[];
}

/**
 * The customers among `customerIds` with a promise pending as of D. A promise's state depends on
 * its own customer's promises and receipts only, so only the listed customers' are worked out
 * (today about a quarter of the book's customers with an open promise are overdue).
 */
function pendingAmong(book: Book, asOf: string, customerIds: number[]): Set<number> {
  const graceDays = collectionsSettings(book.sqlite).promiseGraceDays;
  // the scope of openPromiseStates (a promise still open on or after D), narrowed to these customers
  const scope = { asOf, promisedFrom: addDays(asOf, -graceDays), customerIds };
  return customersWithPendingPromise(book, asOf, promiseStatesInScope(book, scope, graceDays));
}

/** `pending`: the customers with a pending promise as of D, when the caller has worked them out. */
export function dunningList(book: Book, asOf: string, pending?: Set<number>): DunningListRow[] {
  const overdue = overdueByCustomerAsOf(book.sqlite, asOf);
  pending ??= pendingAmong(
    book,
    asOf,
    overdue.map((r) => r.customerId),
  );
  const disputed = disputedCustomerIds(book, asOf);
  const ladder = ladderOf(book);
  const d = toDayNumber(asOf);
  const dir = customerDirectory(book.sqlite);
  // each overdue customer's slot by its rank in code order (-1: none)
  const byRank = new Int32Array(dir.id.length).fill(-1);
  for (let k = 0; k < overdue.length; k++) {
    const cid = overdue[k].customerId;
    const rank = cid < dir.rankById.length ? dir.rankById[cid] : -1;
    if (rank >= 0) byRank[rank] = k;
  }
  // levels by days overdue, worked out once per distinct oldest due date
  const daysOf = new Map<string, number>();
  const rows: DunningListRow[] = [];
  for (let rank = 0; rank < byRank.length; rank++) {
    if (byRank[rank] < 0) continue;
    const { customerId, dueDate, open } = overdue[byRank[rank]];
    let days = daysOf.get(dueDate);
    if (days === undefined) daysOf.set(dueDate, (days = d - toDayNumber(dueDate)));
    const pausedBy: DunningListRow['pausedBy'] = [];
    if (pending.has(customerId)) pausedBy.push('promise');
    if (disputed.has(customerId)) pausedBy.push('dispute');
    rows.push({
      customerId,
      customerCode: dir.code[rank],
      customerName: dir.name[rank],
      daysOverdue: days,
      overdue: open,
      level: ladderLevel(days, ladder),
      paused: pausedBy.length > 0,
      pausedBy,
    });
  }
  return rows;
}
