// The credit overview's one-pass, whole-book shortcuts (history tables scanned once, review
// dates memoised, list objects built after the cut) must give what a plain per-customer
// reference gives: each customer's facts from the correlated single-customer SQL, its position
// row, then the lists filtered, sorted and cut in the obvious way. Random books of customers,
// ratings, classes, limit decisions, credit reports and notes receivable.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBook, type Book } from '../../main/db/connection';
import { creditFactsAsOf, zeroLimitMeansNone } from '../../main/db/credit-store';
import { creditPositionReport, openReceivablesAsOf, positionRow } from '../../main/reports/credit';
import { creditOverview, UTILISATION_BANDS } from '../../main/reports/credit-overview';
import { leanOverviewLists } from '../../main/reports/credit-overview-lean';
import { addDays } from '../../main/domain/dates';
import { GRADES } from '../../main/domain/credit-rules';
import { tempDir } from '../support/book';

let book: Book;
beforeAll(async () => {
  book = await openBook(path.join(tempDir(), 'book.creditdesk'), { create: true });
});
afterAll(async () => {
  await book?.close();
});

const DAYS = ['2026-01-05', '2026-02-10', '2026-02-11', '2026-03-31', '2026-05-15', '2026-06-30', '2026-07-20'];
const day = fc.constantFrom(...DAYS);
const customer = fc.record({
  lifecycle: fc.constantFrom('active', 'prospect', 'suspended'),
  rating: fc.option(fc.constantFrom(...GRADES)),
  creditClass: fc.option(fc.constantFrom('A', 'B', 'C')),
  limit: fc.constantFrom(0, 1000, 5000, 10_000),
  ratings: fc.array(fc.record({ on: day, grade: fc.constantFrom(...GRADES) }), { maxLength: 3 }),
  classes: fc.array(fc.record({ on: day, cls: fc.constantFrom('A', 'B', 'C') }), { maxLength: 3 }),
  decisions: fc.array(
    fc.record({ on: day, amount: fc.constantFrom(0, 2000, 8000), source: fc.constantFrom('worksheet', 'import') }),
    { maxLength: 3 },
  ),
  reviews: fc.array(day, { maxLength: 2 }),
  notes: fc.array(
    fc.record({
      on: day,
      amount: fc.oneof(fc.constantFrom(5000, 8000, 9000, 10_000), fc.integer({ min: 1, max: 12_000 })),
      state: fc.constantFrom('held', 'collected'),
    }),
    { maxLength: 3 },
  ),
});

type Customer = typeof customer extends fc.Arbitrary<infer T> ? T : never;

function fill(cs: Customer[], plainCodes = false): void {
  const s = book.sqlite;
  for (const t of [
    'credit_ratings',
    'credit_classes',
    'credit_limit_decisions',
    'credit_reviews',
    'notes_receivable',
    'customers',
  ])
    s.prepare(`DELETE FROM ${t}`).run();
  const ts = '2026-01-01T00:00:00Z';
  cs.forEach((c, i) => {
    // upper and lower case: binary order is not the collator's (the overview must sort by the latter)
    // or capitals, digits and '-' alone: the first visit's lean reading (credit-overview-lean.ts)
    const code = `${i % 2 && !plainCodes ? 'k' : 'K'}${String((i * 7) % cs.length).padStart(3, '0')}-${i}`;
    const id = Number(
      s
        .prepare(
          `INSERT INTO customers (code, name, kind, nature, lifecycle, confidentiality, search_text, name_pinyin, created_at, updated_at, credit_rating, credit_class, credit_limit)
           VALUES (?, ?, 'company', 'trade_partner', ?, 'normal', '', '', ?, ?, ?, ?, ?)`,
        )
        .run(code, `客户${i}`, c.lifecycle, ts, ts, c.rating, c.creditClass, c.limit).lastInsertRowid,
    );
    for (const r of c.ratings)
      s.prepare(
        `INSERT INTO credit_ratings (customer_id, rated_on, scores, weights, thresholds, score_x100, grade, created_at) VALUES (?, ?, '{}', '{}', '[]', 0, ?, ?)`,
      ).run(id, r.on, r.grade, ts);
    for (const k of c.classes)
      s.prepare(`INSERT INTO credit_classes (customer_id, class, set_on, created_at) VALUES (?, ?, ?, ?)`).run(
        id,
        k.cls,
        k.on,
        ts,
      );
    for (const x of c.decisions)
      s.prepare(
        `INSERT INTO credit_limit_decisions (customer_id, effective_date, amount, method, reason, source, decided_at) VALUES (?, ?, ?, 'judgement', 'r', ?, ?)`,
      ).run(id, x.on, x.amount, x.source, ts);
    for (const v of c.reviews)
      s.prepare(
        `INSERT INTO credit_reviews (customer_id, reviewed_on, kind, findings, created_at) VALUES (?, ?, 'regular', '', ?)`,
      ).run(id, v, ts);
    c.notes.forEach((n, j) =>
      s
        .prepare(
          `INSERT INTO notes_receivable (customer_id, number, kind, drawer, issue_date, maturity_date, amount, state, state_date, created_at) VALUES (?, ?, 'bank_acceptance', 'd', ?, '2026-12-31', ?, ?, ?, ?)`,
        )
        .run(id, `N${i}-${j}`, n.on, n.amount, n.state, n.on, ts),
    );
  });
}

