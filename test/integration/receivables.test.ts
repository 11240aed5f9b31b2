// Receivables through the IPC handlers on a migrated temporary book: the SPEC worked example
// to the fen, payment application cases, void, manual apply/unapply, credit check, CLI.
import { localizedErrorMessage } from '../../shared/messages/server-messages';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import type { CliIo } from '../../main/cli/io';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk();
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

async function activeCustomer(code = 'C1', extra: Record<string, unknown> = {}) {
  const c = await t.ok('customers:create', {
    ...HUASHENG,
    code,
    name: `客户${code}`,
    paymentTermsDays: 30,
    contacts: [],
    ...extra,
  } as never);
  await t.ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
  return c.id as number;
}

const sqlite = () => t.desk.ctx.book.sqlite;
const count = (table: string) => (sqlite().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const allocs = (receiptId: number) =>
  (
    sqlite()
      .prepare(
        'SELECT i.number, a.amount FROM allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.receipt_id = ? ORDER BY a.id',
      )
      .all(receiptId) as { number: string; amount: number }[]
  ).map((r) => [r.number, r.amount]);

async function workedExample(customerId: number) {
  const inv = async (number: string, issueDate: string, amount: number) =>
    (await t.ok('invoices:create', { customerId, number, issueDate, amount })).invoice;
  const rec = async (date: string, amount: number, invoiceId?: number) =>
    (await t.ok('receipts:create', { customerId, date, amount, method: 'bank_transfer', invoiceId: invoiceId ?? null }))
      .receipt;
  const i1 = await inv('INV-1', '2026-01-10', 100000);
  const i2 = await inv('INV-2', '2026-02-15', 250000);
  const r1 = await rec('2026-02-20', 120000);
  const i3 = await inv('INV-3', '2026-04-01', 80000);
  const r2 = await rec('2026-04-05', 50000, i3.id);
  const r3 = await rec('2026-06-10', 300000);
  return { i1, i2, i3, r1, r2, r3 };
}

function row(rep: any, code = 'C1') {
  return rep.rows.find((r: any) => r.customerCode === code);
}

describe('SPEC worked example through the services', () => {
  it('applies receipts to the fen and ages as of any date (current and rebuilt)', async () => {
    const cid = await activeCustomer();
    const { i1, i2, r1, r2, r3 } = await workedExample(cid);
    expect(i1.dueDate).toBe('2026-02-09');
    expect(i2.dueDate).toBe('2026-03-17');
    expect(allocs(r1.id)).toEqual([
      ['INV-1', 100000],
      ['INV-2', 20000],
    ]);
    expect(allocs(r2.id)).toEqual([['INV-3', 50000]]);
    expect(allocs(r3.id)).toEqual([
      ['INV-2', 230000],
      ['INV-3', 30000],
    ]);
    const r3row = (await t.ok('receipts:list', { customerId: cid })).rows.find((r: any) => r.id === r3.id);
    expect(r3row.unapplied).toBe(40000);

    const zero = { not_due: 0, '1-30': 0, '31-60': 0, '61-90': 0, '91-180': 0, '181-365': 0, over_365: 0 };
    for (const rebuild of [false, true]) {
      const mar = await t.ok('ageing:report', { asOf: '2026-03-31', rebuild });
      expect(row(mar)).toMatchObject({
        buckets: { ...zero, '1-30': 230000 },
        unapplied: 0,
        total: 230000,
        creditLimit: 5_000_000,
      });
      const may = await t.ok('ageing:report', { asOf: '2026-05-31', rebuild });
      expect(row(may)).toMatchObject({
        buckets: { ...zero, '1-30': 30000, '61-90': 230000 },
        unapplied: 0,
        total: 260000,
      });
      const jun = await t.ok('ageing:report', { asOf: '2026-06-30', rebuild });
      expect(row(jun)).toMatchObject({ buckets: zero, unapplied: -40000, total: -40000 });
      expect(jun.totals).toEqual({ buckets: zero, unapplied: -40000, total: -40000 });
    }
    expect((await t.ok('ageing:report', { asOf: '2026-06-30' })).method).toBe('current');
    expect((await t.ok('ageing:report', { asOf: '2026-05-31' })).method).toBe('as_of');

    const drill = await t.ok('ageing:drilldown', { asOf: '2026-05-31', customerId: cid, bucket: '61-90' });
    expect(drill.items.map((i: any) => [i.number, i.open, i.daysPastDue])).toEqual([['INV-2', 230000, 75]]);
    const tie = await t.ok('ageing:tie-out', { asOf: '2026-06-30' });
    expect(tie).toMatchObject({
      agedInvoices: 0,
      unapplied: -40000,
      ageingTotal: -40000,
      ledgerBalance: -40000,
      difference: 0,
    });
    const tieMay = await t.ok('ageing:tie-out', { asOf: '2026-05-31' });
    expect(tieMay).toMatchObject({
      ageingTotal: 260000,
      ledgerBalance: 260000,
      difference: 0,
      documentsAfter: { receipts: 1, received: 300000 },
    });
  });

  it('prints the exact ageing JSON from the command line', async () => {
    const cid = await activeCustomer();
    await workedExample(cid);
    const buckets = [
      { key: 'not_due', from: null, to: 0 },
      { key: '1-30', from: 1, to: 30 },
      { key: '31-60', from: 31, to: 60 },
      { key: '61-90', from: 61, to: 90 },
      { key: '91-180', from: 91, to: 180 },
      { key: '181-365', from: 181, to: 365 },
      { key: 'over_365', from: 366, to: null },
    ];
    const zero = { not_due: 0, '1-30': 0, '31-60': 0, '61-90': 0, '91-180': 0, '181-365': 0, over_365: 0 };
    const run = async (asOf: string) => {
      const a = io();
      expect(await runCli(['ageing', '--db', t.desk.ctx.book.path, '--as-of', asOf, '--format', 'json'], a.x)).toBe(0);
      return JSON.parse(a.out());
    };
    expect(await run('2026-03-31')).toEqual({
      asOf: '2026-03-31',
      basis: 'due',
      currency: 'CNY',
      buckets,
      rows: [
        {
          customerCode: 'C1',
          customerName: '客户C1',
          buckets: { ...zero, '1-30': 230000 },
          unapplied: 0,
          total: 230000,
          creditLimit: 5_000_000,
        },
      ],
      totals: { buckets: { ...zero, '1-30': 230000 }, unapplied: 0, total: 230000 },
    });
    const may = await run('2026-05-31');
    expect(may.rows).toEqual([
      {
        customerCode: 'C1',
        customerName: '客户C1',
        buckets: { ...zero, '1-30': 30000, '61-90': 230000 },
        unapplied: 0,
        total: 260000,
        creditLimit: 5_000_000,
      },
    ]);
    expect(may.totals).toEqual({ buckets: { ...zero, '1-30': 30000, '61-90': 230000 }, unapplied: 0, total: 260000 });
    const jun = await run('2026-06-30');
    expect(jun.rows).toEqual([
      {
        customerCode: 'C1',
        customerName: '客户C1',
        buckets: zero,
        unapplied: -40000,
        total: -40000,
        creditLimit: 5_000_000,
      },
    ]);
    const before = await run('2025-12-31');
    expect(before.rows).toEqual([]);
    expect(before.totals.total).toBe(0);

    const issue = io();
    expect(
      await runCli(['ageing', '--db', t.desk.ctx.book.path, '--as-of', '2026-05-31', '--basis', 'issue'], issue.x),
    ).toBe(0);
    const iss = JSON.parse(issue.out());
    expect(iss.buckets.map((b: any) => b.key)).toEqual(['y0-1', 'y1-2', 'y2-3', 'y3-4', 'y4-5', 'over_5y']);
    expect(iss.rows[0].buckets['y0-1']).toBe(260000);

    const csv = io();
    expect(
      await runCli(['ageing', '--db', t.desk.ctx.book.path, '--as-of', '2026-05-31', '--format', 'csv'], csv.x),
    ).toBe(0);
    expect(csv.out().split('\n')[1]).toBe('C1,客户C1,0.00,300.00,0.00,2300.00,0.00,0.00,0.00,0.00,2600.00,50000.00');

    for (const bad of [
      ['--as-of', '2026-02-30'],
      ['--as-of', 'yesterday'],
      ['--as-of', '2026-05-31', '--basis', 'x'],
      ['--as-of', '2026-05-31', '--format', 'xml'],
      [],
    ]) {
      const e = io();
      expect(await runCli(['ageing', '--db', t.desk.ctx.book.path, ...bad], e.x)).toBe(2);
    }
  });

  it('gives the same result through the CSV import (receipts in file order, named invoice)', async () => {
    await activeCustomer();
    const inv =
      'customer_code,number,issue_date,due_date,amount\nC1,INV-1,2026-01-10,,1000.00\nC1,INV-2,2026-02-15,,"2,500.00"\nC1,INV-3,2026-04-01,,800\n';
    const res = await t.ok('invoices:import', {
      fileName: 'inv.csv',
      base64: Buffer.from('\uFEFF' + inv).toString('base64'),
    });
    expect(res).toMatchObject({ imported: 3, amount: 430000 });
    const rec =
      '客户编码,日期,金额,参考号,指定发票号,方式\nC1,2026-02-20,1200.00,BK-1,,银行转账\nC1,2026-04-05,500.00,BK-2,INV-3,现金\nC1,2026-06-10,3000.00,BK-3,,\n';
    const rr = await t.ok('receipts:import', { fileName: 'rec.csv', base64: Buffer.from(rec).toString('base64') });
    expect(rr).toMatchObject({ imported: 3, amount: 470000, applied: 430000, unapplied: 40000, allocations: 5 });
    const ids = (sqlite().prepare('SELECT id FROM receipts ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    expect(ids.map(allocs)).toEqual([
      [
        ['INV-1', 100000],
        ['INV-2', 20000],
      ],
      [['INV-3', 50000]],
      [
        ['INV-2', 230000],
        ['INV-3', 30000],
      ],
    ]);
    expect(sqlite().prepare('SELECT method FROM receipts ORDER BY id').all()).toEqual([
      { method: 'bank_transfer' },
      { method: 'cash' },
      { method: 'bank_transfer' },
    ]);
    const may = await t.ok('ageing:report', { asOf: '2026-05-31' });
    expect(row(may).buckets).toMatchObject({ '1-30': 30000, '61-90': 230000 });
    expect(row(may).total).toBe(260000);
  });
});

describe('payment application cases', () => {
  it('partial payments, payment before due, overpayment, due exactly 30/31 days before, documents after the date', async () => {
    const cid = await activeCustomer();
    const a = (
      await t.ok('invoices:create', {
        customerId: cid,
        number: 'A-1',
        issueDate: '2026-03-01',
        dueDate: '2026-03-31',
        amount: 100000,
      })
    ).invoice;
    const b = (
      await t.ok('invoices:create', {
        customerId: cid,
        number: 'A-2',
        issueDate: '2026-03-01',
        dueDate: '2026-04-01',
        amount: 50000,
      })
    ).invoice;
    // partial payment before due
    const p1 = (await t.ok('receipts:create', { customerId: cid, date: '2026-03-15', amount: 30000, method: 'cash' }))
      .receipt;
    expect(allocs(p1.id)).toEqual([['A-1', 30000]]);
    // as of 2026-04-30: A-1 due 03-31 is 30 days past due (1-30), A-2 due 04-01 is 29 days; as of 05-01: A-1 31 days (31-60)
    const apr = row(await t.ok('ageing:report', { asOf: '2026-04-30' }));
    expect(apr.buckets).toMatchObject({ '1-30': 120000, '31-60': 0 });
    const may1 = row(await t.ok('ageing:report', { asOf: '2026-05-01' }));
    expect(may1.buckets).toMatchObject({ '1-30': 50000, '31-60': 70000 });
    const may2 = row(await t.ok('ageing:report', { asOf: '2026-05-02' }));
    expect(may2.buckets).toMatchObject({ '1-30': 0, '31-60': 120000 });
    // a later invoice and an overpayment dated after the as-of date do not exist as of it
    await t.ok('invoices:create', { customerId: cid, number: 'A-3', issueDate: '2026-06-01', amount: 10000 });
    const over = (
      await t.ok('receipts:create', { customerId: cid, date: '2026-06-02', amount: 200000, method: 'bank_transfer' })
    ).receipt;
    expect(allocs(over.id)).toEqual([
      ['A-1', 70000],
      ['A-2', 50000],
      ['A-3', 10000],
    ]);
    expect(over.unapplied).toBe(70000);
    expect(row(await t.ok('ageing:report', { asOf: '2026-05-02' })).total).toBe(120000);
    expect(row(await t.ok('ageing:report', { asOf: '2026-06-01' })).total).toBe(130000);
    expect(row(await t.ok('ageing:report', { asOf: '2026-06-02' }))).toMatchObject({
      total: -70000,
      unapplied: -70000,
    });
    // a receipt does not pay invoices issued after its date unless it names them
    const c = (await t.ok('invoices:create', { customerId: cid, number: 'A-4', issueDate: '2026-07-01', amount: 5000 }))
      .invoice;
    const early = (await t.ok('receipts:create', { customerId: cid, date: '2026-06-20', amount: 1000, method: 'cash' }))
      .receipt;
    expect(early.unapplied).toBe(1000);
    const named = await t.ok('receipts:create', {
      customerId: cid,
      date: '2026-06-21',
      amount: 2000,
      method: 'cash',
      invoiceId: c.id,
    });
    // named invoice issued after the receipt: the allocation takes effect on the issue date
    expect(named.allocations.map((x: any) => [x.invoiceNumber, x.amount, x.date])).toEqual([
      ['A-4', 2000, '2026-07-01'],
    ]);
    expect(row(await t.ok('ageing:report', { asOf: '2026-06-30' })).total).toBe(-73000);
    expect(row(await t.ok('ageing:report', { asOf: '2026-06-30', rebuild: true })).total).toBe(-73000);
    void a;
    void b;
  });

  it('void reverses allocations (same dates), manual apply and unapply are rows', async () => {
    const cid = await activeCustomer();
    const i1 = (
      await t.ok('invoices:create', { customerId: cid, number: 'V-1', issueDate: '2026-01-05', amount: 100000 })
    ).invoice;
    const i2 = (
      await t.ok('invoices:create', { customerId: cid, number: 'V-2', issueDate: '2026-01-06', amount: 50000 })
    ).invoice;
    const r = (await t.ok('receipts:create', { customerId: cid, date: '2026-02-01', amount: 120000, method: 'cheque' }))
      .receipt;
    expect(allocs(r.id)).toEqual([
      ['V-1', 100000],
      ['V-2', 20000],
    ]);
    // void invoice V-1: its 100000 goes back to the receipt as unapplied
    const voided = await t.ok('invoices:void', { id: i1.id, reason: '开错客户' });
    expect(voided).toMatchObject({ voidReason: '开错客户', open: 0 });
    expect(voided.voidedAt).not.toBeNull();
    expect(allocs(r.id)).toEqual([
      ['V-1', 100000],
      ['V-2', 20000],
      ['V-1', -100000],
    ]);
    const rr = (await t.ok('receipts:list', { customerId: cid })).rows[0];
    expect(rr.unapplied).toBe(100000);
    // ageing before and after: V-1 never existed
    expect(row(await t.ok('ageing:report', { asOf: '2026-01-31' })).total).toBe(50000);
    expect(row(await t.ok('ageing:report', { asOf: '2026-02-15' }))).toMatchObject({
      total: -70000,
      unapplied: -100000,
    });
    expect(await t.call('invoices:void', { id: i1.id, reason: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // manual apply of the unapplied credit to V-2 (today = 2026-11-23)
    const ap = await t.ok('allocations:apply', { receiptId: r.id, invoiceId: i2.id });
    expect(ap).toMatchObject({ amount: 30000, date: '2026-11-23', kind: 'manual' });
    const un = await t.ok('allocations:unapply', { receiptId: r.id, invoiceId: i2.id, amount: 10000 });
    expect(un).toMatchObject({ amount: -10000, date: '2026-11-23', kind: 'unapply' });
    const inv2 = (await t.ok('invoices:list', { customerId: cid })).rows.find((x: any) => x.id === i2.id);
    expect(inv2).toMatchObject({ open: 10000, settledOn: null });
    expect(await t.call('allocations:apply', { receiptId: r.id, invoiceId: i2.id, amount: 999999 })).toMatchObject({
      ok: false,
      error: { field: 'amount' },
    });
    // as of a past date the manual rows do not exist yet
    expect(row(await t.ok('ageing:report', { asOf: '2026-03-01' }))).toMatchObject({
      total: -70000,
      buckets: { '1-30': 30000 },
    });
    // void the receipt: everything back open
    await t.ok('receipts:void', { id: r.id, reason: '退票' });
    expect(row(await t.ok('ageing:report', { asOf: '2026-11-23' })).total).toBe(50000);
    expect(row(await t.ok('ageing:report', { asOf: '2026-03-01' })).total).toBe(50000);
    const hist = await t.ok('audit:list', { customerId: cid });
    expect(hist.rows.map((h: any) => `${h.entity}:${h.action}`)).toEqual(
      expect.arrayContaining([
        'invoice:void',
        'receipt:void',
        'allocation:apply',
        'allocation:unapply',
        'receipt:create',
        'invoice:create',
      ]),
    );
    const tie = await t.ok('ageing:tie-out', { asOf: '2026-11-23' });
    expect(tie.difference).toBe(0);
  });

  it('credit notes, write-offs with recovery, notes receivable', async () => {
    const cid = await activeCustomer();
    const i1 = (
      await t.ok('invoices:create', { customerId: cid, number: 'W-1', issueDate: '2025-01-05', amount: 100000 })
    ).invoice;
    const cn = await t.ok('credit-notes:create', {
      customerId: cid,
      number: 'CN-1',
      date: '2025-02-01',
      amount: 20000,
      kind: 'return',
      invoiceId: i1.id,
    });
    expect(cn.creditNote.unapplied).toBe(0);
    const standing = await t.ok('credit-notes:create', {
      customerId: cid,
      number: 'CN-2',
      date: '2025-02-02',
      amount: 5000,
      kind: 'claim',
    });
    expect(standing.creditNote.unapplied).toBe(5000);
    expect(row(await t.ok('ageing:report', { asOf: '2025-03-01' }))).toMatchObject({ total: 75000, unapplied: -5000 });
    const wo = await t.ok('write-offs:create', {
      invoiceId: i1.id,
      date: '2026-01-10',
      approvedBy: '张总',
      reason: '客户破产',
    });
    expect(wo.amount).toBe(80000);
    expect(row(await t.ok('ageing:report', { asOf: '2026-02-01' }))).toMatchObject({ total: -5000 });
    const rec = await t.ok('write-offs:recover', {
      writeOffId: wo.id,
      date: '2026-03-01',
      amount: 30000,
      method: 'bank_transfer',
    });
    expect(rec.writeOff.recovered).toBe(30000);
    expect(rec.receipt.allocations.map((a: any) => [a.invoiceNumber, a.amount])).toEqual([['W-1', 30000]]);
    expect(row(await t.ok('ageing:report', { asOf: '2026-03-31' })).total).toBe(-5000);
    const ledger = await t.ok('ledger:customer', { customerId: cid });
    expect(ledger.lines.map((l: any) => [l.kind, l.debit, l.credit, l.balance])).toEqual([
      ['invoice', 100000, 0, 100000],
      ['credit_note', 0, 20000, 80000],
      ['credit_note', 0, 5000, 75000],
      ['write_off', 0, 80000, -5000],
      ['receipt', 0, 30000, -35000],
      ['recovery', 30000, 0, -5000],
    ]);
    expect(ledger.balance).toBe(-5000);
    const note = await t.ok('notes:create', {
      customerId: cid,
      number: 'BA-1',
      kind: 'bank_acceptance',
      drawer: '某银行',
      issueDate: '2026-03-01',
      maturityDate: '2026-09-01',
      amount: 60000,
    });
    const chk = await t.ok('credit:check', { customerId: cid, amount: 1000 });
    expect(chk).toMatchObject({ openReceivables: -5000, unsettledNotes: 60000, exposure: 55000, projected: 56000 });
    expect(await t.call('notes:set-state', { id: note.id, state: 'held', date: '2026-04-01' })).toMatchObject({
      ok: false,
    });
    const endorsed = await t.ok('notes:set-state', { id: note.id, state: 'endorsed', date: '2026-04-01' });
    expect(endorsed).toMatchObject({ state: 'endorsed', stateDate: '2026-04-01' });
    expect((await t.ok('credit:check', { customerId: cid })).unsettledNotes).toBe(0);
    expect((await t.ok('ageing:tie-out', { asOf: '2026-03-15' })).notesReceivable).toEqual({ count: 1, amount: 60000 });
    expect((await t.ok('ageing:tie-out', { asOf: '2026-04-15' })).notesReceivable).toEqual({ count: 0, amount: 0 });
  });
});

describe('credit check and read-only customers', () => {
  it('warns, blocks without an override, logs an override', async () => {
    const cid = await activeCustomer('C2', { creditLimit: 100000 });
    const ok = await t.ok('invoices:create', {
      customerId: cid,
      number: 'K-1',
      issueDate: '2026-11-01',
      amount: 50000,
    });
    expect(ok.credit.status).toBe('ok');
    const near = await t.ok('invoices:create', {
      customerId: cid,
      number: 'K-2',
      issueDate: '2026-11-02',
      amount: 45000,
    });
    expect(near.credit).toMatchObject({ status: 'warn', reasons: [{ code: 'near_limit', severity: 'warn' }] });
    const blocked = await t.call('invoices:create', {
      customerId: cid,
      number: 'K-3',
      issueDate: '2026-11-03',
      amount: 10000,
    });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'overrideReason' } });
    // the reasons read in the user's language (they were English sentences in the Chinese form)
    const zh = localizedErrorMessage('zh-CN', (blocked as any).error);
    expect(zh).toMatch(
      /^信用检查不允许开这张发票：保存后占用 ¥[\d,.]+，超出信用额度 ¥[\d,.]+（超出 ¥[\d,.]+）（如需保存，请填写特批原因）$/,
    );
    expect(localizedErrorMessage('en', (blocked as any).error)).toMatch(/would exceed the credit limit ¥/);
    expect(count('invoices')).toBe(2);
    // an override needs a credit manager's approval (name + password, issue 12)
    await t.ok('operators:create', { name: '信用主管甲', password: 'pw-1', role: 'credit_manager' });
    const over = await t.ok('invoices:create', {
      customerId: cid,
      number: 'K-3',
      issueDate: '2026-11-03',
      amount: 10000,
      overrideReason: '老客户，总经理特批',
      approval: { name: '信用主管甲', password: 'pw-1' },
    });
    expect(over).toMatchObject({ overridden: '老客户，总经理特批', invoice: { overrideReason: '老客户，总经理特批' } });
    const hist = await t.ok('audit:list', { customerId: cid });
    const o = hist.rows.find((h: any) => h.action === 'credit-override');
    expect(o).toMatchObject({ note: '老客户，总经理特批', entityId: 'K-3' });
    expect(o.after.reasons[0].code).toBe('over_limit');
    // credit hold (suspended) blocks too
    await t.ok('customers:set-lifecycle', { id: cid, to: 'suspended', reason: '上批货款未结清' });
    const held = await t.ok('credit:check', { customerId: cid, amount: 1 });
    expect(held.reasons.map((r: any) => r.code)).toContain('on_hold');
    expect(held.status).toBe('block');
    // terminated: read-only, no new documents
    await t.ok('customers:set-lifecycle', { id: cid, to: 'terminated', reason: '停止合作' });
    expect(
      await t.call('receipts:create', { customerId: cid, date: '2026-11-05', amount: 100, method: 'cash' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(
      await t.call('invoices:create', { customerId: cid, number: 'K-4', issueDate: '2026-11-05', amount: 100 }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('validates payloads (renderer is untrusted)', async () => {
    const cid = await activeCustomer();
    expect(
      await t.call('invoices:create', { customerId: cid, number: 'X', issueDate: '2026-02-30', amount: 1 }),
    ).toMatchObject({ ok: false, error: { field: 'issueDate' } });
    expect(
      await t.call('invoices:create', { customerId: cid, number: 'X', issueDate: '2026-02-03', amount: 1.5 }),
    ).toMatchObject({ ok: false, error: { field: 'amount' } });
    expect(
      await t.call('invoices:create', { customerId: cid, number: 'X', issueDate: '2026-02-03', amount: -5 }),
    ).toMatchObject({ ok: false, error: { field: 'amount' } });
    expect(
      await t.call('receipts:create', { customerId: cid, date: '2026-02-03', amount: 5, method: 'bitcoin' }),
    ).toMatchObject({ ok: false, error: { field: 'method' } });
    expect(await t.call('ageing:report', { asOf: '2026-13-01' })).toMatchObject({
      ok: false,
      error: { field: 'asOf' },
    });
    expect(
      await t.call('ageing:report', {
        asOf: '2026-01-01',
        buckets: [
          { key: 'a', from: null, to: 5 },
          { key: 'b', from: 7, to: null },
        ],
      }),
    ).toMatchObject({ ok: false, error: { field: 'buckets' } });
    const other = await activeCustomer('C9');
    const inv = (
      await t.ok('invoices:create', { customerId: other, number: 'O-1', issueDate: '2026-02-03', amount: 100 })
    ).invoice;
    expect(
      await t.call('receipts:create', {
        customerId: cid,
        date: '2026-02-03',
        amount: 5,
        method: 'cash',
        invoiceId: inv.id,
      }),
    ).toMatchObject({ ok: false, error: { field: 'invoiceId' } });
    expect(
      await t.call('invoices:create', { customerId: cid, number: 'O-1', issueDate: '2026-02-03', amount: 100 }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'number' } });
  });
});

describe('import errors', () => {
  it('lists every bad row and field and changes nothing; the CLI exits 3', async () => {
    await activeCustomer();
    await activeCustomer('C2');
    await t.ok('invoices:create', { customerId: 1, number: 'BOOK-1', issueDate: '2026-01-01', amount: 100 });
    const c3 = await t.ok('customers:create', { ...HUASHENG, code: 'C3', contacts: [] } as never); // a prospect
    void c3;
    const before = { inv: count('invoices'), audit: count('audit_log') };
    const bad = [
      'customer_code,number,issue_date,due_date,amount,description',
      'C1,N-1,2026-01-01,,100.00,ok',
      'NOPE,N-2,2026-01-01,,100.00,',
      'C1,N-1,2026-01-01,,100.00,',
      'C1,BOOK-1,2026-01-01,,100.00,',
      'C1,N-3,2026-02-30,,100.00,',
      'C1,N-4,2026-01-01,,100.005,',
      'C1,N-5,2026-01-01,,-3,',
      'C1,N-6,2026-01-01,,0,',
      'C3,N-7,2026-01-01,,1,',
      'C1,N-8,2026-03-01,2026-02-01,1,',
    ].join('\n');
    const r = await t.call('invoices:import', { fileName: 'bad.csv', base64: Buffer.from(bad).toString('base64') });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.rows!.map((e) => [e.row, e.field])).toEqual([
      [3, 'customer_code'],
      [4, 'number'],
      [5, 'number'],
      [6, 'issue_date'],
      [7, 'amount'],
      [8, 'amount'],
      [9, 'amount'],
      [10, 'customer_code'],
      [11, 'due_date'],
    ]);
    expect(r.error.rows![1].message).toContain('also in row 2');
    expect(r.error.rows![2].message).toContain('already exists in the book');
    expect(r.error.rows![4].message).toContain('more than 2 decimals');
    expect({ inv: count('invoices'), audit: count('audit_log') }).toEqual(before);

    const badRec = [
      'customer_code,date,amount,reference,invoice_number',
      'C1,2026-01-05,10,R,',
      'C2,2026-01-05,10,R,BOOK-1',
      'C1,2026-01-05,10,R,NOPE-9',
      'C1,2026/01/05,10,R,',
    ].join('\n');
    const rr = await t.call('receipts:import', { fileName: 'rec.csv', base64: Buffer.from(badRec).toString('base64') });
    expect(rr.ok).toBe(false);
    if (!rr.ok)
      expect(rr.error.rows!.map((e) => [e.row, e.field])).toEqual([
        [3, 'invoice_number'],
        [4, 'invoice_number'],
        [5, 'date'],
      ]);
    expect(count('receipts')).toBe(0);

    // the command line writes only a book nobody else has open
    const fs = await import('node:fs');
    const path = await import('node:path');
    const bookPath = t.desk.ctx.book.path;
    await t.desk.close();
    const file = path.join(t.dir, 'bad-invoices.csv');
    fs.writeFileSync(file, bad);
    const a = io();
    expect(await runCli(['import', '--db', bookPath, 'invoices', file, '--lang', 'en'], a.x)).toBe(3);
    const zh = io();
    expect(await runCli(['import', '--db', bookPath, 'invoices', file], zh.x)).toBe(3);
    expect(zh.err()).toContain('bad-invoices.csv 第 3 行，customer_code: 未知客户 NOPE');
    expect(a.err()).toContain('bad-invoices.csv row 3, customer_code: unknown customer NOPE');
    const good = path.join(t.dir, 'good.csv');
    fs.writeFileSync(good, 'customer_code,number,issue_date,due_date,amount\nC2,G-1,2026-05-01,,12.34\n');
    const g = io();
    expect(await runCli(['import', '--db', bookPath, 'invoices', good], g.x)).toBe(0);
    expect(JSON.parse(g.out())).toMatchObject({ kind: 'invoices', imported: 1, amount: 1234 });
    const { openBook } = await import('../../main/db/connection');
    const book = await openBook(bookPath);
    expect(book.sqlite.prepare('SELECT count(*) AS n FROM invoices').get()).toEqual({ n: before.inv + 1 });
    expect(book.sqlite.prepare("SELECT due_date FROM invoices WHERE number = 'G-1'").get()).toEqual({
      due_date: '2026-05-31',
    });
    await book.close();
  });
});

describe('settings, presets, export, dashboard', () => {
  it('keeps settings and presets, exports CSV with BOM and xlsx, computes KPIs', async () => {
    const cid = await activeCustomer();
    await workedExample(cid);
    const s = await t.ok('receivables:settings', {});
    expect(s).toMatchObject({ accountingStandard: 'enterprise', costOfCapitalBp: 600 });
    expect(s.provisionRatesBp).toEqual({
      'y0-1': 500,
      'y1-2': 1000,
      'y2-3': 3000,
      'y3-4': 5000,
      'y4-5': 8000,
      over_5y: 10000,
    });
    const upd = await t.ok('receivables:update-settings', {
      costOfCapitalBp: 800,
      creditPolicy: { maxOverdueDays: 30 },
    });
    expect(upd.costOfCapitalBp).toBe(800);
    expect(upd.creditPolicy).toMatchObject({ maxOverdueDays: 30, overLimit: 'block' });
    expect(await t.call('receivables:update-settings', { provisionRatesBp: { 'y0-1': 20000 } })).toMatchObject({
      ok: false,
    });

    const quarter = [
      { key: 'q1', from: null, to: 90 },
      { key: 'q2', from: 91, to: null },
    ];
    const presets = await t.ok('ageing:save-preset', { name: '季度', basis: 'due', buckets: quarter, isDefault: true });
    expect(presets.find((p: any) => p.name === '季度').isDefault).toBe(true);
    const rep = await t.ok('ageing:report', { asOf: '2026-05-31' });
    expect(rep.buckets.map((b: any) => b.key)).toEqual(['q1', 'q2']);
    expect(row(rep).buckets).toEqual({ q1: 260000, q2: 0 });
    await t.ok('ageing:delete-preset', { name: '季度' });
    expect((await t.ok('ageing:report', { asOf: '2026-05-31' })).buckets).toHaveLength(7);

    const csv = await t.ok('ageing:export', { asOf: '2026-05-31', format: 'csv', locale: 'zh-CN' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('客户编码,客户名称,未到期');
    expect(text).toContain('C1,客户C1,0.00,300.00,0.00,2300.00');
    expect(text.slice(1).split('\r\n')).toEqual([
      '客户编码,客户名称,未到期,逾期1–30天,逾期31–60天,逾期61–90天,逾期91–180天,逾期181–365天,逾期365天以上,未核销,合计,信用额度,额度使用率%',
      'C1,客户C1,0.00,300.00,0.00,2300.00,0.00,0.00,0.00,0.00,2600.00,50000.00,5.20',
      '合计,,0.00,300.00,0.00,2300.00,0.00,0.00,0.00,0.00,2600.00,,',
    ]);
    const xlsx = await t.ok('ageing:export', { asOf: '2026-05-31', format: 'xlsx' });
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');

    const d = await t.ok('receivables:dashboard', { asOf: '2026-05-31', from: '2026-03-01', to: '2026-05-31' });
    expect(d).toMatchObject({
      totalReceivable: 260000,
      overdue: 260000,
      notDue: 0,
      overdueShareBp: 10000,
      net: 260000,
    });
    expect(d.period).toMatchObject({ opening: 230000, sales: 80000, collected: 50000, closing: 260000 });
    expect(d.trend).toHaveLength(12);
    expect(d.trend.at(-1)).toEqual({ month: '2026-05', date: '2026-05-31', balance: 260000 });
    expect(d.trend.find((x: any) => x.month === '2026-02').balance).toBe(230000);
    expect(d.topOverdue).toEqual([
      { customerId: cid, customerCode: 'C1', customerName: '客户C1', overdue: 260000, total: 260000 },
    ]);
    expect(d.collectionRate.bp).toBe(1613); // 500 / (2300 + 800)
    expect(d.cost.provision).toBe(13000); // 5 % of 2600.00
    const now = await t.ok('receivables:dashboard', {});
    expect(now).toMatchObject({
      asOf: '2026-11-23',
      totalReceivable: 0,
      overdue: 0,
      unapplied: -40000,
      net: -40000,
      topOverdue: [],
    });
    await t.ok('receivables:update-settings', { accountingStandard: 'small_enterprise' });
    expect((await t.ok('receivables:dashboard', { asOf: '2026-05-31' })).cost.provision).toBe(0);
  });
});
