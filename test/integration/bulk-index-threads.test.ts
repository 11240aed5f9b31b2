// Indexes a bulk write builds again (bulk-indexes.ts) are sorted on SQLite's helper threads:
// PRAGMA threads and a smaller cache while each CREATE INDEX runs, which works only with temp
// files on disk, so the imports that build indexes keep temp_store off MEMORY (withBulkCache's
// indexBuilds). Every pragma is as before once the write is done.
import { availableParallelism } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { dropIndexesOfEmptyTables, recreateIndexes } from '../../main/db/receivables/bulk-indexes';
import { approvedCustomers, openTestDesk, type TestDesk } from '../support/book';
import { importCsv } from '../support/import-csv';

const HELPERS = Math.min(3, availableParallelism() - 1);
const MEMORY = 2;

interface Seen {
  threads: number;
  cacheSize: number;
  tempStore: number;
}

/** The sorter pragmas at every CREATE INDEX the connection runs through exec() while `fn` runs. */
async function pragmasAtIndexBuilds(db: Database.Database, fn: () => unknown): Promise<Seen[]> {
  const seen: Seen[] = [];
  const exec = db.exec;
  db.exec = function (this: Database.Database, sql: string) {
    if (/^\s*CREATE\s+INDEX/i.test(sql))
      seen.push({
        threads: Number(db.pragma('threads', { simple: true })),
        cacheSize: Number(db.pragma('cache_size', { simple: true })),
        tempStore: Number(db.pragma('temp_store', { simple: true })),
      });
    return exec.call(this, sql);
  };
  try {
    await fn();
  } finally {
    db.exec = exec;
  }
  return seen;
}

const pragmas = (db: Database.Database) => ({
  threads: db.pragma('threads', { simple: true }),
  cacheSize: db.pragma('cache_size', { simple: true }),
  tempStore: db.pragma('temp_store', { simple: true }),
});

let t: TestDesk | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('index builds of a bulk write', () => {
  it('sort on a helper thread per spare core with temp files on disk, and put the pragmas back', async () => {
    t = await openTestDesk();
    const db = t.desk.ctx.book.sqlite;
    const before = pragmas(db);
    expect(before.tempStore).not.toBe(MEMORY);
    const seen = await pragmasAtIndexBuilds(db, () =>
      db.transaction(() => recreateIndexes(db, dropIndexesOfEmptyTables(db, ['invoices'])))(),
    );
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const s of seen)
      expect(s).toEqual(
        HELPERS >= 1
          ? { threads: HELPERS, cacheSize: -8000, tempStore: before.tempStore }
          : { threads: before.threads, cacheSize: before.cacheSize, tempStore: before.tempStore },
      );
    expect(pragmas(db)).toEqual(before);
  });

  it('stay on one thread when temp files are kept in memory (the sorter could not use threads)', async () => {
    t = await openTestDesk();
    const db = t.desk.ctx.book.sqlite;
    db.pragma('temp_store = MEMORY');
    const before = pragmas(db);
    const seen = await pragmasAtIndexBuilds(db, () =>
      db.transaction(() => recreateIndexes(db, dropIndexesOfEmptyTables(db, ['invoices'])))(),
    );
    expect(seen.length).toBeGreaterThanOrEqual(2);
    for (const s of seen)
      expect(s).toEqual({ threads: before.threads, cacheSize: before.cacheSize, tempStore: MEMORY });
    expect(pragmas(db)).toEqual(before);
  });

  it('of an invoices and a receipts import run with temp files on disk; the pragmas are back after each', async () => {
    t = await openTestDesk();
    const db = t.desk.ctx.book.sqlite;
    await approvedCustomers(t, [['K1', 30]]);
    const before = pragmas(db);
    const invoices = await pragmasAtIndexBuilds(db, () =>
      importCsv(t!, 'invoices', 'inv.csv', 'customer_code,number,issue_date,amount\nK1,A-1,2026-01-05,100.00\n'),
    );
    // the empty invoices table's date-keyed indexes, but not the settled invoices' (no entry)
    expect(invoices.length).toBe(2);
    expect(pragmas(db)).toEqual(before);
    const receipts = await pragmasAtIndexBuilds(db, () =>
      importCsv(t!, 'receipts', 'r.csv', 'customer_code,date,amount\nK1,2026-01-20,100.00\n'),
    );
    expect(receipts.length).toBeGreaterThanOrEqual(3);
    for (const s of [...invoices, ...receipts]) {
      expect(s.tempStore).not.toBe(MEMORY);
      if (HELPERS >= 1) expect(s.threads).toBe(HELPERS);
    }
    expect(pragmas(db)).toEqual(before);
    expect(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'invoices_settled'").get()).toBeDefined();
  });
});
