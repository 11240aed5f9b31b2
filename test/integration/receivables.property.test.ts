// Property test through the services on small random books: the ageing rebuilt as of any date
// agrees with the pure domain (positionAsOf over the stored rows) and with the ledger balance;
// as of a date after every document it equals the kept current position; allocations plus
// unapplied equal receipts per customer.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildAgeingReport, type ArInvoice, type ArReceipt } from '../../main/domain/ageing';
import type { Allocation } from '../../main/domain/allocation';
import { addDays } from '../../main/domain/dates';
import { HUASHENG, openTestDesk } from '../support/book';

const START = '2026-01-01';
const day = (n: number) => addDays(START, n);

const op = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('inv' as const),
      c: fc.integer({ min: 0, max: 2 }),
      d: fc.integer({ min: 0, max: 200 }),
      amount: fc.integer({ min: 1, max: 500_000 }),
      due: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('rec' as const),
      c: fc.integer({ min: 0, max: 2 }),
      d: fc.integer({ min: 0, max: 200 }),
      amount: fc.integer({ min: 1, max: 600_000 }),
      name: fc.option(fc.nat(), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('cn' as const),
      c: fc.integer({ min: 0, max: 2 }),
      d: fc.integer({ min: 0, max: 200 }),
      amount: fc.integer({ min: 1, max: 100_000 }),
      name: fc.option(fc.nat(), { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('void' as const), k: fc.constantFrom('invoice', 'receipt'), i: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('apply' as const), i: fc.nat(), j: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('unapply' as const), i: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('wo' as const), i: fc.nat(), lag: fc.integer({ min: 0, max: 60 }) }),
  },
);

