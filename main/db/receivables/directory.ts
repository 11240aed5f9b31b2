// Customer names for reports: loaded once per connection and kept while the customers table's
// revision counter (foundation migration triggers) is unchanged; ranks give code order.
// SQLite hands the rows over in code order (the code index), so a 100,000-customer directory is
// one pass into plain arrays: no row arrays, no sort in JavaScript (a few hundred ms of a cold
// CLI ageing), unless a code outside ASCII makes SQLite's byte order differ from JavaScript's.
import type Database from 'better-sqlite3';
import { stmt } from './prepared';

type Sqlite = Database.Database;

export interface CustomerDirectory {
  rev: number;
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
  const dir = loadDirectory(sqlite, rev);
  directories.set(sqlite, dir);
  return dir;
}

/**
 * Only the given customers (any order, unknown ids left out), ranked in code order among
 * themselves: for a one-off report that reads the book once (the command line) — a cold
 * 100,000-customer book's ageing names about half of them. rev is -1: never cached or compared.
 */
export function customerDirectoryOf(sqlite: Sqlite, ids: Iterable<number>): CustomerDirectory {
  return loadDirectory(sqlite, -1, JSON.stringify(Array.from(ids)));
}

function loadDirectory(sqlite: Sqlite, rev: number, idsJson?: string): CustomerDirectory {
  // a column per query (plain values cross from SQLite several times cheaper than row arrays),
  // in one read transaction so the four lists line up (code is unique: one order). A subset is
  // read from the same covering index, the ids kept by SQLite's IN list (one pass, no table rows).
  const where =
    idsJson === undefined ? '' : 'INDEXED BY customers_directory WHERE id IN (SELECT value FROM json_each(?))';
  const column = <T>(col: string) =>
    (idsJson === undefined
      ? stmt(sqlite, `SELECT ${col} FROM customers ORDER BY code`).pluck().all()
      : stmt(sqlite, `SELECT ${col} FROM customers ${where} ORDER BY code`).pluck().all(idsJson)) as T[];
  const read = () => ({
    id: column<number>('id'),
    code: column<string>('code'),
    name: column<string>('name'),
    limit: column<number>('credit_limit'),
  });
  const { id, code, name, limit } =
    (idsJson === undefined ? readAsJson(sqlite) : null) ?? (sqlite.inTransaction ? read() : sqlite.transaction(read)());
  let sorted = true;
  let maxId = 0;
  for (let i = 0; i < id.length; i++) {
    if (i > 0 && code[i - 1] > code[i]) sorted = false;
    if (id[i] > maxId) maxId = id[i];
  }
  if (!sorted) {
    const order = id.map((_, i) => i).sort((a, b) => (code[a] < code[b] ? -1 : code[a] > code[b] ? 1 : 0));
    const pick = <T>(xs: T[]) => order.map((i) => xs[i]);
    return ranked(rev, maxId, pick(id), pick(code), pick(name), pick(limit));
  }
  return ranked(rev, maxId, id, code, name, limit);
}

/**
 * The whole directory in one pass, as four JSON lists in one row (cheaper than four column
 * queries: one index scan, and a 100,000-customer directory's values cross as four strings).
 * Null when a credit limit is not an integer (SQLite's JSON could write a real number otherwise
 * than JavaScript reads it from the column): the column queries then.
 */
function readAsJson(sqlite: Sqlite): { id: number[]; code: string[]; name: string[]; limit: number[] } | null {
  const [id, code, name, limit, odd] = stmt(
    sqlite,
    `SELECT json_group_array(id), json_group_array(code), json_group_array(name), json_group_array(credit_limit),
            count(*) FILTER (WHERE typeof(credit_limit) <> 'integer')
       FROM (SELECT id, code, name, credit_limit FROM customers INDEXED BY customers_directory ORDER BY code)`,
  )
    .raw()
    .get() as [string, string, string, string, number];
  if (odd > 0) return null;
  return { id: JSON.parse(id), code: JSON.parse(code), name: JSON.parse(name), limit: JSON.parse(limit) };
}

function ranked(rev: number, maxId: number, id: number[], code: string[], name: string[], limit: number[]) {
  const rankById = new Int32Array(maxId + 1).fill(-1);
  for (let i = 0; i < id.length; i++) rankById[id[i]] = i;
  return { rev, rankById, id, code, name, limit };
}

/** Codes and names of some customers, in code order. */
export interface NamedCustomers {
  id: number[];
  code: string[];
  name: string[];
}

/**
 * Codes and names of the given customers (unknown ids left out) in code order, in one pass over
 * the covering index as three JSON lists: for a one-off list on a connection that keeps no
 * directory (the command line's dunning list names a third of a 100,000-customer book's
 * customers, at about half the cost of reading the whole directory).
 */
export function customerNamesOf(sqlite: Sqlite, ids: readonly number[]): NamedCustomers {
  const [idJson, codeJson, nameJson] = stmt(
    sqlite,
    `SELECT json_group_array(id), json_group_array(code), json_group_array(name)
       FROM (SELECT id, code, name FROM customers INDEXED BY customers_directory
              WHERE id IN (SELECT value FROM json_each(?)) ORDER BY code)`,
  )
    .raw()
    .get(JSON.stringify(ids)) as [string, string, string];
  const id = JSON.parse(idJson) as number[];
  const code = JSON.parse(codeJson) as string[];
  const name = JSON.parse(nameJson) as string[];
  // SQLite's byte order can differ from JavaScript's (a code outside the BMP): then sort here
  let sorted = true;
  for (let i = 1; i < code.length && sorted; i++) if (code[i - 1] > code[i]) sorted = false;
  if (sorted) return { id, code, name };
  const order = id.map((_, i) => i).sort((a, b) => (code[a] < code[b] ? -1 : code[a] > code[b] ? 1 : 0));
  return { id: order.map((i) => id[i]), code: order.map((i) => code[i]), name: order.map((i) => name[i]) };
}
