// `creditdesk tiers` through the CLI entry, on a book entered through the IPC channels.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/io';
import { openTestDesk, type TestDesk } from '../support/book';
import { seedTierBook } from '../support/tier-book';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const x: CliIo = { out: (s) => void out.push(s), err: (s) => void err.push(s) };
  return { x, out: () => out.join(''), err: () => err.join('') };
}

let t: TestDesk;
let dbPath: string;

beforeAll(async () => {
  t = await openTestDesk({ now: '2026-10-05T09:00:00.000Z' });
  await seedTierBook(t.ok);
  dbPath = t.desk.ctx.book.path;
});
afterAll(() => t.close());

describe('creditdesk tiers', () => {
  it('prints the ranked tiers as of a month end, exact to the fen', async () => {
    const a = io();
    expect(await runCli(['tiers', '--db', dbPath, '--as-of', '2026-09-30'], a.x)).toBe(0);
    expect(a.out()).toBe(
      `${JSON.stringify(
        {
          asOf: '2026-09-30',
          months: 3,
          from: '2026-07-01',
          to: '2026-09-30',
          rows: [
            { customerCode: 'C1', sales: 1_200_000, averageMonthly: 400_000, tier: 'A' },
            { customerCode: 'C2', sales: 250_000, averageMonthly: 83_333, tier: 'B' },
            { customerCode: 'C3', sales: 100_001, averageMonthly: 33_334, tier: 'B' },
            { customerCode: 'C7', sales: 100_000, averageMonthly: 33_333, tier: 'B' },
            { customerCode: 'C8', sales: 100_000, averageMonthly: 33_333, tier: 'C' },
            { customerCode: 'C4', sales: 0, averageMonthly: 0, tier: 'C' },
          ],
          counts: { A: 1, B: 3, C: 2 },
        },
        null,
        2,
      )}\n`,
    );
  });

  it('mid-month as-of uses the previous whole months; --months widens the window', async () => {
    const a = io();
    expect(await runCli(['tiers', '--db', dbPath, '--as-of', '2026-10-15', '--months', '4'], a.x)).toBe(0);
    const rep = JSON.parse(a.out());
    expect([rep.from, rep.to, rep.months]).toEqual(['2026-06-01', '2026-09-30', 4]);
    // C3 now has 999,900 + 100,001 = 1,099,901 → 274,975.25 → 274,975
    // T = 687,475; 80 % → 549,980; 95 % → 653,101.25
    expect(rep.rows.map((r: any) => [r.customerCode, r.sales, r.averageMonthly, r.tier])).toEqual([
      ['C1', 1_200_000, 300_000, 'A'],
      ['C3', 1_099_901, 274_975, 'B'], // cum 574,975
      ['C2', 250_000, 62_500, 'B'], // cum 637,475
      ['C7', 100_000, 25_000, 'C'], // cum 662,475
      ['C8', 100_000, 25_000, 'C'],
      ['C4', 0, 0, 'C'],
    ]);
    expect(rep.counts).toEqual({ A: 1, B: 2, C: 3 });
  });

  it('csv lists the rows in rank order with amounts in yuan', async () => {
    const a = io();
    expect(await runCli(['tiers', '--db', dbPath, '--as-of', '2026-09-30', '--format', 'csv'], a.x)).toBe(0);
    expect(a.out().split('\n').slice(0, 3)).toEqual([
      'rank,customer_code,sales,average_monthly,tier',
      '1,C1,12000.00,4000.00,A',
      '2,C2,2500.00,833.33,B',
    ]);
  });

  it('reports without storing: value tiers stay empty', async () => {
    await runCli(['tiers', '--db', dbPath, '--as-of', '2026-09-30'], io().x);
    const n = t.desk.ctx.book.sqlite
      .prepare('SELECT count(*) AS n FROM customers WHERE value_tier IS NOT NULL')
      .get() as { n: number };
    expect(n.n).toBe(0);
  });

  it('months outside 3–6, a bad date or format are usage errors', async () => {
    for (const m of ['2', '7', 'x', '3.5']) {
      const a = io();
      expect(await runCli(['tiers', '--db', dbPath, '--as-of', '2026-09-30', '--months', m], a.x)).toBe(2);
      expect(a.err()).toContain('--months 必须是 3–6 之间的整数'); // the user's language, zh-CN by default
    }
    expect(await runCli(['tiers', '--db', dbPath, '--as-of', '2026-09-31'], io().x)).toBe(2);
    expect(await runCli(['tiers', '--db', dbPath, '--as-of', '2026-09-30', '--format', 'xml'], io().x)).toBe(2);
    expect(await runCli(['tiers', '--as-of', '2026-09-30'], io().x)).toBe(2);
  });
});
