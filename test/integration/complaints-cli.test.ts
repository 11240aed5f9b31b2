// `creditdesk complaints`: the fixed JSON (rows by received on then number, money in fen,
// creditNote = linked claim credit note or null), the period filter, CSV, usage errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/io';
import { activeCustomer } from '../support/worked-example';
import { openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk({ now: '2026-05-10T09:00:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const x: CliIo = { out: (s) => void out.push(s), err: (s) => void err.push(s) };
  return { x, out: () => out.join(''), err: () => err.join('') };
}

const k = (receivedOn: string, type: string, extra: Record<string, unknown> = {}): any => ({
  receivedOn,
  channel: 'phone',
  type,
  description: '投诉',
  severity: 'low',
  ...extra,
});

async function seed() {
  const c1 = await activeCustomer(t.ok, 'C1');
  const c2 = await activeCustomer(t.ok, 'C2');
  const inv = (
    await t.ok('invoices:create', { customerId: c1, number: 'INV-1', issueDate: '2026-04-01', amount: 100000 })
  ).invoice;
  // entered out of date order: the output is by received on, then number
  await t.ok('complaints:create', { customerId: c2, ...k('2026-04-20', 'transport') }); // TS-000001
  const claim = await t.ok('complaints:create', {
    customerId: c1,
    ...k('2026-04-05', 'product_quality', {
      invoiceIds: [inv.id],
      responsibility: 'supplier',
      resolution: 'compensation',
      compensation: 12345,
    }),
  }); // TS-000002
  await t.ok('complaints:create', { customerId: c1, ...k('2026-04-20', 'service') }); // TS-000003
  await t.ok('complaints:confirm-claim', { id: claim.id, date: '2026-04-10' });
  await t.ok('complaints:move', { id: claim.id, to: 'resolved', date: '2026-04-12' });
}

describe('creditdesk complaints', () => {
  it('prints the fixed JSON exactly', async () => {
    await seed();
    const o = io();
    expect(await runCli(['complaints', '--db', t.desk.ctx.book.path], o.x)).toBe(0);
    expect(JSON.parse(o.out())).toEqual({
      rows: [
        {
          number: 'TS-000002',
          customerCode: 'C1',
          receivedOn: '2026-04-05',
          type: 'product_quality',
          status: 'resolved',
          responsibility: 'supplier',
          compensation: 12345,
          creditNote: 'CN-TS-000002',
        },
        {
          number: 'TS-000001',
          customerCode: 'C2',
          receivedOn: '2026-04-20',
          type: 'transport',
          status: 'received',
          responsibility: null,
          compensation: 0,
          creditNote: null,
        },
        {
          number: 'TS-000003',
          customerCode: 'C1',
          receivedOn: '2026-04-20',
          type: 'service',
          status: 'received',
          responsibility: null,
          compensation: 0,
          creditNote: null,
        },
      ],
    });
    expect(Object.keys(JSON.parse(o.out()).rows[0])).toEqual([
      'number',
      'customerCode',
      'receivedOn',
      'type',
      'status',
      'responsibility',
      'compensation',
      'creditNote',
    ]);
  });

  it('filters by the received-on period and prints CSV in yuan', async () => {
    await seed();
    const o = io();
    expect(
      await runCli(
        ['complaints', '--db', t.desk.ctx.book.path, '--from', '2026-04-01', '--to', '2026-04-10', '--format', 'csv'],
        o.x,
      ),
    ).toBe(0);
    expect(o.out()).toBe(
      'number,customer_code,received_on,type,status,responsibility,compensation,credit_note\nTS-000002,C1,2026-04-05,product_quality,resolved,supplier,123.45,CN-TS-000002\n',
    );
    const j = io();
    expect(await runCli(['complaints', '--db', t.desk.ctx.book.path, '--from', '2026-04-06'], j.x)).toBe(0);
    expect(JSON.parse(j.out()).rows.map((r: { number: string }) => r.number)).toEqual(['TS-000001', 'TS-000003']);
  });

  it('usage errors exit 2, a missing book exits 1', async () => {
    const a = io();
    expect(await runCli(['complaints', '--db', t.desk.ctx.book.path, '--format', 'xml'], a.x)).toBe(2);
    const b = io();
    expect(await runCli(['complaints', '--db', t.desk.ctx.book.path, '--from', '2026-02-30'], b.x)).toBe(2);
    const c = io();
    expect(await runCli(['complaints', '--db', '/nonexistent/x.creditdesk'], c.x)).toBe(1);
  });
});