describe('receivables property: services agree with the domain and with themselves', () => {
  it('holds on random books', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 30 }),
        fc.array(fc.integer({ min: -5, max: 230 }), { minLength: 3, maxLength: 3 }),
        async (ops, probes) => {
          const t = await openTestDesk();
          try {
            const cust: number[] = [];
            for (let i = 0; i < 3; i++) {
              const c = await t.ok('customers:create', {
                ...HUASHENG,
                code: `P${i}`,
                name: `客户${i}`,
                paymentTermsDays: [0, 30, 45][i],
                creditLimit: 0,
                contacts: [],
              } as never);
              await t.ok('customers:approve-opening', { id: c.id, approvedBy: '张总' });
              cust.push(c.id);
            }
            const invoices: { id: number; c: number; d: number }[] = [];
            const receipts: { id: number }[] = [];
            let n = 0;
            for (const o of ops) {
              n++;
              if (o.t === 'inv') {
                const r = await t.ok('invoices:create', {
                  customerId: cust[o.c],
                  number: `I-${n}`,
                  issueDate: day(o.d),
                  dueDate: o.due === undefined ? null : day(o.d + o.due),
                  amount: o.amount,
                  overrideReason: 'test',
                });
                invoices.push({ id: r.invoice.id, c: o.c, d: o.d });
              } else if (o.t === 'rec') {
                const mine = invoices.filter((i) => i.c === o.c);
                const named = o.name !== undefined && mine.length ? mine[o.name % mine.length].id : null;
                const r = await t.call('receipts:create', {
                  customerId: cust[o.c],
                  date: day(o.d),
                  amount: o.amount,
                  method: 'bank_transfer',
                  invoiceId: named,
                });
                if (r.ok) receipts.push({ id: r.data.receipt.id });
              } else if (o.t === 'cn') {
                const mine = invoices.filter((i) => i.c === o.c && i.d <= o.d);
                const named = o.name !== undefined && mine.length ? mine[o.name % mine.length].id : null;
                await t.call('credit-notes:create', {
                  customerId: cust[o.c],
                  number: `CN-${n}`,
                  date: day(o.d),
                  amount: o.amount,
                  kind: 'allowance',
                  invoiceId: named,
                });
              } else if (o.t === 'void') {
                const list = o.k === 'invoice' ? invoices : receipts;
                if (list.length)
                  await t.call(o.k === 'invoice' ? 'invoices:void' : 'receipts:void', {
                    id: list[o.i % list.length].id,
                    reason: 'x',
                  });
              } else if (o.t === 'apply') {
                if (receipts.length && invoices.length)
                  await t.call('allocations:apply', {
                    receiptId: receipts[o.i % receipts.length].id,
                    invoiceId: invoices[o.j % invoices.length].id,
                  });
              } else if (o.t === 'unapply') {
                const a = t.desk.ctx.book.sqlite
                  .prepare('SELECT receipt_id AS r, invoice_id AS i FROM allocations WHERE receipt_id IS NOT NULL')
                  .all() as { r: number; i: number }[];
                if (a.length)
                  await t.call('allocations:unapply', {
                    receiptId: a[o.i % a.length].r,
                    invoiceId: a[o.i % a.length].i,
                  });
              } else if (o.t === 'wo') {
                if (invoices.length) {
                  const inv = invoices[o.i % invoices.length];
                  await t.call('write-offs:create', {
                    invoiceId: inv.id,
                    date: day(inv.d + o.lag),
                    approvedBy: '张总',
                    reason: '坏账',
                  });
                }
              }
            }
            const db = t.desk.ctx.book.sqlite;
            // allocations + unapplied = receipts, per customer (and per receipt)
            for (const cid of cust) {
              const r = db
                .prepare(
                  `SELECT COALESCE(SUM(r.amount),0) AS amount, COALESCE(SUM(r.unapplied),0) AS unapplied,
                  COALESCE(SUM((SELECT COALESCE(SUM(a.amount),0) FROM allocations a WHERE a.receipt_id = r.id)),0) AS allocated
                 FROM receipts r WHERE r.customer_id = ? AND r.voided_at IS NULL`,
                )
                .get(cid) as { amount: number; unapplied: number; allocated: number };
              expect(r.allocated + r.unapplied).toBe(r.amount);
            }
            const neg = db
              .prepare('SELECT count(*) AS n FROM invoices WHERE open_amount < 0 OR open_amount > amount')
              .get() as { n: number };
            expect(neg.n).toBe(0);

            // the domain's view of the stored rows
            const inv = db
              .prepare(
                'SELECT id, customer_id, number, issue_date, due_date, amount FROM invoices WHERE voided_at IS NULL',
              )
              .all() as any[];
            const rec = db
              .prepare('SELECT id, customer_id, date, amount FROM receipts WHERE voided_at IS NULL')
              .all() as any[];
            const cns = db
              .prepare('SELECT id, customer_id, date, amount FROM credit_notes WHERE voided_at IS NULL')
              .all() as any[];
            const wos = db
              .prepare('SELECT id, customer_id, date, amount FROM write_offs WHERE voided_at IS NULL')
              .all() as any[];
            const al = db
              .prepare('SELECT receipt_id, credit_note_id, write_off_id, invoice_id, amount, date FROM allocations')
              .all() as any[];
            const dInvoices: ArInvoice[] = inv.map((i) => ({
              id: i.id,
              customerId: i.customer_id,
              number: i.number,
              issueDate: i.issue_date,
              dueDate: i.due_date,
              amount: i.amount,
            }));
            const dReceipts: ArReceipt[] = [
              ...rec.map((r) => ({ id: `r${r.id}`, customerId: r.customer_id, date: r.date, amount: r.amount })),
              ...cns.map((r) => ({ id: `c${r.id}`, customerId: r.customer_id, date: r.date, amount: r.amount })),
              ...wos.map((r) => ({ id: `w${r.id}`, customerId: r.customer_id, date: r.date, amount: r.amount })),
            ];
            const dAlloc: Allocation[] = al.map((a) => ({
              receiptId:
                a.receipt_id !== null
                  ? `r${a.receipt_id}`
                  : a.credit_note_id !== null
                    ? `c${a.credit_note_id}`
                    : `w${a.write_off_id}`,
              invoiceId: a.invoice_id,
              amount: a.amount,
              date: a.date,
            }));
            const customers = cust.map((id, i) => ({ id, code: `P${i}`, name: `客户${i}`, creditLimit: 0 }));
            const strip = (rep: any) =>
              rep.rows.map((r: any) => ({
                code: r.customerCode,
                buckets: r.buckets,
                unapplied: r.unapplied,
                total: r.total,
              }));
            for (const p of [...probes, 400]) {
              const asOf = day(p);
              const expected = buildAgeingReport({
                asOf,
                customers,
                invoices: dInvoices,
                receipts: dReceipts,
                allocations: dAlloc,
              });
              const rebuilt = await t.ok('ageing:report', { asOf, rebuild: true });
              const auto = await t.ok('ageing:report', { asOf });
              expect(strip(rebuilt)).toEqual(strip(expected));
              expect(strip(auto)).toEqual(strip(expected));
              expect(rebuilt.totals).toEqual(expected.totals);
              const tie = await t.ok('ageing:tie-out', { asOf });
              expect(tie.difference).toBe(0);
            }
            // after every document (manual applies are dated today): the kept current state
            const late = await t.ok('ageing:report', { asOf: '2027-06-30' });
            expect(late.method).toBe('current');
            const lateRebuilt = await t.ok('ageing:report', { asOf: '2027-06-30', rebuild: true });
            expect(strip(late)).toEqual(strip(lateRebuilt));
            for (const cid of cust) {
              const cur = db
                .prepare(
                  `SELECT (SELECT COALESCE(SUM(open_amount),0) FROM invoices WHERE customer_id = @c AND voided_at IS NULL)
                      - (SELECT COALESCE(SUM(unapplied),0) FROM receipts WHERE customer_id = @c AND voided_at IS NULL)
                      - (SELECT COALESCE(SUM(unapplied),0) FROM credit_notes WHERE customer_id = @c AND voided_at IS NULL) AS pos`,
                )
                .get({ c: cid }) as { pos: number };
              const rowC = late.rows.find((r: any) => r.customerId === cid);
              expect(rowC?.total ?? 0).toBe(cur.pos);
            }
          } finally {
            await t.close();
          }
        },
      ),
      { numRuns: 25, seed: 20261123 },
    );
  });
});
