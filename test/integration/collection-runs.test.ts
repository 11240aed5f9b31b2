// Collection trips over IPC: candidates of a region in route order with their open amounts as of
// the run date, a run and its printed sheet, visit outcomes written as collection records with
// their promise or receipt (all or nothing), the dunning credit hold after confirmation, and the
// calendar filters.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

let t: TestDesk;
const ids: Record<string, number> = {};
const sql = <T>(q: string, ...a: unknown[]) => t.desk.ctx.book.sqlite.prepare(q).all(...a) as T[];

beforeAll(async () => {
  t = await openTestDesk({ now: '2026-11-23T09:00:00.000Z' });
  await t.ok('regions:upsert', { code: 'HZ', name: '杭州', area: null });
  await t.ok('regions:upsert', { code: 'SH', name: '上海', area: null });
  const mk = async (code: string, regionCode: string, routeSeq: number, extra: Record<string, unknown> = {}) =>
    (ids[code] = await activeCustomer(t.ok, code, { regionCode, routeSeq, ...extra }));
  await mk('R1', 'HZ', 3, { profile: { ...HUASHENG.profile, best_visit_time: '上午 9-11 点' } });
  await mk('R2', 'HZ', 1);
  await mk('R3', 'SH', 2);
  await mk('R4', 'HZ', 2); // owes nothing: not a candidate
  const inv = (code: string, number: string, issueDate: string, amount: number) =>
    t.ok('invoices:create', { customerId: ids[code], number, issueDate, amount });
  await inv('R1', 'R1-1', '2026-08-01', 300000); // due 2026-08-31
  await inv('R1', 'R1-2', '2026-11-10', 100000); // due 2026-12-10
  await inv('R2', 'R2-1', '2026-10-01', 50000); // due 2026-10-31
  await inv('R3', 'R3-1', '2026-07-01', 70000);
  // paid on 11-20: still open as of 11-19
  await t.ok('receipts:create', { customerId: ids.R2, date: '2026-11-20', amount: 50000, method: 'cash' });
});
afterAll(() => t.close());

