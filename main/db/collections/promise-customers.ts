// The customers the promise report names (reports/collections/promise-book.ts), in SQLite's code
// order (ORDER BY code: the report's order), kept per connection while the customers' revision
// counter is unchanged. Codes and names are read as one string each (group_concat: one index scan,
// no 200,000 small strings made in the report worker) and cross to the main thread that way.
import type Database from 'better-sqlite3';
import { stmt } from '../receivables/prepared';
import { cutsApart, type PackedNames } from '../../reports/collections/customer-names';

type Sqlite = Database.Database;

export interface PromiseCustomers {
  /** the customers' revision (−1: none recorded, never kept) */
  rev: number;
  /** rank in code order by customer id (−1: no such customer) */
  rankById: Int32Array;
  count: number;
  names: PackedNames;
}

const kept = new WeakMap<Sqlite, PromiseCustomers>();

/** Every customer in code order (call inside the report's read transaction). */
export function promiseCustomers(sqlite: Sqlite): PromiseCustomers {
  const rev =
    (stmt(sqlite, "SELECT rev FROM revisions WHERE name = 'customers'").get() as { rev: number } | undefined)?.rev ??
    -1;
  const hit = kept.get(sqlite);
  if (hit && hit.rev === rev && rev !== -1) return hit;
  const out = load(sqlite, rev);
  kept.set(sqlite, out);
  return out;
}

function load(sqlite: Sqlite, rev: number): PromiseCustomers {
  const from = '(SELECT id, code, name FROM customers INDEXED BY customers_directory ORDER BY code)';
  const [idsJson, code, name, count] = stmt(
    sqlite,
    `SELECT json_group_array(id), coalesce(group_concat(code, char(0)), ''), coalesce(group_concat(name, char(0)), ''), count(*) FROM ${from}`,
  )
    .raw()
    .get() as [string, string, string, number];
  const ids = JSON.parse(idsJson) as number[];
  let names: PackedNames = { joined: true, count, code, name };
  if (!cutsApart(code, count) || !cutsApart(name, count)) {
    // a code or name holds the separator: as arrays
    const col = (c: string) => stmt(sqlite, `SELECT ${c} FROM ${from}`).pluck().all() as string[];
    names = { joined: false, code: col('code'), name: col('name') };
  }
  let maxId = 0;
  for (const id of ids) if (id > maxId) maxId = id;
  const rankById = new Int32Array(maxId + 1).fill(-1);
  for (let r = 0; r < ids.length; r++) rankById[ids[r]] = r;
  return { rev, rankById, count: ids.length, names };
}
