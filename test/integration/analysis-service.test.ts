// Value tiers stored by the analysis service: audited recompute, movement, settings checks,
// the automatic recompute at the start of a month, and the analysis page's overview.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Desk } from '../../main/app/desk';
import { fixedClock } from '../../main/services/context';
import { openTestDesk, type TestDesk } from '../support/book';
import { seedTierBook } from '../support/tier-book';

let t: TestDesk;
let ids: Record<string, number>;
beforeEach(async () => {
  t = await openTestDesk({ now: '2026-10-05T09:00:00.000Z' });
  ids = await seedTierBook(t.ok);
});
afterEach(() => t.close());

const stored = () =>
  t.desk.ctx.book.sqlite
    .prepare('SELECT code, value_tier AS tier, value_tier_on AS "on" FROM customers ORDER BY code')
    .all() as { code: string; tier: string | null; on: string | null }[];

describe('recompute and store value tiers', () => {
  it('stores tier and as-of date on every ranked customer, audited', async () => {
    const run = await t.ok('analysis:recompute', { asOf: '2026-09-30' });
    expect(run).toMatchObject({
      asOf: '2026-09-30',
      months: 3,
      method: 'pareto',
      from: '2026-07-01',
      to: '2026-09-30',
      counts: { A: 1, B: 3, C: 2 },
      trigger: 'manual',
      operatorName: '管理员',
    });
    expect(stored()).toEqual([
      { code: 'C1', tier: 'A', on: '2026-09-30' },
      { code: 'C2', tier: 'B', on: '2026-09-30' },
      { code: 'C3', tier: 'B', on: '2026-09-30' },
      { code: 'C4', tier: 'C', on: '2026-09-30' },
      { code: 'C5', tier: null, on: null },
      { code: 'C6', tier: null, on: null },
      { code: 'C7', tier: 'B', on: '2026-09-30' },
      { code: 'C8', tier: 'C', on: '2026-09-30' },
    ]);
    const audit = await t.ok('audit:list', { entity: 'tiers' });
    expect(audit.total).toBe(1);
    expect(audit.rows[0]).toMatchObject({ action: 'recompute', operatorName: '管理员' });
  });

  it('the customer list filters and sorts by the stored tier; the card shows the as-of date', async () => {
    const none = await t.ok('customers:list', { filter: { valueTier: ['A'] } });
    expect(none.total).toBe(0);
    await t.ok('analysis:recompute', { asOf: '2026-09-30' });
    const b = await t.ok('customers:list', { filter: { valueTier: ['B'] } });
    expect(b.rows.map((r: any) => [r.code, r.valueTier])).toEqual([
      ['C2', 'B'],
      ['C3', 'B'],
      ['C7', 'B'],
    ]);
    const notComputed = await t.ok('customers:list', { filter: { valueTier: ['none'] } });
    expect(notComputed.rows.map((r: any) => r.code)).toEqual(['C5']); // the prospect (C6 is terminated: hidden)
    const byTier = await t.ok('customers:list', { sort: 'valueTier', order: 'asc' });
    expect(byTier.rows.map((r: any) => `${r.code}:${r.valueTier ?? '-'}`)).toEqual([
      'C1:A',
      'C2:B',
      'C3:B',
      'C7:B',
      'C4:C',
      'C8:C',
      'C5:-',
    ]);
    const rated = await t.ok('customers:list', { filter: { valueTier: ['A'], creditRating: ['none'] } });
    expect(rated.rows.map((r: any) => r.code)).toEqual(['C1']);
    const card = await t.ok('customers:get', { code: 'C1' });
    expect([card.valueTier, card.valueTierOn]).toEqual(['A', '2026-09-30']);
    expect(await t.ok('analysis:latest-run', {})).toMatchObject({ asOf: '2026-09-30', counts: { A: 1, B: 3, C: 2 } });
  });

  it('movement since the previous computation: who moved up, who moved down', async () => {
    await t.ok('analysis:recompute', { asOf: '2026-09-30' });
    await t.ok('invoices:create', { customerId: ids.C8, number: 'H-2', issueDate: '2026-09-25', amount: 3_000_000 });
    const run = await t.ok('analysis:recompute', { asOf: '2026-09-30' });
    // averages: C8 1,033,333 · C1 400,000 · C2 83,333 · C3 33,334 · C7 33,333 · C4 0; T = 1,583,333
    // cum C1 1,433,333 (90.5 %) → B; cum C2 1,516,666 (95.8 %) → C
    expect(run.counts).toEqual({ A: 1, B: 1, C: 4 });
    const o = await t.ok('analysis:overview', {});
    expect(o.movement.up.map((m: any) => [m.customerCode, m.from, m.to])).toEqual([['C8', 'C', 'A']]);
    expect(o.movement.down.map((m: any) => [m.customerCode, m.from, m.to])).toEqual([
      ['C1', 'A', 'B'],
      ['C2', 'B', 'C'],
      ['C3', 'B', 'C'],
      ['C7', 'B', 'C'],
    ]);
    // six customers: one bar each, with its code and the exact running sum (fen)
    expect(o.pareto.points.map((p: any) => [p.code, p.value, p.tier, p.cumulative, p.cumPercent])).toEqual([
      ['C8', 1_033_333, 'A', 1_033_333, 65.26],
      ['C1', 400_000, 'B', 1_433_333, 90.53],
      ['C2', 83_333, 'C', 1_516_666, 95.79],
      ['C3', 33_334, 'C', 1_550_000, 97.89],
      ['C7', 33_333, 'C', 1_583_333, 100],
      ['C4', 0, 'C', 1_583_333, 100],
    ]);
    expect(o.pareto).toMatchObject({ bucketSize: 1, customers: 6, total: 1_583_333 });
    expect(o.totals).toEqual([
      { tier: 'A', customers: 1, sales: 3_100_000 },
      { tier: 'B', customers: 1, sales: 1_200_000 },
      { tier: 'C', customers: 4, sales: 450_001 },
    ]);
    const a = o.matrix.find((c: any) => c.tier === 'A' && c.rating === null);
    expect(a).toEqual({ tier: 'A', rating: null, customers: 1, open: 3_100_000 });
    expect(o.composition.tier.map((r: any) => [r.key, r.customers, r.sales])).toEqual([
      ['A', 1, 3_100_000],
      ['B', 1, 1_200_000],
      ['C', 4, 450_001],
    ]);
  });

  it('threshold method (等级标准额) from the settings', async () => {
    await t.ok('analysis:update-tier-settings', { method: 'threshold', aMin: 100_000, bMin: 33_334 });
    const run = await t.ok('analysis:recompute', { asOf: '2026-09-30' });
    expect(run.counts).toEqual({ A: 1, B: 2, C: 3 }); // C1 ≥ 1,000.00; C2, C3 ≥ 333.34
  });

  it('bad settings get a per-field message and change nothing', async () => {
    const before = await t.ok('analysis:tier-settings', {});
    expect(before).toEqual({ months: 3, method: 'pareto', aPercent: 80, bPercent: 95, aMin: 1_000_000, bMin: 200_000 });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ months: 7 }, 'months', 'analysis.error.months'],
      [{ months: 2 }, 'months', 'analysis.error.months'],
      [{ aPercent: 96 }, 'bPercent', 'analysis.error.bPercent'],
      [{ aMin: 100, bMin: 100 }, 'aMin', 'analysis.error.thresholdsIncreasing'],
      [{ aMin: 100, bMin: 500 }, 'aMin', 'analysis.error.thresholdsIncreasing'],
      [{ bMin: 0 }, 'bMin', 'analysis.error.bMin'],
    ];
    for (const [patch, field, message] of cases) {
      const r = await t.call('analysis:update-tier-settings', patch);
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field, message } });
    }
    expect(await t.ok('analysis:tier-settings', {})).toEqual(before);
    expect(
      (await t.ok('audit:list', { entity: 'settings' })).rows.filter((r: any) => r.entityId === 'tiers'),
    ).toHaveLength(0);
    const ok = await t.ok('analysis:update-tier-settings', { months: 6 });
    expect(ok.months).toBe(6);
    expect((await t.ok('analysis:recompute', { asOf: '2026-09-30' })).from).toBe('2026-04-01');
  });

  it('recomputes automatically when the book is opened in a later month', async () => {
    await t.ok('analysis:recompute', { asOf: '2026-10-05' });
    const path = t.desk.ctx.book.path;
    await t.desk.close();
    // same month: no new run
    const same = new Desk({ mode: 'browser', userDataDir: t.dir, clock: fixedClock('2026-10-31T09:00:00.000Z') });
    await same.open(path);
    expect((same.ctx.book.sqlite.prepare('SELECT count(*) AS n FROM tier_runs').get() as any).n).toBe(1);
    await same.close();
    const next = new Desk({ mode: 'browser', userDataDir: t.dir, clock: fixedClock('2026-11-02T09:00:00.000Z') });
    await next.open(path);
    const runs = next.ctx.book.sqlite
      .prepare('SELECT as_of, window_from, window_to, trigger FROM tier_runs ORDER BY id')
      .all();
    expect(runs).toEqual([
      { as_of: '2026-10-05', window_from: '2026-07-01', window_to: '2026-09-30', trigger: 'manual' },
      { as_of: '2026-11-02', window_from: '2026-08-01', window_to: '2026-10-31', trigger: 'monthly' },
    ]);
    expect(
      next.ctx.book.sqlite.prepare("SELECT action FROM audit_log WHERE entity = 'tiers' ORDER BY id").all(),
    ).toEqual([{ action: 'recompute' }, { action: 'recompute-monthly' }]);
    await next.close();
    await t.desk.open(path); // so the suite's close() finds a book
  });
});
