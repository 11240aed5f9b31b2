// Disputes pause collection end to end (issue #14 §3): a complaint disputing an invoice of an
// overdue customer pauses the dunning ladder (no letter from `creditdesk dunning --letters`), and
// today's worklist shows the dispute (complaint number) instead of the ladder reminder; resolving
// the complaint lifts both.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/io';
import { openTestDesk, type TestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

const quiet: CliIo = { out: () => undefined, err: () => undefined };
function io() {
  const out: string[] = [];
  return { x: { out: (s: string) => void out.push(s), err: () => undefined } as CliIo, out: () => out.join('') };
}

let t: TestDesk;
let db: string;
beforeAll(async () => {
  t = await openTestDesk({ now: '2026-06-02T09:00:00.000Z' });
  const c1 = await activeCustomer(t.ok, 'C1');
  const c2 = await activeCustomer(t.ok, 'C2');
  // both due 2026-05-01: 30 days overdue on 2026-05-31 → ladder step 2 (正式催款函) reached that day
  const inv = (
    await t.ok('invoices:create', { customerId: c1, number: 'INV-1', issueDate: '2026-04-01', amount: 100000 })
  ).invoice;
  await t.ok('invoices:create', { customerId: c2, number: 'INV-9', issueDate: '2026-04-01', amount: 50000 });
  await t.ok('complaints:create', {
    customerId: c1,
    receivedOn: '2026-05-20',
    channel: 'phone',
    type: 'product_quality',
    description: '货物受潮，拒付该批货款',
    severity: 'normal',
    invoiceIds: [inv.id],
    disputesInvoices: true,
  });
}, 60_000);
afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

describe('a dispute pauses collection', () => {
  it('dunning row paused by the dispute; the worklist shows the complaint instead of the reminder', async () => {
    const d = await t.ok('collections:dunning', { asOf: '2026-05-31' });
    expect(d.rows.map((r: any) => [r.customerCode, r.daysOverdue, r.overdue, r.level, r.paused, r.pausedBy])).toEqual([
      ['C1', 30, 100000, 2, true, ['dispute']],
      ['C2', 30, 50000, 2, false, []],
    ]);
    const w = await t.ok('collections:worklist', { asOf: '2026-05-31' });
    const reasons = Object.fromEntries(w.rows.map((r: any) => [r.customerCode, r.reasons]));
    expect(reasons).toEqual({
      C1: [{ key: 'in_dispute', ref: 'TS-000001' }],
      C2: [{ key: 'ladder_step', level: 2 }],
    });
  });

  it('resolving the complaint lifts the pause from that day', async () => {
    const k = (await t.ok('complaints:list', {})).rows[0];
    const cur = await t.ok('complaints:get', { id: k.id });
    await t.ok('complaints:update', {
      id: k.id,
      version: cur.version,
      data: { responsibility: 'ours', resolution: 'replacement' },
    });
    await t.ok('complaints:move', { id: k.id, to: 'resolved', date: '2026-06-01' });
    const before = await t.ok('collections:dunning', { asOf: '2026-05-31' });
    expect(before.rows[0]).toMatchObject({ customerCode: 'C1', paused: true });
    const after = await t.ok('collections:dunning', { asOf: '2026-06-01' });
    expect(after.rows.map((r: any) => [r.customerCode, r.daysOverdue, r.level, r.paused, r.pausedBy])).toEqual([
      ['C1', 31, 2, false, []],
      ['C2', 31, 2, false, []],
    ]);
    db = t.desk.ctx.book.path;
    await t.desk.close(); // the command line writes only a book nobody else has open
  });

  it('creditdesk dunning --letters writes no letter while disputed, and one once resolved', async () => {
    const a = io();
    expect(await runCli(['dunning', '--db', db, '--as-of', '2026-05-31'], a.x)).toBe(0);
    expect(JSON.parse(a.out()).rows.map((r: any) => [r.customerCode, r.paused])).toEqual([
      ['C1', true],
      ['C2', false],
    ]);
    const dir = path.join(t.dir, 'letters-0531');
    expect(
      await runCli(['dunning', '--db', db, '--as-of', '2026-05-31', '--level', '2', '--letters', dir], quiet),
    ).toBe(0);
    expect(fs.readdirSync(dir)).toEqual(['C2.pdf']);
    const dir2 = path.join(t.dir, 'letters-0601');
    expect(
      await runCli(['dunning', '--db', db, '--as-of', '2026-06-01', '--level', '2', '--letters', dir2], quiet),
    ).toBe(0);
    expect(fs.readdirSync(dir2)).toContain('C1.pdf');
  }, 120_000);
});
