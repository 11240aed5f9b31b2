// Issue #13 speed: the whole-book promise statuses cross from the report worker as typed columns
// whose buffers are transferred (not copied), and their codes and names as indexes into the list
// of customers in code order, whose strings cross once per revision (report-worker.ts,
// report-client.ts; the ageing report keeps its own directory the same way). Whatever order the
// reports come in, and after a customer is renamed, every answer is the in-thread one.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { insertDemoCustomers, makeDemoCustomers } from '../../main/demo/customers';
import { demoCustomerRefs, writeDemoReceivables } from '../../main/demo/receivables';
import { addDays } from '../../main/domain/dates';
import { runJob } from '../../main/reports/jobs';
import { promiseColumnBuffers } from '../../main/reports/collections/promise-status-columns';
import { reportWorkerStats, setReportWorkerMode } from '../../main/workers/report-client';
import { openTestDesk, type TestDesk } from '../support/book';

const TODAY = '2026-11-23';
let t: TestDesk;

beforeAll(async () => {
  t = await openTestDesk({ now: `${TODAY}T09:00:00.000Z` });
  await insertDemoCustomers(t.desk.ctx, makeDemoCustomers(60, 5));
  writeDemoReceivables(t.desk.ctx, demoCustomerRefs(t.desk.ctx), 600, 5);
  const sqlite = t.desk.ctx.book.sqlite;
  const ids = sqlite.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as number[];
  const ins = sqlite.prepare(
    "INSERT INTO promises (customer_id, made_on, promised_on, amount, promised_by, form, collection_record_id, source, created_at) VALUES (?, ?, ?, ?, ?, 'verbal', NULL, 'test', ?)",
  );
  sqlite.transaction(() =>
    ids.forEach((id, i) => {
      for (let k = 0; k < 3; k++) {
        const made = addDays(TODAY, -((i * 5 + k * 11) % 90));
        ins.run(id, made, addDays(made, 1 + ((i + k) % 25)), 10_000 + i * 100, k ? null : '王会计', TODAY);
      }
    }),
  )();
}, 120_000);
afterAll(async () => {
  setReportWorkerMode('auto');
  await t?.close();
});
afterEach(() => setReportWorkerMode('auto'));

/** The same call in-thread, then on the worker: equal answers. */
async function same(channel: string, input: unknown) {
  setReportWorkerMode('never');
  const local = await t.ok(channel as never, input as never);
  setReportWorkerMode('always');
  const before = reportWorkerStats().jobs;
  const remote = await t.ok(channel as never, input as never);
  expect(reportWorkerStats().jobs).toBe(before + 1);
  const { ms: _a, ...l } = local as Record<string, unknown>;
  const { ms: _b, ...r } = remote as Record<string, unknown>;
  expect(r, channel).toEqual(l);
  return local;
}

describe('promise statuses through the report worker', () => {
  it('hand their number columns over by transfer', async () => {
    const out = await runJob(t.desk.ctx.book.sqlite, 'collections:promises', { asOf: TODAY });
    expect(out.result.id.length).toBeGreaterThan(100);
    expect(out.transfer).toEqual(promiseColumnBuffers(out.result));
    expect(out.transfer.length).toBeGreaterThan(0);
  });

  it('name customers from a list sent once per revision, beside the ageing report, renamed or not', async () => {
    await same('collections:promises', { asOf: TODAY }); // the directory crosses
    await same('collections:promises', { asOf: addDays(TODAY, -30) }); // it is kept
    await same('ageing:report', { asOf: TODAY }); // the ageing report keeps its own
    const sqlite = t.desk.ctx.book.sqlite;
    const [id] = sqlite.prepare('SELECT id FROM customers ORDER BY code LIMIT 1').pluck().all() as number[];
    sqlite.prepare("UPDATE customers SET name = '改名 有限公司' WHERE id = ?").run(id);
    const renamed = await same('collections:promises', { asOf: TODAY }); // a new revision crosses
    expect((renamed as { rows: { customerName: string }[] }).rows[0].customerName).toBe('改名 有限公司');
    await same('ageing:report', { asOf: TODAY });
    const one = await same('collections:promises', { asOf: TODAY, customerId: id }); // its own names
    expect((one as { rows: unknown[] }).rows).toHaveLength(3);
    await same('collections:promises', { asOf: TODAY });
  });
});
