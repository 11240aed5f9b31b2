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

  it('changes existing customers as the file says: columns, version, a decision for a new limit, an audit row', async () => {
    const t = await bookWithCustomers();
    try {
      const db = t.desk.ctx.book.sqlite;
      expect((await importCustomerLines(t, 'changed.csv', CHANGED_LINES)).ok).toBe(true);
      const k = (code: string) =>
        db
          .prepare(
            `SELECT c.name, c.region_code, c.payment_terms_days, c.credit_limit, c.lifecycle, c.version, c.search_text,
                    f.cur_limit, f.limit_amount, f.limit_prev_amount, f.lifecycle AS facts_lifecycle,
                    (SELECT COUNT(*) FROM credit_limit_decisions d WHERE d.customer_id = c.id) AS decisions,
                    (SELECT after FROM audit_log a WHERE a.customer_id = c.id ORDER BY id DESC LIMIT 1) AS audit
               FROM customers c JOIN credit_facts f ON f.customer_id = c.id WHERE c.code = ?`,
          )
          .get(code) as Record<string, unknown>;
      expect(k('K1')).toMatchObject({ name: '客户K1改名', payment_terms_days: 45, credit_limit: 900_00, version: 3 });
      expect(k('K1')).toMatchObject({
        cur_limit: 900_00,
        limit_amount: 900_00,
        limit_prev_amount: 500_00,
        decisions: 2,
      });
      expect(k('K1').search_text).toContain('kehuk1gaiming');
      expect(JSON.parse(k('K1').audit as string)).toMatchObject({ name: '客户K1改名', credit_limit: 900_00 });
      expect(k('K2')).toMatchObject({ region_code: 'NEW1', credit_limit: 120_00, limit_amount: 120_00, decisions: 1 });
      expect(k('K3')).toMatchObject({ lifecycle: 'active', facts_lifecycle: 'active', decisions: 1, version: 2 });
    } finally {
      await t.close();
    }
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
