// Customer names for reports: loaded once per connection and kept while the customers table's
// revision counter (foundation migration triggers) is unchanged; ranks give code order.
import type Database from 'better-sqlite3';
import { stmt } from './prepared';

type Sqlite = Database.Database;

export interface CustomerDirectory {
  rev: number;
  rank: Map<number, number>;
  /** rank by customer id (-1: no such customer), for the report loops */
  rankById: Int32Array;
  id: number[];
  code: string[];
  name: string[];
  limit: number[];
}

const directories = new WeakMap<Sqlite, CustomerDirectory>();

export function customerDirectory(sqlite: Sqlite): CustomerDirectory {
  const rev =
    (stmt(sqlite, "SELECT rev FROM revisions WHERE name = 'customers'").get() as { rev: number } | undefined)?.rev ??
    -1;
  const hit = directories.get(sqlite);
  if (hit && hit.rev === rev) return hit;
  const rows = stmt(sqlite, 'SELECT id, code, name, credit_limit FROM customers').raw().all() as [
    number,
    string,
    string,
    number,
  ][];
  rows.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  let maxId = 0;
  for (const r of rows) if (r[0] > maxId) maxId = r[0];
  const dir: CustomerDirectory = {
    rev,
    rank: new Map(),
    rankById: new Int32Array(maxId + 1).fill(-1),
    id: [],
    code: [],
    name: [],
    limit: [],
  };
  rows.forEach((r, i) => {
    dir.rank.set(r[0], i);
    dir.rankById[r[0]] = i;
    dir.id.push(r[0]);
    dir.code.push(r[1]);
    dir.name.push(r[2]);
    dir.limit.push(r[3]);
  });
  directories.set(sqlite, dir);
  return dir;
}
