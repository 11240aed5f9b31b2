// The per-customer monthly sales table (migration 0012, kept by triggers) after random writes
// through the app's channels — invoices, credit notes, voids of both, CSV imports — equals a
// plain recomputation from the documents, and the value tiers read from it equal a reference
// that sums the documents of the window directly (SPEC §3).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Kysely } from 'kysely';
import { up as fillMonthlySales } from '../../main/db/migrations/2026-11-30-0012-monthly-sales';
import { tierReport } from '../../main/reports/tiers';
import { approvedCustomers, openTestDesk } from '../support/book';
import { fenToDecimal } from '../../shared/money';

const MONTHS = ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const date = (m: number, d: number) => `${MONTHS[m]}-${String(d).padStart(2, '0')}`;

const op = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('inv' as const),
      c: fc.nat(3),
      m: fc.nat(5),
      d: fc.integer({ min: 1, max: 30 }),
      amount: fc.integer({ min: 1, max: 900_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('cn' as const),
      c: fc.nat(3),
      m: fc.nat(5),
      d: fc.integer({ min: 1, max: 30 }),
      amount: fc.integer({ min: 1, max: 400_000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('void' as const), k: fc.constantFrom('inv', 'cn'), i: fc.nat() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('import' as const),
      rows: fc.array(
        fc.record({
          c: fc.nat(3),
          m: fc.nat(5),
          d: fc.integer({ min: 1, max: 30 }),
          amount: fc.integer({ min: 1, max: 900_000 }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  },
);

/** What the table must hold: invoiced / credited per (customer, month) of the documents not voided. */
function recomputed(db: import('better-sqlite3').Database): Map<string, { invoiced: number; credited: number }> {
  const out = new Map<string, { invoiced: number; credited: number }>();
  const add = (cid: number, d: string, k: 'invoiced' | 'credited', amount: number) => {
    const key = `${cid}|${d.slice(0, 7)}`;
    const cur = out.get(key) ?? { invoiced: 0, credited: 0 };
    cur[k] += amount;
    out.set(key, cur);
  };
  for (const r of db
    .prepare('SELECT customer_id AS c, issue_date AS d, amount AS a FROM invoices WHERE voided_at IS NULL')
    .all() as { c: number; d: string; a: number }[])
    add(r.c, r.d, 'invoiced', r.a);
  for (const r of db
    .prepare('SELECT customer_id AS c, date AS d, amount AS a FROM credit_notes WHERE voided_at IS NULL')
    .all() as { c: number; d: string; a: number }[])
    add(r.c, r.d, 'credited', r.a);
  for (const [k, v] of out) if (v.invoiced === 0 && v.credited === 0) out.delete(k);
  return out;
}

/** The table's rows that are not zero (a month whose documents were all voided keeps a zero row). */
function readTable(db: import('better-sqlite3').Database) {
  return new Map(
    (
      db.prepare('SELECT customer_id AS c, month AS m, invoiced, credited FROM monthly_sales').all() as {
        c: number;
        m: string;
        invoiced: number;
        credited: number;
      }[]
    )
      .filter((r) => r.invoiced !== 0 || r.credited !== 0)
      .map((r) => [`${r.c}|${r.m}`, { invoiced: r.invoiced, credited: r.credited }]),
  );
}

describe('monthly sales table', () => {
  it('equals a recomputation from invoices and credit notes after random writes, voids and imports', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        const t = await openTestDesk();
        try {
          const codes = ['M0', 'M1', 'M2', 'M3'];
          const cust = await approvedCustomers(
            t,
            codes.map((code) => [code, 30]),
          );
          const docs: { inv: number[]; cn: number[] } = { inv: [], cn: [] };
          let n = 0;
          for (const o of ops) {
            n++;
            if (o.t === 'inv') {
              const r = await t.ok('invoices:create', {
                customerId: cust[o.c],
                number: `I-${n}`,
                issueDate: date(o.m, o.d),
                amount: o.amount,
                overrideReason: 'test',
              });
              docs.inv.push(r.invoice.id);
            } else if (o.t === 'cn') {
              const r = await t.call('credit-notes:create', {
                customerId: cust[o.c],
                number: `CN-${n}`,
                date: date(o.m, o.d),
                amount: o.amount,
                kind: 'allowance',
              });
              if (r.ok) docs.cn.push(r.data.creditNote.id);
            } else if (o.t === 'void') {
              const list = docs[o.k];
              if (list.length)
                await t.call(o.k === 'inv' ? 'invoices:void' : 'credit-notes:void', {
                  id: list[o.i % list.length],
                  reason: 'x',
                });
            } else {
              const csv =
                'customer_code,number,issue_date,amount\n' +
                o.rows
                  .map((r, k) => `${codes[r.c]},IMP-${n}-${k},${date(r.m, r.d)},${fenToDecimal(r.amount)}`)
                  .join('\n');
              await t.ok('invoices:import', { fileName: 'i.csv', base64: Buffer.from(csv).toString('base64') });
            }
          }
          const db = t.desk.ctx.book.sqlite;
          expect(readTable(db)).toEqual(recomputed(db));

          // tiers as of 2026-10-31 over 3 and 6 months: sales per customer straight from the documents
          for (const months of [3, 6]) {
            const from = MONTHS[6 - months];
            const expected = new Map<string, number>();
            cust.forEach((id, i) => {
              let sales = 0;
              for (const [k, v] of recomputed(db)) {
                const [c, m] = k.split('|');
                if (Number(c) === id && m >= from) sales += v.invoiced - v.credited;
              }
              expected.set(codes[i], Math.max(0, sales));
            });
            const rep = tierReport(t.desk.ctx.book, '2026-10-31', months);
            expect(new Map(rep.rows.map((r) => [r.customerCode, r.sales]))).toEqual(expected);
          }

          // a book written before the table existed: the migration fills it from the documents
          const triggers = db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%monthly_sales%'")
            .all() as { name: string }[];
          expect(triggers).toHaveLength(8);
          for (const tr of triggers) db.exec(`DROP TRIGGER ${tr.name}`);
          // (the migration itself, run again: later migrations keep kysely from re-running one)
          db.exec('DROP TABLE monthly_sales');
          await fillMonthlySales(t.desk.ctx.book.db as unknown as Kysely<unknown>);
          expect(readTable(db)).toEqual(recomputed(db));
        } finally {
          await t.close();
        }
      }),
      { numRuns: 15 },
    );
  }, 240_000);
});
