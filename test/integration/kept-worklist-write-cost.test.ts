// Keeping today's worklist without holding the window's thread (issue #13: "the window never
// blocks for more than 100 ms"). A big book's rebuild writes its rows in customer id order: each
// chunk appends to the table (in any other order a 1,000-row chunk's commit rewrote a page of
// every part of it). A write's refresh reads only its own customers' invoices due today and
// promises: a seek each, not the whole book's read and then filtered.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { demoCustomerRefs, writeDemoReceivables } from '../../main/demo/receivables';
import { addDays } from '../../main/domain/dates';
import { openInvoicesDueBetween } from '../../main/db/collections-store';
import { promisesInScope } from '../../main/db/collections/promises';
import { dropKeptWorklist, keptWorklistMeta } from '../../main/db/collections/worklist-kept';
import { openSqlite } from '../../main/db/sqlite-file';
import { keptWorklistChunk, rebuildKeptWorklist } from '../../main/services/collections/kept-worklist-rebuild';
import { setReportWorkerMode } from '../../main/workers/report-client';
import { openTestDesk, type TestDesk } from '../support/book';
import { rawRecordInsert, restoreWorklistDefaults } from '../support/collections-book';
import { worklistFullReference } from '../support/worklist-reference';

const TODAY = '2026-11-23';
let t: TestDesk;
let ids: number[];

beforeAll(async () => {
  t = await openTestDesk({ now: `${TODAY}T09:00:00.000Z` });
  await insertDemoCustomers(t.desk.ctx, makeDemoCustomers(60, 7));
  writeDemoReceivables(t.desk.ctx, demoCustomerRefs(t.desk.ctx), 600, 7);
  const sqlite = t.desk.ctx.book.sqlite;
  ids = sqlite.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
  const insR = rawRecordInsert(sqlite);
  const insP = sqlite.prepare(
    "INSERT INTO promises (customer_id, made_on, promised_on, amount, promised_by, form, source, created_at) VALUES (?, ?, ?, ?, NULL, 'verbal', 'test', ?)",
  );
  ids.forEach((id, i) => {
    // the calendar's order (by date) is not the customers' id order
    insR.run(id, addDays(TODAY, -(i % 40)), i % 3 ? 'call' : 'visit', addDays(TODAY, -((i * 7) % 25)), TODAY);
    insP.run(id, addDays(TODAY, -(i % 30)), addDays(TODAY, -((i * 11) % 9)), 10_000 + i * 100, TODAY);
  });
}, 120_000);
afterEach(restoreWorklistDefaults);
afterAll(async () => {
  await t?.close();
});

describe('keeping the worklist on the window thread', () => {
  it("a big book's rebuild writes its rows in customer id order (each chunk appends to the table)", async () => {
    setReportWorkerMode('always'); // a big book's path: rows worked out on the worker, written in chunks
    keptWorklistChunk.rows = 7;
    const sqlite = t.desk.ctx.book.sqlite;
    sqlite.exec(`CREATE TEMP TABLE kept_inserts (seq INTEGER PRIMARY KEY, customer_id INTEGER);
      CREATE TEMP TRIGGER kept_inserts_log AFTER INSERT ON main.worklist_kept
      BEGIN INSERT INTO kept_inserts (customer_id) VALUES (new.customer_id); END;`);
    try {
      dropKeptWorklist(sqlite);
      await rebuildKeptWorklist(t.desk.ctx);
      expect(keptWorklistMeta(sqlite)).toMatchObject({ asOf: TODAY, ready: 1 });
      const order = sqlite.prepare('SELECT customer_id FROM kept_inserts ORDER BY seq').pluck().all() as number[];
      const want = await worklistFullReference(t.desk.ctx.book, TODAY);
      expect(want.length).toBeGreaterThan(30);
      expect(order.length).toBe(want.length);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      // the same worklist as before: ranked by its index, not by the order written
      const page = await t.ok('collections:worklist-page', { asOf: TODAY, offset: 0, limit: 1_000 });
      expect(page.rows).toEqual(want);
    } finally {
      sqlite.exec('DROP TRIGGER temp.kept_inserts_log; DROP TABLE temp.kept_inserts;');
    }
  });

  it("a write's refresh seeks its customers' invoices due today and open promises (no whole-book read)", () => {
    // a connection of its own: its statements are prepared (and seen) afresh
    const ro = openSqlite(`${t.dir}/test.creditdesk`, { readonly: true });
    try {
      const seen: string[] = [];
      const prepare = ro.prepare.bind(ro);
      ro.prepare = ((sql: string) => (seen.push(sql), prepare(sql))) as typeof ro.prepare;
      const cids = JSON.stringify([ids[4]]);
      const plan = (params: Record<string, unknown>) =>
        seen
          .splice(0)
          .flatMap((sql) =>
            (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((r) => r.detail),
          );
      openInvoicesDueBetween(ro, TODAY, TODAY, TODAY, [ids[4]]);
      const invoices = plan({ d: TODAY, lo: TODAY, hi: TODAY, cids });
      expect(invoices).toContainEqual(expect.stringContaining('invoices_open (customer_id=?'));
      expect(invoices.filter((p) => p.includes('invoices_open_due'))).toEqual([]);
      promisesInScope(ro, { asOf: TODAY, promisedFrom: addDays(TODAY, -4), customerIds: [ids[4]] }, 3);
      const promises = plan({ d: TODAY, pf: addDays(TODAY, -4), cids, g: 3 });
      expect(promises).toContainEqual(
        expect.stringContaining('promises_sharing_order (customer_id=? AND promised_on>?)'),
      );
      expect(promises.filter((p) => p.includes('promises_promised_on'))).toEqual([]);
      // the same rows as the whole book's, filtered
      for (const d of [TODAY, addDays(TODAY, -5), addDays(TODAY, -60)])
        for (const cid of ids.slice(0, 20)) {
          const all = openInvoicesDueBetween(ro, d, addDays(d, -30), d).filter((r) => r.customerId === cid);
          const mine = openInvoicesDueBetween(ro, d, addDays(d, -30), d, [cid]);
          expect(mine).toEqual(expect.arrayContaining(all));
          expect(mine.length).toBe(all.length);
        }
    } finally {
      ro.close();
    }
  });
});