/** Each customer's position from the correlated single-customer SQL, in code order. */
function referenceRows(asOf: string) {
  const s = book.sqlite;
  const zeroIsNone = zeroLimitMeansNone(s);
  const ids = (s.prepare('SELECT id FROM customers ORDER BY code').all() as { id: number }[]).map((r) => r.id);
  return ids.map((id) => {
    const f = creditFactsAsOf(s, asOf, id)[0];
    const r = positionRow(f, openReceivablesAsOf(s, asOf, id).get(id) ?? 0, asOf, zeroIsNone);
    return { ...r, customerId: id, customerName: f.name };
  });
}

/** The plain reference: per customer, then filter, sort with localeCompare, cut. */
function reference(asOf: string, listLimit: number) {
  const rows = referenceRows(asOf);
  const dueBy = addDays(asOf, 31);
  const byBp = (a: (typeof rows)[0], b: (typeof rows)[0]) =>
    b.utilisationBp! - a.utilisationBp! || a.customerCode.localeCompare(b.customerCode);
  return {
    customers: rows.length,
    overLimit: rows
      .filter((r) => r.utilisationBp !== null && r.utilisationBp > 10_000)
      .sort(byBp)
      .slice(0, listLimit),
    nearLimit: rows
      .filter((r) => r.utilisationBp !== null && r.utilisationBp <= 10_000 && r.utilisationBp >= 9000)
      .sort(byBp)
      .slice(0, listLimit),
    reviewsDue: rows
      .filter((r) => r.nextReviewDue !== null && r.nextReviewDue <= dueBy)
      .map((r) => ({ ...r, overdue: r.nextReviewDue! < asOf }))
      .sort((a, b) => a.nextReviewDue!.localeCompare(b.nextReviewDue!) || a.customerCode.localeCompare(b.customerCode))
      .slice(0, listLimit),
    grades: GRADES.map((g) => ({ grade: g, customers: rows.filter((r) => r.rating === g).length })),
    utilisation: UTILISATION_BANDS.map((b) => ({
      band: b.key,
      customers: rows.filter((r) => r.utilisationBp !== null && r.utilisationBp >= b.from && r.utilisationBp < b.to)
        .length,
    })),
  };
}

it('credit overview = plain per-customer reference (lists, order, cut, counts)', () => {
  fc.assert(
    fc.property(fc.array(customer, { maxLength: 12 }), day, fc.integer({ min: 1, max: 4 }), (cs, asOf, listLimit) => {
      fill(cs);
      // twice, and with another date between: the kept facts and standing parts must answer as fresh ones
      for (const d of [asOf, asOf, '2026-04-01', asOf]) {
        // `creditdesk credit`: the kept facts (no documents here: any date is on or after the latest)
        expect(creditPositionReport(book.sqlite, d).rows).toEqual(
          referenceRows(d).map(({ customerId: _i, customerName: _n, ...r }) => r),
        );
        const got = creditOverview(book.sqlite, d, { listLimit });
        const { asOf: _a, ms: _m, downgrades: _d, ...lists } = got;
        expect(lists).toEqual(reference(d, listLimit));
      }
    }),
    { numRuns: 60 },
  );
});

it('first visit, codes in plain order: the lean reading is taken and = the reference', () => {
  fc.assert(
    fc.property(fc.array(customer, { maxLength: 12 }), day, fc.integer({ min: 1, max: 4 }), (cs, asOf, listLimit) => {
      fill(cs, true);
      for (const d of [asOf, '2026-04-01']) {
        const o = { nearBp: 9000, dueBy: addDays(d, 31), listLimit, zeroIsNone: zeroLimitMeansNone(book.sqlite) };
        const lean = leanOverviewLists(book.sqlite, d, o);
        expect(lean).not.toBeNull();
        const { grades, bandCount, ...lists } = lean!;
        const ref = reference(d, listLimit);
        const unnamed = <T extends object>(rows: T[]) => rows.map((r) => ({ ...r, customerName: '' }));
        expect({
          ...lists,
          grades: GRADES.map((g) => ({ grade: g, customers: grades.get(g) ?? 0 })),
          utilisation: UTILISATION_BANDS.map((b, i) => ({ band: b.key, customers: bandCount[i] })),
        }).toEqual({
          ...ref,
          overLimit: unnamed(ref.overLimit),
          nearLimit: unnamed(ref.nearLimit),
          reviewsDue: unnamed(ref.reviewsDue),
        });
        // and the page's answer, names and key order included, is the whole-book columns' answer
        const { ms: _m, ...page } = creditOverview(book.sqlite, d, { listLimit });
        expect(JSON.stringify(page)).toBe(JSON.stringify({ ...page, ...ref, downgrades: page.downgrades }));
      }
    }),
    { numRuns: 60 },
  );
});
