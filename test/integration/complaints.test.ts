// Complaints through the IPC handlers on a migrated temporary book: the record card, per-field
// bad input that changes nothing, forward-only status, a confirmed compensation becoming a claim
// credit note (ledger and statement to the fen), disputes on the statement, disputedCustomerIds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disputedCustomerIds } from '../../main/db/disputes';
import { statementHtml } from '../../main/print/statement-html';
import { activeCustomer } from '../support/worked-example';
import { openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk({ now: '2026-05-10T09:00:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

/** C1: INV-1 2026-04-01 1,000.00; INV-2 2026-04-10 2,500.00; receipt 2026-04-20 1,200.00 (INV-1 1,000.00, INV-2 200.00). */
async function seed() {
  const customerId = await activeCustomer(t.ok, 'C1');
  const inv1 = (await t.ok('invoices:create', { customerId, number: 'INV-1', issueDate: '2026-04-01', amount: 100000 }))
    .invoice;
  const inv2 = (await t.ok('invoices:create', { customerId, number: 'INV-2', issueDate: '2026-04-10', amount: 250000 }))
    .invoice;
  await t.ok('receipts:create', {
    customerId,
    number: 'R-1',
    date: '2026-04-20',
    amount: 120000,
    method: 'bank_transfer',
    invoiceId: null,
  });
  return { customerId, inv1, inv2 };
}

const base = {
  receivedOn: '2026-04-25',
  channel: 'phone',
  type: 'product_quality',
  description: '第二批货外包装破损，部分商品受潮',
  severity: 'normal',
} as const;

async function count(): Promise<number> {
  return (await t.ok('complaints:list', {})).total;
}

describe('complaint record', () => {
  it('numbers TS-000001, derives reply-by from the severity, audits every change', async () => {
    const { customerId, inv2 } = await seed();
    const k = await t.ok('complaints:create', { customerId, ...base, invoiceIds: [inv2.id], receivedBy: '王芳' });
    expect(k).toMatchObject({
      number: 'TS-000001',
      status: 'received',
      replyBy: '2026-04-28',
      customerCode: 'C1',
      overdueReply: true,
      compensation: 0,
    });
    expect(k.invoices.map((i: any) => i.number)).toEqual(['INV-2']);
    await t.ok('complaints:set-settings', { replyDays: { low: 10, normal: 5, high: 2, urgent: 0 } });
    const k2 = await t.ok('complaints:create', { customerId, ...base, severity: 'high' });
    expect(k2).toMatchObject({ number: 'TS-000002', replyBy: '2026-04-27' });
    const up = await t.ok('complaints:update', {
      id: k.id,
      version: k.version,
      data: { followUpBy: '李强', replyPerson: '张经理' },
    });
    expect(up).toMatchObject({ followUpBy: '李强', replyPerson: '张经理', version: 2 });
    const hist = await t.ok('audit:list', { entity: 'complaint' });
    const upd = hist.rows.find((r: any) => r.action === 'update');
    expect(upd.operatorName).toBeTruthy();
    expect(upd.before).toMatchObject({ followUpBy: null, replyPerson: null });
    expect(hist.rows.filter((r: any) => r.action === 'create')).toHaveLength(2);
  });

  it('refuses bad input per field and changes nothing', async () => {
    const { customerId, inv2 } = await seed();
    const past = await t.call('complaints:create', { customerId, ...base, replyBy: '2026-05-01' });
    expect(past.ok).toBe(false);
    expect((past as any).error.rows).toEqual([{ row: 0, field: 'replyBy', message: 'reply_by_past' }]);
    const neg = await t.call('complaints:create', { customerId, ...base, compensation: -100, supplierClaim: -1 });
    expect((neg as any).error.rows.map((r: any) => [r.field, r.message])).toEqual([
      ['compensation', 'must_not_be_negative'],
      ['supplierClaim', 'must_not_be_negative'],
    ]);
    // INV-2 is 2,500.00: 2,600.00 compensation needs the user's confirmation
    const over = await t.call('complaints:create', {
      customerId,
      ...base,
      invoiceIds: [inv2.id],
      resolution: 'compensation',
      compensation: 260000,
    });
    expect((over as any).error.rows).toEqual([
      { row: 0, field: 'compensation', message: 'compensation_above_invoices', values: { total: 250000 } },
    ]);
    const noInv = await t.call('complaints:create', { customerId, ...base, disputesInvoices: true });
    expect((noInv as any).error.rows.map((r: any) => r.field)).toEqual(['invoiceIds']);
    expect(await count()).toBe(0);
    const okOver = await t.ok('complaints:create', {
      customerId,
      ...base,
      invoiceIds: [inv2.id],
      resolution: 'compensation',
      compensation: 260000,
      confirmedOverInvoices: true,
    });
    expect(okOver.compensation).toBe(260000);
    // an edit that fails leaves the record as it was
    const bad = await t.call('complaints:update', {
      id: okOver.id,
      version: okOver.version,
      data: { description: '改了', replyBy: '2026-05-09' },
    });
    expect((bad as any).error.rows[0]).toMatchObject({ field: 'replyBy', message: 'reply_by_past' });
    expect((await t.ok('complaints:get', { id: okOver.id })).description).toBe(base.description);
  });

  it('moves only forward; resolving needs responsibility and resolution', async () => {
    const { customerId } = await seed();
    const k = await t.ok('complaints:create', { customerId, ...base });
    const inv = await t.ok('complaints:move', { id: k.id, to: 'investigating', date: '2026-04-26' });
    expect(inv).toMatchObject({ status: 'investigating', investigatingOn: '2026-04-26' });
    const back = await t.call('complaints:move', { id: k.id, to: 'received' });
    expect((back as any).error.rows).toEqual([{ row: 0, field: 'to', message: 'status_backwards' }]);
    const noResp = await t.call('complaints:move', { id: k.id, to: 'resolved', date: '2026-05-02' });
    expect((noResp as any).error.rows.map((r: any) => r.field)).toEqual(['responsibility', 'resolution']);
    const cur = await t.ok('complaints:get', { id: k.id });
    await t.ok('complaints:update', {
      id: k.id,
      version: cur.version,
      data: { responsibility: 'carrier', resolution: 'apology', repliedOn: '2026-04-27' },
    });
    const res = await t.ok('complaints:move', { id: k.id, to: 'resolved', date: '2026-05-02' });
    expect(res).toMatchObject({ status: 'resolved', resolvedOn: '2026-05-02', overdueReply: false });
    expect((await t.ok('complaints:move', { id: k.id, to: 'closed' })).closedOn).toBe('2026-05-10');
  });
});

describe('claims become credit notes', () => {
  it('compensation → claim credit note → ledger and statement to the fen; voiding the claim voids the credit note', async () => {
    const { customerId, inv2 } = await seed();
    const k = await t.ok('complaints:create', {
      customerId,
      ...base,
      invoiceIds: [inv2.id],
      responsibility: 'ours',
      resolution: 'compensation',
      compensation: 30000,
    });
    const { complaint, creditNote } = await t.ok('complaints:confirm-claim', { id: k.id, date: '2026-05-05' });
    expect(creditNote).toMatchObject({
      number: 'CN-TS-000001',
      kind: 'claim',
      amount: 30000,
      invoiceId: inv2.id,
      unapplied: 0,
      date: '2026-05-05',
    });
    expect(complaint).toMatchObject({
      creditNoteId: creditNote.id,
      creditNoteNumber: 'CN-TS-000001',
      claimConfirmedOn: '2026-05-05',
    });
    expect((await t.ok('complaints:by-credit-note', { creditNoteId: creditNote.id })).number).toBe('TS-000001');
    // ledger: 3,500.00 invoiced − 1,200.00 received − 300.00 claim = 2,000.00; INV-2 open 2,000.00
    const ledger = await t.ok('ledger:customer', { customerId });
    expect(ledger.balance).toBe(200000);
    expect(ledger.openItems.map((i: any) => [i.number, i.open])).toEqual([['INV-2', 200000]]);
    // next statement
    const st = await t.ok('statements:data', { customerId, from: '2026-04-01', to: '2026-05-31' });
    expect(st.lines.map((l: any) => [l.date, l.kind, l.number, l.debit, l.credit, l.balance])).toEqual([
      ['2026-04-01', 'invoice', 'INV-1', 100000, 0, 100000],
      ['2026-04-10', 'invoice', 'INV-2', 250000, 0, 350000],
      ['2026-04-20', 'receipt', 'R-1', 0, 120000, 230000],
      ['2026-05-05', 'credit_note', 'CN-TS-000001', 0, 30000, 200000],
    ]);
    expect(st.closing).toBe(200000);
    expect(st.closingInWords).toBe('贰仟元整');
    // the claim cannot be confirmed twice, the confirmed amount is locked
    expect((await t.call('complaints:confirm-claim', { id: k.id })).ok).toBe(false);
    const locked = await t.call('complaints:update', {
      id: k.id,
      version: complaint.version,
      data: { compensation: 40000 },
    });
    expect((locked as any).error.rows[0]).toMatchObject({ field: 'compensation', message: 'claim_confirmed_locked' });
    // void the claim and (as offered) its credit note: the statement is back to 2,300.00
    const voided = await t.ok('complaints:void-claim', { id: k.id, reason: '客户撤回索赔', voidCreditNote: true });
    expect(voided).toMatchObject({ creditNoteVoid: true });
    expect(voided.claimVoidedAt).toBeTruthy();
    expect((await t.ok('statements:data', { customerId, from: '2026-04-01', to: '2026-05-31' })).closing).toBe(230000);
    expect((await t.ok('ledger:customer', { customerId })).balance).toBe(230000);
  });

  it('a claim needs compensation or refund, a positive amount, and confirmation above the invoices', async () => {
    const { customerId, inv1 } = await seed();
    const k = await t.ok('complaints:create', { customerId, ...base, invoiceIds: [inv1.id], resolution: 'apology' });
    const r = await t.call('complaints:confirm-claim', { id: k.id });
    expect((r as any).error.rows.map((x: any) => [x.field, x.message])).toEqual([
      ['resolution', 'claim_needs_resolution'],
      ['compensation', 'must_be_positive'],
    ]);
    const k2 = await t.ok('complaints:create', {
      customerId,
      ...base,
      invoiceIds: [inv1.id],
      resolution: 'refund',
      compensation: 120000,
      confirmedOverInvoices: true,
    });
    const r2 = await t.call('complaints:confirm-claim', { id: k2.id });
    expect((r2 as any).error.rows[0]).toMatchObject({ field: 'compensation', message: 'compensation_above_invoices' });
    const done = await t.ok('complaints:confirm-claim', { id: k2.id, confirmedOverInvoices: true });
    // INV-1 is settled already: the credit stands unapplied (SPEC §2)
    expect(done.creditNote).toMatchObject({ amount: 120000, invoiceId: null, unapplied: 120000 });
  });
});

describe('disputes', () => {
  it('an open complaint that disputes invoices puts the customer in dispute and marks the statement; resolving lifts it', async () => {
    const { customerId, inv2 } = await seed();
    const other = await activeCustomer(t.ok, 'C2');
    expect(disputedCustomerIds(t.desk.ctx.book, '2026-05-10').size).toBe(0);
    const k = await t.ok('complaints:create', { customerId, ...base, invoiceIds: [inv2.id], disputesInvoices: true });
    await t.ok('complaints:create', { customerId: other, ...base }); // not disputing
    expect([...disputedCustomerIds(t.desk.ctx.book, '2026-04-25')]).toEqual([customerId]);
    expect([...disputedCustomerIds(t.desk.ctx.book, '2026-04-24')]).toEqual([]);
    const st = await t.ok('statements:data', { customerId, from: '2026-04-01', to: '2026-05-10' });
    expect(st.lines.filter((l: any) => l.disputed).map((l: any) => l.number)).toEqual(['INV-2']);
    expect(st.openItems.map((i: any) => [i.number, i.open, i.disputed ?? false])).toEqual([['INV-2', 230000, true]]);
    expect(st.disputes).toEqual([
      {
        source: 'complaint',
        ref: 'TS-000001',
        receivedOn: '2026-04-25',
        invoices: ['INV-2'],
        statedDifference: null,
        note: null,
      },
    ]);
    const html = statementHtml(st, { lang: 'zh-CN' });
    expect(html).toContain('INV-2 <span class="flag disputed">(争议)</span>');
    expect(html).toContain('争议事项（处理期间暂停催收）');
    expect(html).toContain('客户投诉 TS-000001');
    const cur = await t.ok('complaints:get', { id: k.id });
    await t.ok('complaints:update', {
      id: k.id,
      version: cur.version,
      data: { responsibility: 'ours', resolution: 'replacement' },
    });
    await t.ok('complaints:move', { id: k.id, to: 'resolved', date: '2026-05-08' });
    expect([...disputedCustomerIds(t.desk.ctx.book, '2026-05-07')]).toEqual([customerId]);
    expect([...disputedCustomerIds(t.desk.ctx.book, '2026-05-08')]).toEqual([]);
    const after = await t.ok('statements:data', { customerId, from: '2026-04-01', to: '2026-05-10' });
    expect(after.disputes).toBeUndefined();
    expect(after.openItems[0].disputed).toBeUndefined();
    expect(statementHtml(after, { lang: 'zh-CN' })).not.toContain('争议');
  });

  it('a returned slip that disagrees puts the customer in dispute until it is resolved', async () => {
    const { customerId } = await seed();
    await t.ok('statements:confirm', {
      customerId,
      periodTo: '2026-04-30',
      result: 'disagrees',
      statedDifference: 30000,
      receivedOn: '2026-05-06',
      note: '货损未扣',
    });
    expect([...disputedCustomerIds(t.desk.ctx.book, '2026-05-06')]).toEqual([customerId]);
    const st = await t.ok('statements:data', { customerId, from: '2026-04-01', to: '2026-05-10' });
    expect(st.disputes).toEqual([
      {
        source: 'slip',
        ref: '2026-04-30',
        receivedOn: '2026-05-06',
        invoices: [],
        statedDifference: 30000,
        note: '货损未扣',
      },
    ]);
    expect(statementHtml(st, { lang: 'en' })).toContain('Statement slip disagrees');
  });
});

describe('calendar', () => {
  it('puts reply-by and follow-up dates on the collection calendar (complaint_followup)', async () => {
    const { CALENDAR_SOURCES } = await import('../../main/reports/calendar/sources');
    const { complaintFollowups } = await import('../../main/reports/calendar/complaint-followups');
    expect(CALENDAR_SOURCES).toContain(complaintFollowups);
    const { customerId } = await seed();
    const k = await t.ok('complaints:create', {
      customerId,
      ...base,
      receivedOn: '2026-05-09',
      followUpOn: '2026-05-20',
    });
    const items = complaintFollowups(t.desk.ctx.book, { from: '2026-05-01', to: '2026-05-31', asOf: '2026-05-10' });
    expect(items).toEqual([
      {
        kind: 'complaint_followup',
        date: '2026-05-12',
        customerId,
        customerCode: 'C1',
        customerName: '客户C1',
        refId: k.id,
        status: 'reply',
        label: 'TS-000001 回复',
        done: false,
      },
      {
        kind: 'complaint_followup',
        date: '2026-05-20',
        customerId,
        customerCode: 'C1',
        customerName: '客户C1',
        refId: k.id,
        status: 'follow_up',
        label: 'TS-000001 回访',
        done: false,
      },
    ]);
    await t.ok('complaints:update', { id: k.id, version: k.version, data: { repliedOn: '2026-05-10' } });
    expect(
      complaintFollowups(t.desk.ctx.book, { from: '2026-05-01', to: '2026-05-31', asOf: '2026-05-10' })[0].done,
    ).toBe(true);
  });
});
