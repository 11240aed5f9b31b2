// The whole book's promises as of D for the promise report (issue #13: ≤ 1 s for 100k promises),
// read as plain columns: one narrow scan per column hands 100k values over several times cheaper
// than one join that builds a row object per promise (and sorts each customer's promises). The
// report (reports/collections/promise-book.ts) joins them in code order itself.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';

type Sqlite = Database.Database;

export interface BookPromiseColumns {
  /** every customer, in code order (SQLite's byte order, as ORDER BY code gives it) */
  customers: { id: number[]; code: string[]; name: string[] };
  /** the promises made on or before D, in entry (id) order */
  id: number[];
  customerId: number[];
  madeOn: string[];
  promisedOn: string[];
  amount: number[];
  promisedBy: (string | null)[];
  form: string[];
  collectionRecordId: (number | null)[];
  /** the kept final received amount under the grace days asked for (migration 0022), −1 when none */
  kept: number[];
}

const PROMISES = 'FROM promises WHERE made_on <= ? ORDER BY id';

/** Reads the columns in one read transaction (the caller's, if any) so they line up. */
export function bookPromiseColumns(sqlite: Sqlite, asOf: string, graceDays: number): BookPromiseColumns {
  const customers = <T>(col: string) => stmt(sqlite, `SELECT ${col} FROM customers ORDER BY code`).pluck().all() as T[];
  const promises = <T>(col: string) => stmt(sqlite, `SELECT ${col} ${PROMISES}`).pluck().all(asOf) as T[];
  const read = (): BookPromiseColumns => {
    const id = promises<number>('id');
    return {
      customers: { id: customers<number>('id'), code: customers<string>('code'), name: customers<string>('name') },
      id,
      customerId: promises<number>('customer_id'),
      madeOn: promises<string>('made_on'),
      promisedOn: promises<string>('promised_on'),
      amount: promises<number>('amount'),
      promisedBy: promises<string | null>('promised_by'),
      form: promises<string>('form'),
      collectionRecordId: promises<number | null>('collection_record_id'),
      kept: keptOf(sqlite, id, graceDays),
    };
  };
  return sqlite.inTransaction ? read() : sqlite.transaction(read)();
}

/** Each promise's kept amount: both lists come in id order, so one merge pass pairs them. */
function keptOf(sqlite: Sqlite, ids: readonly number[], graceDays: number): number[] {
  const keptIds = stmt(sqlite, 'SELECT promise_id FROM promise_final WHERE grace = ? ORDER BY promise_id')
    .pluck()
    .all(graceDays) as number[];
  const received = stmt(sqlite, 'SELECT received FROM promise_final WHERE grace = ? ORDER BY promise_id')
    .pluck()
    .all(graceDays) as number[];
  const out = new Array<number>(ids.length);
  let j = 0;
  for (let i = 0; i < ids.length; i++) {
    while (j < keptIds.length && keptIds[j] < ids[i]) j++;
    out[i] = j < keptIds.length && keptIds[j] === ids[i] ? received[j] : -1;
  }
  return out;
}
