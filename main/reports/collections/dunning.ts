// Dunning list as of a date (SPEC §5): customers with an overdue amount, their days overdue,
// ladder level, and whether the ladder is paused (pending promise or open dispute). The SQL
// hands back one row per customer (oldest overdue due date, Σ open as of D); codes and names
// come apart in code order (namesInCodeOrder), so the list is one pass over them, no string sort.
import type { Book } from '../../db/connection';
import { collectionsSettings, ladderRows } from '../../db/collections-store';
import { overdueByCustomerAsOf } from '../../db/collections/dunning';
import { disputedCustomerIds } from '../../db/disputes';
import { customerDirectory, customerNamesOf, type NamedCustomers } from '../../db/receivables/directory';
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
 * (the bench book today: 23,000 overdue customers of 100,000 with a promise).
 */
function pendingAmong(book: Book, asOf: string, customerIds: number[]): Set<number> {
  const graceDays = collectionsSettings(book.sqlite).promiseGraceDays;
  // the scope of openPromiseStates (a promise still open on or after D), narrowed to these customers
  const scope = { asOf, promisedFrom: addDays(asOf, -graceDays), customerIds };
  return customersWithPendingPromise(book, asOf, promiseStatesInScope(book, scope, graceDays));
}

/**
 * The given customers' codes and names in code order: on a read-only connection (the report
 * worker's) from the customer directory kept there for every report; otherwise (the command
 * line's one-off list) only these customers' from the covering index.
 */
function namesInCodeOrder(sqlite: Book['sqlite'], ids: readonly number[]): NamedCustomers {
  if (!sqlite.readonly) return customerNamesOf(sqlite, ids);
  const dir = customerDirectory(sqlite);
  const listed = new Uint8Array(dir.id.length);
  for (const cid of ids) if (cid < dir.rankById.length && dir.rankById[cid] >= 0) listed[dir.rankById[cid]] = 1;
  const out: NamedCustomers = { id: [], code: [], name: [] };
  for (let rank = 0; rank < listed.length; rank++) {
    if (!listed[rank]) continue;
    out.id.push(dir.id[rank]);
    out.code.push(dir.code[rank]);
    out.name.push(dir.name[rank]);
  }
  return out;
}

/** `pending`: the customers with a pending promise as of D, when the caller has worked them out. */
export function dunningList(book: Book, asOf: string, pending?: Set<number>): DunningListRow[] {
  const overdue = overdueByCustomerAsOf(book.sqlite, asOf);
  const ids = overdue.map((r) => r.customerId);
  pending ??= pendingAmong(book, asOf, ids);
  const disputed = disputedCustomerIds(book, asOf);
  const ladder = ladderOf(book);
  const d = toDayNumber(asOf);
  // each overdue customer's row by its id
  const rowOf = new Map<number, number>();
  for (let k = 0; k < overdue.length; k++) rowOf.set(ids[k], k);
  const named = namesInCodeOrder(book.sqlite, ids);
  // levels by days overdue, worked out once per distinct oldest due date
  const daysOf = new Map<string, number>();
  const rows: DunningListRow[] = [];
  for (let j = 0; j < named.id.length; j++) {
    const customerId = named.id[j];
    const { dueDate, open } = overdue[rowOf.get(customerId)!];
    let days = daysOf.get(dueDate);
    if (days === undefined) daysOf.set(dueDate, (days = d - toDayNumber(dueDate)));
    const pausedBy: DunningListRow['pausedBy'] = [];
    if (pending.has(customerId)) pausedBy.push('promise');
    if (disputed.has(customerId)) pausedBy.push('dispute');
    rows.push({
      customerId,
      customerCode: named.code[j],
      customerName: named.name[j],
      daysOverdue: days,
      overdue: open,
      level: ladderLevel(days, ladder),
      paused: pausedBy.length > 0,
      pausedBy,
    });
  }
  return rows;
}
