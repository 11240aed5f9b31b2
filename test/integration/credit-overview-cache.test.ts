// The credit overview keeps the whole-book credit facts per connection (issue 12, speed): a
// second visit must not scan the history tables again, and any write to a customer or to a
// table the credit position reads (ratings, classes, limit decisions, credit reports, notes
// receivable) must show on the next visit. The whole-book pass reads covering indexes only.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBook, type Book } from '../../main/db/connection';
import { creditFactsAsOf } from '../../main/db/credit-store';
import { creditOverview } from '../../main/reports/credit-overview';
import { tempDir } from '../support/book';

let book: Book;
const TS = '2026-01-01T00:00:00Z';
const AS_OF = '2026-06-30';

function customer(code: string, limit: number): number {
  return Number(
    book.sqlite
      .prepare(
        `INSERT INTO customers (code, name, kind, nature, lifecycle, confidentiality, search_text, name_pinyin, created_at, updated_at, credit_limit)
         VALUES (?, ?, 'company', 'trade_partner', 'active', 'normal', '', '', ?, ?, ?)`,
      )
      .run(code, `客户${code}`, TS, TS, limit).lastInsertRowid,
  );
}

let a: number;
let b: number;
beforeAll(async () => {
  book = await openBook(path.join(tempDir(), 'book.creditdesk'), { create: true });
  a = customer('A001', 10_000);
  b = customer('B002', 10_000);
});
afterAll(async () => {
  await book?.close();
});

const overview = () => creditOverview(book.sqlite, AS_OF);
const row = (code: string) => {
  const o = overview();
  return [...o.overLimit, ...o.nearLimit, ...o.reviewsDue].find((r) => r.customerCode === code);
};

describe('credit overview cache', () => {
  it('answers a second visit from the kept facts (no new scan) until something is written', () => {
    const first = creditFactsAsOf(book.sqlite, AS_OF);
    expect(creditFactsAsOf(book.sqlite, AS_OF)).toBe(first);
    expect(creditFactsAsOf(book.sqlite, '2026-07-01')).not.toBe(first); // another date: its own facts
    book.sqlite.prepare("UPDATE customers SET name = '改名' WHERE id = ?").run(a);
    const renamed = creditFactsAsOf(book.sqlite, AS_OF);
    expect(renamed).not.toBe(first);
    expect(renamed.find((f) => f.id === a)?.name).toBe('改名');
  });

  it('shows each kind of credit write on the next visit', () => {
    const s = book.sqlite;
    expect(overview().grades.find((g) => g.grade === 'BB')?.customers).toBe(0);
    s.prepare(
      `INSERT INTO credit_ratings (customer_id, rated_on, scores, weights, thresholds, score_x100, grade, created_at) VALUES (?, '2026-03-01', '{}', '{}', '[]', 0, 'BB', ?)`,
    ).run(a, TS);
    expect(overview().grades.find((g) => g.grade === 'BB')?.customers).toBe(1);

    s.prepare(
      `INSERT INTO credit_classes (customer_id, class, set_on, created_at) VALUES (?, 'C', '2026-06-01', ?)`,
    ).run(b, TS);
    expect(row('B002')?.nextReviewDue).toBe('2026-07-10');
    s.prepare(
      `INSERT INTO credit_reviews (customer_id, reviewed_on, kind, findings, created_at) VALUES (?, '2026-05-20', 'regular', '', ?)`,
    ).run(b, TS);
    expect(row('B002')?.nextReviewDue).toBe('2026-06-10'); // May report, class C: due the 10th of June
    s.prepare(`UPDATE credit_reviews SET reviewed_on = '2026-04-20' WHERE customer_id = ?`).run(b);
    expect(row('B002')?.nextReviewDue).toBe('2026-05-10');

    // a note receivable of 9,500 against a 10,000 limit: near the limit
    s.prepare(
      `INSERT INTO notes_receivable (customer_id, number, kind, drawer, issue_date, maturity_date, amount, state, state_date, created_at) VALUES (?, 'N1', 'bank_acceptance', 'd', '2026-06-01', '2026-12-31', 9500, 'held', '2026-06-01', ?)`,
    ).run(a, TS);
    expect(overview().nearLimit.map((r) => [r.customerCode, r.exposure, r.utilisationBp])).toEqual([
      ['A001', 9500, 9500],
    ]);
    // the limit lowered by a decision: now over it
    s.prepare(
      `INSERT INTO credit_limit_decisions (customer_id, effective_date, amount, method, reason, source, decided_at) VALUES (?, '2026-06-15', 5000, 'judgement', 'r', 'worksheet', ?)`,
    ).run(a, TS);
    const o = overview();
    expect(o.nearLimit).toEqual([]);
    expect(o.overLimit.map((r) => [r.customerCode, r.creditLimit, r.utilisationBp])).toEqual([['A001', 5000, 19_000]]);
    s.prepare('DELETE FROM credit_limit_decisions WHERE customer_id = ?').run(a);
    expect(overview().overLimit).toEqual([]);
  });

  it('reads the credit history tables through covering indexes', () => {
    const plan = (sql: string) =>
      (book.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan('SELECT customer_id, rated_on, id, grade FROM credit_ratings')).toContain('COVERING INDEX');
    expect(plan('SELECT customer_id, set_on, id, class FROM credit_classes')).toContain('COVERING INDEX');
    expect(plan('SELECT customer_id, effective_date, id, amount, source FROM credit_limit_decisions')).toContain(
      'COVERING INDEX',
    );
  });
});
