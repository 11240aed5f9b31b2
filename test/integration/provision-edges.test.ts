// Editing the provision matrix's bucket edges (坏账计提账龄段) through the handlers: saved,
// used by the dashboard's provision to the fen, bad edges refused per bucket with nothing changed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

let t: TestDesk; // today is 2026-11-23
beforeEach(async () => {
  t = await openTestDesk();
  const customerId = await activeCustomer(t.ok, 'C1');
  const inv = (number: string, issueDate: string, amount: number) =>
    t.ok('invoices:create', { customerId, number, issueDate, amount, overrideReason: '测试' });
  await inv('A-1', '2026-10-01', 100000); // 53 days old today
  await inv('B-1', '2026-05-01', 200000); // 206 days
  await inv('C-1', '2025-01-01', 300000); // 691 days
});
afterEach(async () => {
  await t.close();
});

const EDGES = [
  { key: 'le_60', from: null, to: 60 },
  { key: '61-365', from: 61, to: 365 },
  { key: 'over_365', from: 366, to: null },
];
const RATES = { le_60: 333, '61-365': 1250, over_365: 10000 };
const auditCount = () =>
  (
    t.desk.ctx.book.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'settings'").get() as {
      n: number;
    }
  ).n;

describe('provision bucket edges', () => {
  it('saves new edges and computes the provision with them to the fen', async () => {
    const before = await t.ok('receivables:dashboard', {});
    expect(before.cost.provision).toBe(15000 + 30000); // defaults: 5 % of 3,000.00 within a year, 10 % of 3,000.00 in 1–2 years

    const s = await t.ok('receivables:update-settings', { provisionBuckets: EDGES, provisionRatesBp: RATES });
    expect(s.provisionBuckets).toEqual(EDGES);
    expect(s.provisionRatesBp).toEqual(RATES);
    expect((await t.ok('receivables:settings', {})).provisionBuckets).toEqual(EDGES);

    // today (open-invoice index): 1,000.00 × 3.33 % = 33.30; 2,000.00 × 12.5 % = 250.00; 3,000.00 × 100 %
    const now = await t.ok('receivables:dashboard', {});
    expect(now.cost.provisionLines.map((l: any) => [l.key, l.amount, l.rateBp, l.provision])).toEqual([
      ['le_60', 100000, 333, 3330],
      ['61-365', 200000, 1250, 25000],
      ['over_365', 300000, 10000, 300000],
    ]);
    expect(now.cost.provision).toBe(328330);
    expect(now.cost.total).toBe(now.cost.opportunityCost + 328330);
    // a past date (rebuilt from the allocations): B-1 is 30 days old, in the first bucket; A-1 not issued yet
    const may = await t.ok('receivables:dashboard', { asOf: '2026-05-31' });
    expect(may.cost.provisionLines.map((l: any) => [l.key, l.amount, l.provision])).toEqual([
      ['le_60', 200000, 6660],
      ['61-365', 0, 0],
      ['over_365', 300000, 300000],
    ]);

    const audit = (await t.ok('audit:list', { entity: 'settings' })).rows[0];
    expect(audit).toMatchObject({ entityId: 'receivables', action: 'update' });
    expect((audit.after as any).provisionBuckets).toEqual(EDGES);

    // new edges alone keep the rates of buckets that still exist; a new bucket needs a rate
    const moved = [EDGES[0], { key: '61-730', from: 61, to: 730 }, { key: 'over_730', from: 731, to: null }];
    const r = await t.call('receivables:update-settings', { provisionBuckets: moved });
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        field: 'provisionRatesBp.61-730',
        message:
          'provisionRatesBp.61-730: bucket 2: needs a provision rate; provisionRatesBp.over_730: bucket 3: needs a provision rate',
      },
    });
  });

  it.each([
    [
      'an edge not above the previous one',
      [
        { key: 'le_365', from: null, to: 365 },
        { key: '366-300', from: 366, to: 300 },
        { key: 'over_300', from: 301, to: null },
      ],
      [{ field: 'provisionBuckets.1.to', message: 'edge_increasing', values: { bucket: 2, prev: 1, prevTo: 365 } }],
      "provisionBuckets.1.to: bucket 2: the upper limit must be more than bucket 1's (365 days)",
    ],
    [
      'a zero edge',
      [
        { key: 'le_0', from: null, to: 0 },
        { key: 'over_0', from: 1, to: null },
      ],
      [{ field: 'provisionBuckets.0.to', message: 'edge_positive', values: { bucket: 1 } }],
      'provisionBuckets.0.to: bucket 1: the upper limit must be a whole number of days, 1 or more',
    ],
    [
      'a closed last bucket',
      [
        { key: 'le_365', from: null, to: 365 },
        { key: '366-730', from: 366, to: 730 },
      ],
      [{ field: 'provisionBuckets.1.to', message: 'edge_last_open', values: { bucket: 2 } }],
      'provisionBuckets.1.to: bucket 2: the last bucket has no upper limit',
    ],
    [
      'a gap between buckets',
      [
        { key: 'le_365', from: null, to: 365 },
        { key: 'over_400', from: 401, to: null },
      ],
      [{ field: 'provisionBuckets.1.from', message: 'bucket_from', values: { bucket: 2, from: 366 } }],
      'provisionBuckets.1.from: bucket 2: must start on day 366, the day after the previous bucket ends',
    ],
  ])('refuses %s, naming the bucket, and changes nothing', async (_what, buckets, rows, message) => {
    const before = await t.ok('receivables:settings', {});
    const audits = auditCount();
    const rates = Object.fromEntries(buckets.map((b) => [b.key, 1000]));
    const r = await t.call('receivables:update-settings', { provisionBuckets: buckets, provisionRatesBp: rates });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ code: 'VALIDATION', field: rows[0].field, message });
      expect(r.error.rows).toEqual(rows.map((x) => ({ row: 0, ...x })));
    }
    expect(await t.ok('receivables:settings', {})).toEqual(before);
    expect(auditCount()).toBe(audits);
  });

  it('refuses a bucket without a rate, naming it', async () => {
    const r = await t.call('receivables:update-settings', {
      provisionBuckets: EDGES,
      provisionRatesBp: { le_60: 500, over_365: 10000 },
    });
    expect(r).toMatchObject({
      ok: false,
      error: { field: 'provisionRatesBp.61-365', message: 'provisionRatesBp.61-365: bucket 2: needs a provision rate' },
    });
    expect((await t.ok('receivables:settings', {})).provisionBuckets).toHaveLength(6);
  });
});