describe('collection trips', () => {
  it('lists the customers of a region who owe something, in route order, as of the run date', async () => {
    const rows = await t.ok('collections:run-candidates', { asOf: '2026-11-19', regionCode: 'HZ' });
    expect(rows.map((r: any) => [r.customerCode, r.routeSeq, r.balance, r.overdue, r.contactName, r.bestTime])).toEqual(
      [
        ['R2', 1, 50000, 50000, '李娜', null],
        ['R1', 3, 400000, 300000, '李娜', '上午 9-11 点'],
      ],
    );
    const after = await t.ok('collections:run-candidates', { asOf: '2026-11-23', regionCode: 'HZ' });
    expect(after.map((r: any) => r.customerCode)).toEqual(['R1']);
  });

  it('plans a run in route order, prints the run sheet, and records each visit', async () => {
    await t.ok('collections:promise-create', {
      customerId: ids.R1,
      madeOn: '2026-11-20',
      promisedOn: '2026-11-28',
      amount: 120000,
    });
    const run = await t.ok('collections:run-create', {
      runDate: '2026-11-23',
      regionCode: 'HZ',
      customerIds: [ids.R1, ids.R3, ids.R2],
    });
    expect(run.stops.map((s: any) => [s.seq, s.customerCode, s.balance, s.openPromises, s.openPromiseAmount])).toEqual([
      [1, 'R2', 0, 0, 0],
      [2, 'R1', 400000, 1, 120000],
      [3, 'R3', 70000, 0, 0],
    ]);
    const html = await t.ok('collections:run-html', { id: run.id, lang: 'zh-CN' });
    expect(html.html).toContain('上门催收路线单');
    expect(html.html).toContain('4,000.00');
    expect(html.html.indexOf('客户R2')).toBeLessThan(html.html.indexOf('客户R1'));

    // a payment: collection record (visit) + receipt, one transaction
    const s2 = await t.ok('collections:run-outcome', {
      stopId: run.stops[1].stopId,
      outcome: 'payment',
      date: '2026-11-23',
      payment: { amount: 300000, method: 'cash', reference: 'visit' },
    });
    expect(s2).toMatchObject({ outcome: 'payment', balance: 100000, overdue: 0 });
    expect(sql('SELECT amount, source FROM receipts WHERE id = ?', s2.receiptId)).toEqual([
      { amount: 300000, source: 'visit' },
    ]);
    expect(sql('SELECT channel, source, outcome FROM collection_records WHERE id = ?', s2.collectionRecordId)).toEqual([
      { channel: 'visit', source: 'visit', outcome: '上门：收到付款 ¥3,000.00' },
    ]);
    // a written promise
    const s3 = await t.ok('collections:run-outcome', {
      stopId: run.stops[2].stopId,
      outcome: 'written_promise',
      date: '2026-11-23',
      contactName: '赵会计',
      promise: { promisedOn: '2026-12-05', amount: 70000 },
    });
    const promises = await t.ok('collections:promises', { asOf: '2026-11-23', customerId: ids.R3 });
    expect(promises.rows.map((p: any) => [p.promisedOn, p.amount, p.form, p.status, p.collectionRecordId])).toEqual([
      ['2026-12-05', 70000, 'written', 'pending', s3.collectionRecordId],
    ]);
    const list = await t.ok('collections:runs', {});
    expect(list).toEqual([
      { id: run.id, runDate: '2026-11-23', regionCode: 'HZ', regionName: '杭州', stops: 3, recorded: 2 },
    ]);
    const audit = sql<{ entity: string; action: string }>(
      "SELECT entity, action FROM audit_log WHERE entity IN ('collection_run','collection_run_stop','receipt','promise','collection_record') ORDER BY id",
    ).map((a) => `${a.entity}:${a.action}`);
    expect(audit.slice(-5)).toEqual([
      'collection_run:create',
      'receipt:create',
      'collection_run_stop:outcome',
      'promise:create',
      'collection_run_stop:outcome',
    ]);
  });

  it('refuses a bad outcome per field and writes nothing', async () => {
    const run = (await t.ok('collections:runs', {}))[0];
    const full = await t.ok('collections:run', { id: run.id });
    const before = sql<{ n: number }>('SELECT COUNT(*) AS n FROM collection_records')[0].n;
    const bad = await t.call('collections:run-outcome', {
      stopId: full.stops[0].stopId,
      outcome: 'written_promise',
      date: '2026-11-23',
      promise: { promisedOn: '2026-11-01', amount: -5 },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.rows!.map((e) => e.field).sort()).toEqual(['promise.amount', 'promise.promisedOn']);
    const again = await t.call('collections:run-outcome', {
      stopId: full.stops[1].stopId,
      outcome: 'not_met',
      date: '2026-11-23',
    });
    expect(again.ok).toBe(false); // already recorded
    expect(sql<{ n: number }>('SELECT COUNT(*) AS n FROM collection_records')[0].n).toBe(before);
  });

  it('prints the run sheet as an A4 PDF with Chinese text', async () => {
    const run = (await t.ok('collections:runs', {}))[0];
    const pdf = await t.ok('collections:run-pdf', { id: run.id, lang: 'zh-CN' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runsheet-'));
    const file = path.join(dir, pdf.fileName);
    fs.writeFileSync(file, Buffer.from(pdf.base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('上门催收路线单');
    expect(text).toContain('客户R1');
    expect(text).toContain('杭州');
    const info = execFileSync('pdfinfo', [file]).toString();
    expect(info).toMatch(/Page size:\s+841\.\d+ x 59[45]\.\d+ pts \(A4\)/); // A4 landscape
  }, 60_000);

  it("prints the run sheet through the app's printer (Electron's printToPDF in the desktop shell), as statements do", async () => {
    const run = (await t.ok('collections:runs', {}))[0];
    const seen: { html: string; footerLabel?: string }[] = [];
    const before = t.desk.statements.factory;
    // what the desktop shell does at start (main/shell/main.ts): its printer replaces Chromium
    t.desk.statements.configure({
      pdfRenderer: () => ({
        htmlToPdf: async (html, opts) => {
          seen.push({ html, footerLabel: opts?.footerLabel });
          return Buffer.from('%PDF-1.4 app printer');
        },
        close: async () => undefined,
      }),
    });
    try {
      await t.desk.statements.close(); // drops the shared Chromium renderer of the test before
      const pdf = await t.ok('collections:run-pdf', { id: run.id, lang: 'en' });
      expect(Buffer.from(pdf.base64, 'base64').toString()).toBe('%PDF-1.4 app printer');
      expect(seen).toHaveLength(1);
      expect(seen[0].footerLabel).toBe(`run ${run.id}`);
      expect(seen[0].html).toContain('R1');
    } finally {
      t.desk.statements.configure({ pdfRenderer: before });
      await t.desk.statements.close(); // and the fake one, so later tests print with Chromium again
    }
  });
});

describe('dunning credit hold', () => {
  it('puts customers at the hold step on credit hold after confirmation, audited; others are refused', async () => {
    // R3 is 145 days overdue as of 11-23 (level 5: legal), R1 0 overdue now; use an as-of when R3 was at level 3
    const asOf = '2026-09-20'; // R3 due 2026-07-31 → 51 days: level 2; R1 due 08-31 → 20 days: level 1
    expect(await t.ok('collections:dunning-actions', { asOf })).toEqual([]);
    const asOf3 = '2026-10-05'; // R3: 66 days → level 3 (credit_hold)
    const actions = await t.ok('collections:dunning-actions', { asOf: asOf3 });
    expect(actions).toEqual([{ customerId: ids.R3, level: 3, action: 'credit_hold', onHold: false }]);
    const refused = await t.call('collections:dunning-hold', { asOf: asOf3, customerIds: [ids.R1] });
    expect(refused.ok).toBe(false);
    expect(sql('SELECT lifecycle FROM customers WHERE id = ?', ids.R1)).toEqual([{ lifecycle: 'active' }]);
    expect(await t.ok('collections:dunning-hold', { asOf: asOf3, customerIds: [ids.R3] })).toEqual({
      held: 1,
      already: 0,
    });
    expect(sql('SELECT lifecycle FROM customers WHERE id = ?', ids.R3)).toEqual([{ lifecycle: 'suspended' }]);
    expect(
      sql(
        "SELECT entity, action, after FROM audit_log WHERE customer_id = ? AND entity IN ('credit_review','customer') ORDER BY id",
        ids.R3,
      ).map((a: any) => `${a.entity}:${a.action}:${JSON.parse(a.after).lifecycle ?? JSON.parse(a.after).kind}`),
    ).toEqual([
      'customer:create:prospect',
      'customer:lifecycle:active',
      'credit_review:emergency:emergency',
      'customer:lifecycle:suspended',
    ]);
    expect(await t.ok('collections:dunning-actions', { asOf: asOf3 })).toEqual([
      { customerId: ids.R3, level: 3, action: 'credit_hold', onHold: true },
    ]);
    expect(await t.ok('collections:dunning-hold', { asOf: asOf3, customerIds: [ids.R3] })).toEqual({
      held: 0,
      already: 1,
    });
  });
});

describe('calendar filters', () => {
  it('keeps the items of the region / tier / operator asked for and sums due again', async () => {
    const q = { from: '2026-12-01', to: '2026-12-31', asOf: '2026-11-23' };
    const all = await t.ok('collections:calendar', q);
    const codes = (r: any) =>
      r.days.map((d: any) => [d.date, d.due, d.items.map((i: any) => `${i.kind}:${i.customerCode}`)]);
    expect(codes(all)).toEqual([
      ['2026-12-05', 0, ['promise:R3']],
      ['2026-12-10', 100000, ['invoice_due:R1']],
    ]);
    expect(codes(await t.ok('collections:calendar', { ...q, regionCode: 'SH' }))).toEqual([
      ['2026-12-05', 0, ['promise:R3']],
    ]);
    expect(codes(await t.ok('collections:calendar', { ...q, regionCode: 'HZ' }))).toEqual([
      ['2026-12-10', 100000, ['invoice_due:R1']],
    ]);
    expect(codes(await t.ok('collections:calendar', { ...q, tier: 'A' }))).toEqual([]);
    const op = sql<{ operator_name: string | null }>(
      'SELECT operator_name FROM collection_records ORDER BY id DESC LIMIT 1',
    )[0].operator_name!;
    expect(codes(await t.ok('collections:calendar', { ...q, operator: op }))).toEqual(codes(all));
    expect(codes(await t.ok('collections:calendar', { ...q, operator: '没有这个人' }))).toEqual([]);
  });
});
