// The whole book's promises as of D for the promise report (issue #13: ≤ 1 s for 100k promises),
// read as plain columns instead of one join that builds a row object per promise (and sorts each
// customer's promises); the report (reports/collections/promise-book.ts) puts them in code order.
// The promise columns come from one scan, each as one JSON array that SQLite builds
// (json_group_array): 100,000 values then cross as one string per column and JSON.parse makes
// them, about half the CPU of stepping 100,000 rows through the driver per column.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';

type Sqlite = Database.Database;

export interface BookPromiseColumns {
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

const PROMISE_COLUMNS = [
  'id',
  'customer_id',
  'made_on',
  'promised_on',
  'amount',
  'promised_by',
  'form',
  'collection_record_id',
] as const;
type PromiseColumnValues = { [K in (typeof PROMISE_COLUMNS)[number]]: unknown[] };

/** Reads the columns in one read transaction (the caller's, if any) so they line up. */
export function bookPromiseColumns(sqlite: Sqlite, asOf: string, graceDays: number): BookPromiseColumns {
  const read = (): BookPromiseColumns => {
    const p = promiseColumns(sqlite, asOf);
    const id = p.id as number[];
    return {
      id,
      customerId: p.customer_id as number[],
      madeOn: p.made_on as string[],
      promisedOn: p.promised_on as string[],
      amount: p.amount as number[],
      promisedBy: p.promised_by as (string | null)[],
      form: p.form as string[],
      collectionRecordId: p.collection_record_id as (number | null)[],
      kept: keptOf(sqlite, id, graceDays),
    };
  };
  return sqlite.inTransaction ? read() : sqlite.transaction(read)();
}

/** The promises made on or before D, in id order: every column's JSON array from one ordered scan. */
function promiseColumns(sqlite: Sqlite, asOf: string): PromiseColumnValues {
  const where = 'FROM promises WHERE made_on <= ? ORDER BY id';
  const json = stmt(
    sqlite,
    `SELECT ${PROMISE_COLUMNS.map((c) => `json_group_array(${c})`).join(', ')}
     FROM (SELECT ${PROMISE_COLUMNS.join(', ')} ${where})`,
  )
    .raw()
    .get(asOf) as string[];
  const out = Object.fromEntries(PROMISE_COLUMNS.map((c, k) => [c, JSON.parse(json[k]) as unknown[]]));
  // the aggregate takes the rows in the subquery's order; kept amounts are paired by ascending id
  const ids = out.id as number[];
  for (let i = 1; i < ids.length; i++)
    if (!(ids[i - 1] < ids[i])) {
      const col = (c: string) => stmt(sqlite, `SELECT ${c} ${where}`).pluck().all(asOf);
      return Object.fromEntries(PROMISE_COLUMNS.map((c) => [c, col(c)])) as PromiseColumnValues;
    }
  return out as PromiseColumnValues;
}

/** Each promise's kept amount: both lists come in id order, so one merge pass pairs them. */
function keptOf(sqlite: Sqlite, ids: readonly number[], graceDays: number): number[] {
  // both columns from one scan, as JSON arrays (as the promise columns)
  const [keptJson, receivedJson] = stmt(
    sqlite,
    `SELECT json_group_array(promise_id), json_group_array(received)
     FROM (SELECT promise_id, received FROM promise_final WHERE grace = ? ORDER BY promise_id)`,
  )
    .raw()
    .get(graceDays) as [string, string];
  let keptIds = JSON.parse(keptJson) as number[];
  let received = JSON.parse(receivedJson) as number[];
  for (let i = 1; i < keptIds.length; i++)
    if (!(keptIds[i - 1] < keptIds[i])) {
      // the aggregate did not take the rows in order: a column per query
      const col = (c: string) =>
        stmt(sqlite, `SELECT ${c} FROM promise_final WHERE grace = ? ORDER BY promise_id`).pluck().all(graceDays);
      keptIds = col('promise_id') as number[];
      received = col('received') as number[];
      break;
    }
  const out = new Array<number>(ids.length);
  let j = 0;
  for (let i = 0; i < ids.length; i++) {
    while (j < keptIds.length && keptIds[j] < ids[i]) j++;
    out[i] = j < keptIds.length && keptIds[j] === ids[i] ? received[j] : -1;
  }
  return out;
}
