// The customer list as it opens (code order, no search text) is paged by SQLite instead of the
// in-memory finder, so a 100,000-customer book shows its first screen without reading every
// customer. Both paths must give the same rows, total and order for every filter: random books
// and random filters, the finder (the reference, unchanged) against listCustomers.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openBook, type Book } from '../../main/db/connection';
import { listCustomers } from '../../main/services/customers';
import { findCustomerIds, finderLoaded } from '../../main/services/customers/search-index';
import type { ServiceContext } from '../../main/services/context';
import { tempDir } from '../support/book';

let book: Book;
let ctx: ServiceContext;
beforeAll(async () => {
  book = await openBook(path.join(tempDir(), 'book.creditdesk'), { create: true });
  ctx = {
    book,
    clock: { today: () => '2026-11-30', now: () => new Date('2026-11-30T09:00:00Z') },
    session: { operator: null },
  } as unknown as ServiceContext;
});
afterAll(async () => {
  await book?.close();
});

const LIFECYCLES = ['prospect', 'active', 'suspended', 'terminated'] as const;
const NATURES = ['trade_partner', 'end_user'] as const;
const REGIONS = ['R01', 'R02', 'R03'];
const CONFIDENTIALITY = ['normal', 'confidential', 'top_secret'] as const;
const TIERS = ['A', 'B', 'C'] as const;
const GRADES = ['AAA', 'BB', 'D'];
const customer = fc.record({
  lifecycle: fc.constantFrom(...LIFECYCLES),
  nature: fc.constantFrom(...NATURES),
  region: fc.option(fc.constantFrom(...REGIONS)),
  confidentiality: fc.constantFrom(...CONFIDENTIALITY),
  tier: fc.option(fc.constantFrom(...TIERS)),
  rating: fc.option(fc.constantFrom(...GRADES)),
  creditClass: fc.option(fc.constantFrom('A', 'B', 'C')),
  grade: fc.option(fc.constantFrom('A', 'B', 'C', 'D')),
});
type Row = typeof customer extends fc.Arbitrary<infer T> ? T : never;

function fill(cs: Row[], into: Book = book): void {
  const s = into.sqlite;
  s.prepare('DELETE FROM customers').run();
  const ts = '2026-01-01T00:00:00Z';
  const insert = s.prepare(
    `INSERT INTO customers (code, name, kind, nature, lifecycle, confidentiality, search_text, name_pinyin, created_at, updated_at,
       region_code, value_tier, credit_rating, credit_class, prospect_grade)
     VALUES (?, ?, 'company', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  cs.forEach((c, i) => {
    // codes not in insertion order, so id order and code order differ
    const code = `K${String((i * 7) % (cs.length + 3)).padStart(3, '0')}-${i}`;
    insert.run(
      code,
      `客户${i}`,
      c.nature,
      c.lifecycle,
      c.confidentiality,
      code.toLowerCase(),
      `kehu${i}`,
      ts,
      ts,
      c.region,
      c.tier,
      c.rating,
      c.creditClass,
      c.grade,
    );
  });
}

const some = <T>(xs: readonly T[]) => fc.option(fc.subarray([...xs], { minLength: 1 }), { nil: undefined });
const filter = fc.record(
  {
    lifecycle: some(LIFECYCLES),
    nature: some(NATURES),
    region: some(REGIONS),
    confidentiality: some(CONFIDENTIALITY),
    includeTerminated: fc.boolean(),
    valueTier: some(['A', 'B', 'C', 'none'] as const),
    creditRating: some([...GRADES, 'none']),
    creditClass: some(['A', 'B', 'C', 'none'] as const),
    prospectGrade: some(['A', 'B', 'C', 'D', 'none'] as const),
  },
  { requiredKeys: [] },
);

it('pages the opening list (code order, no search) exactly as the finder does, for any filter', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(customer, { maxLength: 40 }),
      filter,
      fc.constantFrom('asc' as const, 'desc' as const),
      fc.nat({ max: 45 }),
      fc.integer({ min: 1, max: 15 }),
      async (cs, f, order, offset, limit) => {
        fill(cs);
        const got = await listCustomers(ctx, { filter: f, sort: 'code', order, offset, limit });
        const want = await findCustomerIds(book, f, 'code', order, offset, limit);
        expect(got.total).toBe(want.total);
        expect(got.rows.map((r) => r.id)).toEqual(want.ids);
      },
    ),
    { numRuns: 150 },
  );
});

it('shows the first page of a fresh book without loading every customer into the finder', async () => {
  const fresh = await openBook(path.join(tempDir(), 'fresh.creditdesk'), { create: true });
  const c = { ...ctx, book: fresh };
  try {
    const plain = { nature: 'end_user', region: null, confidentiality: 'normal', tier: null, rating: null } as const;
    fill(
      [0, 1, 2, 3, 4].map((i) => ({
        ...plain,
        lifecycle: i === 2 ? 'terminated' : 'active',
        creditClass: null,
        grade: null,
      })),
      fresh,
    );
    const first = await listCustomers(c, { filter: {}, sort: 'code', order: 'asc', offset: 0, limit: 200 });
    expect(first.total).toBe(4);
    expect(first.rows.map((r) => r.code)).toEqual(['K000-0', 'K004-4', 'K005-3', 'K007-1']);
    expect(finderLoaded(fresh)).toBe(false);
    // a search or another order still goes through the finder
    const byName = await listCustomers(c, { filter: { query: 'k00' }, sort: 'name', order: 'asc', limit: 10 });
    expect(byName.total).toBe(4);
    expect(finderLoaded(fresh)).toBe(true);
  } finally {
    await fresh.close();
  }
});
