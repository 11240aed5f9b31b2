// The dunning list page by page (collections:dunning-page, issue #13: the window never receives
// the whole list at once): on the report worker, pages of any size for every level filter put
// together give exactly the dunning report's rows (code order), the counts per level are the
// report's, each row carries its ladder action, and after a write the next page is not stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { demoCustomerRefs, writeDemoReceivables } from '../../main/demo/receivables';
import { addDays } from '../../main/domain/dates';
import { dunningReport } from '../../main/services/collections';
import { setReportWorkerMode } from '../../main/workers/report-client';
import type { DunningLevelFilter, DunningPage } from '../../shared/types-dunning-page';
import { openTestDesk, type TestDesk } from '../support/book';

const TODAY = '2026-11-23';
let t: TestDesk;

beforeAll(async () => {
  t = await openTestDesk({ now: `${TODAY}T09:00:00.000Z` });
  await insertDemoCustomers(t.desk.ctx, makeDemoCustomers(120, 5));
  writeDemoReceivables(t.desk.ctx, demoCustomerRefs(t.desk.ctx), 1200, 5);
  const sqlite = t.desk.ctx.book.sqlite;
  const ids = (sqlite.prepare('SELECT id FROM customers ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const insP = sqlite.prepare(
    "INSERT INTO promises (customer_id, made_on, promised_on, amount, promised_by, form, source, created_at) VALUES (?, ?, ?, ?, NULL, 'verbal', 'test', ?)",
  );
  sqlite.transaction(() => {
    ids.forEach((id, i) => {
      const made = addDays(TODAY, -((i * 7) % 90));
      insP.run(id, made, addDays(made, i % 30), 50_000, TODAY);
    });
  })();
}, 120_000);
afterAll(async () => {
  setReportWorkerMode('auto');
  await t?.close();
});

async function allPages(asOf: string, level: DunningLevelFilter, limit: number) {
  const rows: DunningPage['rows'] = [];
  let first: DunningPage | null = null;
  for (let offset = 0; ; offset += limit) {
    const p: DunningPage = await t.ok('collections:dunning-page', { asOf, level, offset, limit });
    first ??= p;
    expect(p.total).toBe(first.total);
    rows.push(...p.rows);
    if (p.rows.length < limit) break;
  }
  return { rows, counts: first!.counts, total: first!.total };
}

const strip = (r: DunningPage['rows'][number]) => {
  const { action: _a, onHold: _h, ...rest } = r;
  return rest;
};

describe('dunning list by pages', () => {
  it('pages of any size, each level, as of any date = the whole report; actions from the ladder', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 60 }), async (back, limit) => {
        const asOf = addDays(TODAY, -back);
        setReportWorkerMode('never');
        const want = (await dunningReport(t.desk.ctx, { asOf })).rows;
        setReportWorkerMode('always');
        const all = await allPages(asOf, 'all', limit);
        expect(all.rows.map(strip)).toEqual(want);
        expect(all.total).toBe(want.length);
        const counts: Record<string, number> = { all: want.length };
        for (const r of want) counts[r.level ?? 'none'] = (counts[r.level ?? 'none'] ?? 0) + 1;
        expect(all.counts).toEqual(counts);
        for (const level of [1, 3, 'none'] as const) {
          const one = await allPages(asOf, level, limit);
          expect(one.rows.map(strip)).toEqual(want.filter((r) => (r.level ?? 'none') === level));
        }
        // default ladder: level 3 stops supply (credit hold), level 5 legal, the others none
        for (const r of all.rows) expect(r.action).toBe(r.level === 3 ? 'credit_hold' : r.level === 5 ? 'legal' : null);
      }),
      { numRuns: 6 },
    );
  }, 240_000);

  it('after a write the next page is worked out again (the kept list is never stale)', async () => {
    setReportWorkerMode('always');
    const before = await t.ok('collections:dunning-page', { asOf: TODAY, level: 'all', offset: 0, limit: 5 });
    const c = before.rows[0];
    // a new invoice of the first customer, due 200 days ago: its days overdue and amount change
    await t.ok('invoices:create', {
      customerId: c.customerId,
      number: 'PAGE-TEST-1',
      issueDate: addDays(TODAY, -230),
      dueDate: addDays(TODAY, -200),
      amount: 123_456,
      overrideReason: 'test',
    });
    const after: DunningPage = await t.ok('collections:dunning-page', {
      asOf: TODAY,
      level: 'all',
      offset: 0,
      limit: 5,
    });
    const row = after.rows.find((r) => r.customerId === c.customerId)!;
    expect(row.daysOverdue).toBe(200);
    expect(row.overdue).toBe(c.overdue + 123_456);
    expect(row.level).toBe(5);
  }, 120_000);
});
