// Receivables SQL on the raw better-sqlite3 connection (main/db/receivables/): statements
// prepared once per connection, and the bulk-write page cache. The other files here hold the SQL
// by purpose: writes.ts (documents and their kept state, per-day totals, bulk inserts), as-of.ts
// (ageing sums, credits and open items as of any date), directory.ts (customer names for
// reports), dashboard.ts (book totals), rows.ts / documents.ts / ledger.ts / credit.ts (what the
// receivables services read and write). The SQL is plain ANSI (no SQLite functions); callers run
// it inside a transaction (kysely's or sqlite.transaction()).
import type Database from 'better-sqlite3';

type Sqlite = Database.Database;
type Stmt = Database.Statement;

const cache = new WeakMap<Sqlite, Map<string, Stmt>>();

/**
 * Runs a bulk write (an import of up to 1,000,000 rows) with a large page cache: its inserts
 * land all over the invoice / receipt / allocation indexes, and with SQLite's default 2 MB cache
 * most of them would reread an index page. The cache is put back (and its memory released)
 * afterwards, so the open book does not keep the memory.
 */
export async function withBulkCache<T>(sqlite: Sqlite, opts: BulkOptions, fn: () => Promise<T>): Promise<T> {
  const restore = bulkCacheOn(sqlite, opts);
  try {
    return await fn();
  } finally {
    restore();
  }
}

/** withBulkCache for a synchronous bulk write (the demo book). */
export function withBulkCacheSync<T>(sqlite: Sqlite, opts: BulkOptions, fn: () => T): T {
  const restore = bulkCacheOn(sqlite, opts);
  try {
    return fn();
  } finally {
    restore();
  }
}

export interface BulkOptions {
  /**
   * The write pauses its per-row triggers (kept-pause.ts: its statement journals stay small) and
   * may build indexes again (bulk-indexes.ts): temp files stay on disk, where SQLite's sorter
   * can sort on helper threads (it cannot with temp_store = MEMORY).
   */
  indexBuilds?: boolean;
}

function bulkCacheOn(sqlite: Sqlite, opts: BulkOptions): () => void {
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  // 32 MiB: importing 1M invoices + 664k receipts takes the same time as with 128 MiB (31 s)
  // and peaks 60 MB lower (the import runs in the app's main process)
  sqlite.pragma('cache_size = -32768');
  // Rows written under a trigger (the kept credit facts and paid_from of 0017/0018) need a
  // statement journal; past 64 KiB SQLite spills it to a temp file, page by page: 1.5M pwrite
  // calls in a 33k-receipt import, half its CPU. In memory it is a copy. Changing temp_store
  // drops the connection's temp tables and triggers: the book has none, but when something put
  // one there (a test's fault injection) it is left alone. A write with `indexBuilds` has paused
  // those triggers and keeps temp files on disk, for its index builds.
  const tempStore = sqlite.pragma('temp_store', { simple: true }) as number;
  const switchTemp = !opts.indexBuilds && sqlite.prepare('SELECT COUNT(*) FROM temp.sqlite_master').pluck().get() === 0;
  if (switchTemp) sqlite.pragma('temp_store = MEMORY');
  return () => {
    if (switchTemp) sqlite.pragma(`temp_store = ${Number(tempStore)}`);
    sqlite.pragma(`cache_size = ${Number(before)}`);
    sqlite.pragma('shrink_memory');
  };
}

/** A statement prepared once per connection. */
export function stmt(sqlite: Sqlite, sql: string): Stmt {
  let m = cache.get(sqlite);
  if (!m) {
    m = new Map();
    cache.set(sqlite, m);
  }
  let s = m.get(sql);
  if (!s) {
    s = sqlite.prepare(sql);
    m.set(sql, s);
  }
  return s;
}
