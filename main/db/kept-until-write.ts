// A read-side result kept per connection until the book changes: a write through this connection
// (total_changes) or a commit by another one (data_version) drops it. For whole-book reads that a
// page asks for again and again (the analysis panels, the loyalty distribution: about a second
// each at 100,000 customers), so that a second visit answers at once.
import type Database from 'better-sqlite3';

const kept = new WeakMap<Database.Database, Map<string, { version: string; value: unknown }>>();

/** The book's state as seen by this connection; null inside a transaction (it may roll back). */
export function bookStateKey(sqlite: Database.Database): string | null {
  if (sqlite.inTransaction) return null;
  const version = sqlite.pragma('data_version', { simple: true }) as number;
  const changes = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}|${changes}`;
}

/** compute()'s value for `key` (name and arguments), computed again once anything was written. */
export function keptUntilWrite<T>(sqlite: Database.Database, key: string, compute: () => T): T {
  const version = bookStateKey(sqlite);
  const mine = kept.get(sqlite) ?? new Map<string, { version: string; value: unknown }>();
  const hit = mine.get(key);
  if (version !== null && hit?.version === version) return hit.value as T;
  const value = compute();
  if (version !== null) {
    mine.set(key, { version, value });
    kept.set(sqlite, mine);
  }
  return value;
}
