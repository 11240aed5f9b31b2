// Voiding a claim credit note from the receivables side (issue #14 §2): the ledger line says it is
// a `claim`, complaints:by-credit-note finds its complaint, and the confirmation's two choices —
// void the claim too (complaints:void-claim: credit note and claim in one transaction, both
// audited) or the credit note alone (the complaint then shows its credit note void).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeCustomer } from '../support/worked-example';
import { openTestDesk, type TestDesk } from '../support/book';

let t: TestDesk;
beforeEach(async () => {
  t = await openTestDesk({ now: '2026-05-10T09:00:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

async function claim(customerId: number, invoiceId: number) {
  const k = await t.ok('complaints:create', {
    customerId,
    receivedOn: '2026-04-25',
    channel: 'phone',
    type: 'product_quality',
    description: '外包装破损',
    severity: 'normal',
    invoiceIds: [invoiceId],
    responsibility: 'ours',
    resolution: 'compensation',
    compensation: 30000,
  });
  return t.ok('complaints:confirm-claim', { id: k.id, date: '2026-05-05' });
}

const claimLine = async (customerId: number, number: string) =>
  (await t.ok('ledger:customer', { customerId, asOf: '2026-05-10' })).lines.find((l: any) => l.number === number);

const audits = (entity: string) =>
  t.desk.ctx.book.sqlite
    .prepare('SELECT entity_id AS ref, action FROM audit_log WHERE entity = ? ORDER BY id')
    .all(entity);

describe('voiding a claim credit note from the ledger', () => {
  it('finds the complaint and, when chosen, voids credit note and claim together, both audited', async () => {
    const customerId = await activeCustomer(t.ok, 'C1');
    const inv = (
      await t.ok('invoices:create', { customerId, number: 'INV-1', issueDate: '2026-04-10', amount: 250000 })
    ).invoice;
    const { creditNote } = await claim(customerId, inv.id);
    const line = await claimLine(customerId, 'CN-TS-000001');
    expect(line).toMatchObject({ kind: 'credit_note', id: creditNote.id, description: 'claim', credit: 30000 });
    const k = await t.ok('complaints:by-credit-note', { creditNoteId: line.id });
    expect(k).toMatchObject({ number: 'TS-000001', claimConfirmedOn: '2026-05-05', claimVoidedAt: null });
    // the choice "also void the complaint's claim"
    await t.ok('complaints:void-claim', { id: k.id, reason: '客户撤回索赔', voidCreditNote: true });
    const after = await claimLine(customerId, 'CN-TS-000001');
    expect(after.voided).toBe(true);
    const ledger = await t.ok('ledger:customer', { customerId, asOf: '2026-05-10' });
    expect(ledger.openItems.map((i: any) => [i.number, i.open])).toEqual([['INV-1', 250000]]);
    const k2 = await t.ok('complaints:by-credit-note', { creditNoteId: line.id });
    expect(k2.claimVoidedAt).toBeTruthy();
    expect(k2.creditNoteVoid).toBe(true);
    expect(audits('credit_note').filter((a: any) => a.action === 'void')).toEqual([
      { ref: 'CN-TS-000001', action: 'void' },
    ]);
    expect(audits('complaint').map((a: any) => a.action)).toContain('void-claim');
    const cn = t.desk.ctx.book.sqlite.prepare('SELECT void_reason FROM credit_notes WHERE id = ?').get(line.id) as any;
    expect(cn.void_reason).toBe('TS-000001: 客户撤回索赔');
  });

  it('voiding the credit note alone leaves the claim confirmed and the complaint shows its credit note void', async () => {
    const customerId = await activeCustomer(t.ok, 'C1');
    const inv = (
      await t.ok('invoices:create', { customerId, number: 'INV-1', issueDate: '2026-04-10', amount: 250000 })
    ).invoice;
    const { creditNote } = await claim(customerId, inv.id);
    await t.ok('credit-notes:void', { id: creditNote.id, reason: '录错' });
    const k = await t.ok('complaints:by-credit-note', { creditNoteId: creditNote.id });
    expect(k).toMatchObject({ number: 'TS-000001', claimVoidedAt: null, creditNoteVoid: true });
    // a plain (non-claim) credit note has no complaint
    const plain = await t.ok('credit-notes:create', {
      customerId,
      number: 'CN-9',
      date: '2026-05-06',
      amount: 1000,
      kind: 'allowance',
      reason: '折让',
    });
    expect(await t.ok('complaints:by-credit-note', { creditNoteId: plain.creditNote.id })).toBeNull();
  });
});
