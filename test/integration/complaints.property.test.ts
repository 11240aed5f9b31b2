// SPEC §8 / issue #14 rules, as property tests against a plain reference written here:
// - reply-by = received on + the reply days of the complaint's severity (a setting per severity);
// - overdue reply (as of today) = not replied, still received/investigating, reply-by before today;
// - a customer is in dispute on day D when one of its complaints that disputes invoices was
//   received on or before D and was not resolved or closed on or before D;
// - confirming a claim writes one credit note of kind `claim` for exactly the compensation, on
//   the complaint's customer, linked both ways; the disputed invoice's open amount drops by
//   min(compensation, open) and the rest stands as an unapplied credit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disputedCustomerIds } from '../../main/db/disputes';
import { openTestDesk } from '../support/book';
import { activeCustomer } from '../support/worked-example';

const TODAY = '2026-11-23'; // openTestDesk's clock
const SEVERITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Plain date arithmetic for the reference (UTC midnight, whole days). */
function plus(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const complaintArb = fc.record({
  customer: fc.integer({ min: 0, max: 1 }),
  receivedAgo: fc.integer({ min: 0, max: 40 }), // days before today
  severity: fc.constantFrom(...SEVERITIES),
  disputes: fc.boolean(),
  repliedAfter: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  /** resolve (or close at once) this many days after receipt, if not in the future */
  endAfter: fc.option(fc.record({ days: fc.integer({ min: 0, max: 30 }), to: fc.constantFrom('resolved', 'closed') }), {
    nil: null,
  }),
  compensation: fc.integer({ min: 0, max: 300_000 }),
});

const scenarioArb = fc.record({
  replyDays: fc.record({
    low: fc.integer({ min: 0, max: 30 }),
    normal: fc.integer({ min: 0, max: 10 }),
    high: fc.integer({ min: 0, max: 5 }),
    urgent: fc.integer({ min: 0, max: 2 }),
  }),
  invoiceAmount: fc.integer({ min: 1, max: 200_000 }),
  complaints: fc.array(complaintArb, { minLength: 1, maxLength: 5 }),
});

describe('complaint rules against a plain reference', () => {
  it('reply-by, overdue reply, dispute on/off by day, claim credit notes', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (sc) => {
        const t = await openTestDesk();
        const openNow = (id: number) =>
          (
            t.desk.ctx.book.sqlite.prepare('SELECT open_amount AS o FROM invoices WHERE id = ?').get(id) as {
              o: number;
            }
          ).o;
        try {
          await t.ok('complaints:set-settings', { replyDays: sc.replyDays });
          const customers = [await activeCustomer(t.ok, 'K1'), await activeCustomer(t.ok, 'K2')];
          const invoices = [];
          for (const [i, c] of customers.entries())
            invoices.push(
              (
                await t.ok('invoices:create', {
                  customerId: c,
                  number: `INV-${i}`,
                  issueDate: '2026-09-01',
                  amount: sc.invoiceAmount,
                })
              ).invoice,
            );
          const expected: { customer: number; receivedOn: string; end: string | null; disputes: boolean }[] = [];
          for (const k of sc.complaints) {
            const receivedOn = plus(TODAY, -k.receivedAgo);
            const repliedOn = k.repliedAfter === null ? null : plus(receivedOn, k.repliedAfter);
            const replied = repliedOn !== null && repliedOn <= TODAY ? repliedOn : null;
            const created = await t.ok('complaints:create', {
              customerId: customers[k.customer],
              receivedOn,
              channel: 'phone',
              type: 'product_quality',
              description: '货物破损',
              severity: k.severity,
              repliedOn: replied,
              responsibility: 'ours',
              resolution: 'compensation',
              compensation: k.compensation,
              disputesInvoices: k.disputes,
              invoiceIds: [invoices[k.customer].id],
              confirmedOverInvoices: true,
            });
            // reply-by from the severity's setting
            const replyBy = plus(receivedOn, sc.replyDays[k.severity]);
            expect(created.replyBy).toBe(replyBy);
            const endOn = k.endAfter === null ? null : plus(receivedOn, k.endAfter.days);
            const end = endOn !== null && endOn <= TODAY ? endOn : null;
            if (end) await t.ok('complaints:move', { id: created.id, to: k.endAfter!.to, date: end });
            const now = await t.ok('complaints:get', { id: created.id });
            // overdue reply as of today
            expect(now.overdueReply).toBe(replied === null && end === null && replyBy < TODAY);
            expected.push({ customer: customers[k.customer], receivedOn, end, disputes: k.disputes });

            // claim → credit note, linked both ways, applied to the invoice
            if (k.compensation > 0) {
              const before = openNow(invoices[k.customer].id);
              const { complaint, creditNote } = await t.ok('complaints:confirm-claim', {
                id: created.id,
                date: TODAY,
                confirmedOverInvoices: true,
              });
              expect(creditNote).toMatchObject({
                kind: 'claim',
                amount: k.compensation,
                customerId: customers[k.customer],
              });
              expect(complaint.creditNoteId).toBe(creditNote.id);
              expect((await t.ok('complaints:by-credit-note', { creditNoteId: creditNote.id })).id).toBe(created.id);
              const after = openNow(invoices[k.customer].id);
              expect(before - after).toBe(Math.min(k.compensation, before));
            }
          }
          // dispute on/off, day by day over the window
          for (let ago = 45; ago >= 0; ago--) {
            const day = plus(TODAY, -ago);
            const want = new Set(
              expected
                .filter((e) => e.disputes && e.receivedOn <= day && !(e.end !== null && e.end <= day))
                .map((e) => e.customer),
            );
            expect([...disputedCustomerIds(t.desk.ctx.book, day)].sort(), day).toEqual([...want].sort());
          }
        } finally {
          await t.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
