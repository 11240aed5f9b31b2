// A whole-book ageing as of a past date reads its credits from indexes alone (migration 0031):
// receipts applied after their own date from their small partial index (not every receipt applied
// after D), a credit note's applications up to D from allocations_credit_note (no allocation
// rows); one customer's credits still by customer. The plans are read from SQLite itself.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { creditsAsOf } from '../../main/db/receivables/as-of';
import { tempDir } from '../support/book';

const dir = tempDir();
const book = path.join(dir, 'demo.creditdesk');

beforeAll(async () => {
  const quiet = { out: () => undefined, err: () => undefined };
  expect(await runCli(['demo', '--db', book, '--customers', '20', '--invoices', '200'], quiet)).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The query plan of every statement `read` prepares on the book. */
function plansOf(read: (db: Database.Database) => void): string {
  const db = new Database(book, { readonly: true });
  const texts: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    texts.push(sql);
    return prepare(sql);
  }) as typeof db.prepare;
  read(db);
  const plans = texts.map((sql) =>
    (prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ d: '2026-06-30', cid: 1 }) as { detail: string }[])
      .map((r) => r.detail)
      .join('\n'),
  );
  db.close();
  return plans.join('\n');
}

describe('credits as of a past date', () => {
  it('come from indexes alone for the whole book', () => {
    const plan = plansOf((db) => creditsAsOf(db, '2026-06-30'));
    expect(plan).toContain('USING COVERING INDEX receipts_applied_late');
    expect(plan).not.toContain('receipts_applied (');
    expect(plan).toContain('USING COVERING INDEX allocations_credit_note');
  });

  it("and one customer's by customer, as before", () => {
    const plan = plansOf((db) => creditsAsOf(db, '2026-06-30', 1));
    expect(plan).not.toContain('receipts_applied_late');
    expect(plan).toContain('USING COVERING INDEX allocations_credit_note');
  });
});
