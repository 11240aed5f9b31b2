// A customer import writes its new customers many rows to a statement with the insert triggers of
// customers and credit_limit_decisions paused (their work done set-based before the commit) and
// an empty customers table's indexes rebuilt once (db/customers/insert-pause.ts, bulk-insert.ts).
// The book must end up exactly as the row-by-row path leaves it, every trigger back.
import { afterEach, describe, expect, it } from 'vitest';
import { customerBulk } from '../../main/db/customers/insert-pause';
import { countRuns } from '../support/import-csv';
import {
  CHANGED_LINES,
  bookWithCustomers,
  importCustomerLines,
  newCustomerLines,
  schemaObjects,
  writtenRows,
} from '../support/customers-import';
import { openTestDesk, type TestDesk } from '../support/book';

const DEFAULTS = { ...customerBulk };
afterEach(() => Object.assign(customerBulk, DEFAULTS));

/**
 * Runs the same imports on a fresh book (made by `book`) row by row and in bulk (pausing the
 * triggers from `pauseFrom` new customers); returns the tables and schema of both.
 */
async function bothWays(book: () => Promise<TestDesk>, files: string[][], pauseFrom = 1) {
  const out = [];
  for (const perRow of [true, false]) {
    Object.assign(customerBulk, { perRow, pauseFrom });
    const t = await book();
    try {
      for (const [k, lines] of files.entries()) {
        const r = await importCustomerLines(t, `file${k}.csv`, lines);
        expect(r.ok, JSON.stringify(r)).toBe(true);
      }
      expect(t.desk.ctx.book.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      out.push({ rows: writtenRows(t), schema: schemaObjects(t) });
    } finally {
      await t.close();
    }
  }
  return { perRow: out[0], bulk: out[1] };
}

describe('customer import, new customers in bulk', () => {
  it('leaves a book with customers, regions and limits as the row-by-row path does (new and changed rows)', async () => {
    const files = [
      [...CHANGED_LINES, ...newCustomerLines(300)],
      [...newCustomerLines(40, 301), CHANGED_LINES[0]],
    ];
    const { perRow, bulk } = await bothWays(bookWithCustomers, files);
    expect(bulk.rows.customers).toHaveLength(343);
    expect(bulk.rows.credit_limit_decisions.length).toBeGreaterThan(250);
    expect(bulk.rows).toEqual(perRow.rows);
    expect(bulk.schema).toEqual(perRow.schema);
  });

  it('leaves an empty book as the row-by-row path does (its customers indexes rebuilt), and the same file twice', async () => {
    const lines = newCustomerLines(250);
    const { perRow, bulk } = await bothWays(() => openTestDesk(), [lines, lines]);
    expect(bulk.rows.customers).toHaveLength(250);
    expect(bulk.rows).toEqual(perRow.rows);
    expect(bulk.schema).toEqual(perRow.schema);
  });

  it('writes 64 new customers, their audit rows and decisions to a statement', async () => {
    const t = await bookWithCustomers();
    try {
      const db = t.desk.ctx.book.sqlite;
      let ok = false;
      const runs = await countRuns(db, async () => {
        ok = (await importCustomerLines(t, 'many.csv', newCustomerLines(640))).ok;
      });
      expect(ok).toBe(true);
      // row by row: 640 customers + 640 audit rows + 480 decisions; in bulk: 10 + 10 + 8, and a few more
      expect(runs).toBeLessThan(60);
      expect(db.prepare(`SELECT COUNT(*) FROM customers`).pluck().get()).toBe(643);
    } finally {
      await t.close();
    }
  });

  it('a small file (triggers firing, rows still many to a statement) leaves the same rows', async () => {
    const small = [...newCustomerLines(5), CHANGED_LINES[1]];
    const { perRow, bulk } = await bothWays(bookWithCustomers, [small], DEFAULTS.pauseFrom);
    expect(bulk.rows).toEqual(perRow.rows);
  });
});
