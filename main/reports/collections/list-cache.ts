// The last few whole lists the collections pages page through (the dunning list as of a date),
// kept on the report worker's read-only connection while the book is unchanged: PRAGMA
// data_version moves whenever the app's connection commits, so the next page is a slice of the
// same list, never a stale one. On the app's own connection (a small book, in-thread) nothing is
// kept: its own writes do not move data_version, and a small list is quick to recompute.
import type Database from 'better-sqlite3';
import { dataVersion } from '../../db/receivables/as-of';

const MAX_KEPT = 2;
const kept = new WeakMap<Database.Database, { version: number; lists: Map<string, unknown> }>();

export function cachedList<T>(sqlite: Database.Database, key: string, compute: () => T): T {
  if (!sqlite.readonly) return compute();
  const version = dataVersion(sqlite);
  let c = kept.get(sqlite);
  if (!c || c.version !== version) kept.set(sqlite, (c = { version, lists: new Map() }));
  if (c.lists.has(key)) return c.lists.get(key) as T;
  const value = compute();
  if (c.lists.size >= MAX_KEPT) c.lists.delete(c.lists.keys().next().value!);
  c.lists.set(key, value);
  return value;
}
