// Random receivables writes through the app's channels for as-of property tests: invoices,
// receipts (auto-applied or naming an invoice), credit notes, voids of all four kinds, apply /
// unapply, write-offs and invoice / receipt imports, on three customers, days 0…200 from START.
// Books written this way part-pay, settle, over-credit and reopen invoices on any date.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { addDays } from '../../main/domain/dates';
import { stagedFiles } from '../../main/services/files/staged-files';
import { fenToDecimal } from '../../shared/money';
import type { TestDesk } from './book';

export const START = '2026-01-01';
export const day = (n: number) => addDays(START, n);
const c3 = fc.integer({ min: 0, max: 2 });
const d200 = fc.integer({ min: 0, max: 200 });
const named = fc.option(fc.nat(), { nil: undefined });

export const receivablesOp = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('inv' as const),
      c: c3,
      d: d200,
      amount: fc.integer({ min: 1, max: 500_000 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('rec' as const),
      c: c3,
      d: d200,
      amount: fc.integer({ min: 1, max: 600_000 }),
      name: named,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('cn' as const),
      c: c3,
      d: d200,
      amount: fc.integer({ min: 1, max: 100_000 }),
      name: named,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('void' as const),
      k: fc.constantFrom('inv', 'rec', 'cn', 'wo'),
      i: fc.nat(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('apply' as const), i: fc.nat(), j: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('unapply' as const), i: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('wo' as const), i: fc.nat(), lag: fc.integer({ min: 0, max: 60 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('import' as const),
      k: fc.constantFrom('invoices', 'receipts'),
      rows: fc.array(fc.record({ c: c3, d: d200, amount: fc.integer({ min: 1, max: 500_000 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
  },
);
export type ReceivablesOp = typeof receivablesOp extends fc.Arbitrary<infer T> ? T : never;

/** Plays the ops on customers `cust` (codes `codes`), in order; a refused write is skipped. */
export async function playReceivables(
  t: TestDesk,
  cust: number[],
  codes: string[],
  ops: ReceivablesOp[],
): Promise<void> {
  const ids = { inv: [] as { id: number; d: number }[], rec: [] as number[], cn: [] as number[], wo: [] as number[] };
  const pick = (o: { name?: number }) =>
    o.name === undefined || !ids.inv.length ? null : ids.inv[o.name % ids.inv.length].id;
  let n = 0;
  for (const o of ops) {
    n++;
    if (o.t === 'inv') {
      const r = await t.call('invoices:create', {
        customerId: cust[o.c],
        number: `I-${n}`,
        issueDate: day(o.d),
        amount: o.amount,
        overrideReason: 'test',
      });
      if (r.ok) ids.inv.push({ id: r.data.invoice.id, d: o.d });
    } else if (o.t === 'rec') {
      const r = await t.call('receipts:create', {
        customerId: cust[o.c],
        date: day(o.d),
        amount: o.amount,
        method: 'bank_transfer',
        invoiceId: pick(o),
      });
      if (r.ok) ids.rec.push(r.data.receipt.id);
    } else if (o.t === 'cn') {
      const r = await t.call('credit-notes:create', {
        customerId: cust[o.c],
        number: `CN-${n}`,
        date: day(o.d),
        amount: o.amount,
        kind: 'allowance',
        invoiceId: pick(o),
      });
      if (r.ok) ids.cn.push(r.data.creditNote.id);
    } else if (o.t === 'void') {
      const list = o.k === 'inv' ? ids.inv.map((x) => x.id) : ids[o.k];
      const channel = (
        { inv: 'invoices:void', rec: 'receipts:void', cn: 'credit-notes:void', wo: 'write-offs:void' } as const
      )[o.k];
      if (list.length) await t.call(channel, { id: list[o.i % list.length], reason: 'x' });
    } else if (o.t === 'apply') {
      if (ids.rec.length && ids.inv.length)
        await t.call('allocations:apply', {
          receiptId: ids.rec[o.i % ids.rec.length],
          invoiceId: ids.inv[o.j % ids.inv.length].id,
        });
    } else if (o.t === 'unapply') {
      const a = t.desk.ctx.book.sqlite
        .prepare('SELECT receipt_id AS r, invoice_id AS i FROM allocations WHERE receipt_id IS NOT NULL')
        .all() as { r: number; i: number }[];
      if (a.length)
        await t.call('allocations:unapply', { receiptId: a[o.i % a.length].r, invoiceId: a[o.i % a.length].i });
    } else if (o.t === 'wo') {
      if (ids.inv.length) {
        const inv = ids.inv[o.i % ids.inv.length];
        const r = await t.call('write-offs:create', {
          invoiceId: inv.id,
          date: day(inv.d + o.lag),
          approvedBy: '张总',
          reason: '坏账',
        });
        if (r.ok) ids.wo.push(r.data.id);
      }
    } else {
      const f = path.join(t.dir, `imp-${n}.csv`);
      const csv =
        o.k === 'invoices'
          ? 'customer_code,number,issue_date,amount\n' +
            o.rows.map((r, k) => `${codes[r.c]},IMP-${n}-${k},${day(r.d)},${fenToDecimal(r.amount)}`).join('\n')
          : 'customer_code,date,amount\n' +
            o.rows.map((r) => `${codes[r.c]},${day(r.d)},${fenToDecimal(r.amount)}`).join('\n');
      fs.writeFileSync(f, `${csv}\n`);
      await t.call(o.k === 'invoices' ? 'invoices:import' : 'receipts:import', {
        fileToken: stagedFiles.stage(f).token,
      });
    }
  }
}
