// The kept credit facts (migration 0017, kept by triggers) after random writes — invoices,
// receipts, credit notes, allocations and their removal, voids, CSV imports, notes receivable
// and their settlement, rating / class / report / limit-decision rows added, changed and
// removed, customers put on hold — equal a plain recomputation from the documents and
// histories; and the credit position every customer gets from them on the overview's fast path
// equals the straightforward computation (creditPositionReport: history tables and documents
// as of the date) — exposure, available, utilisationBp, onHold, class, rating, limit, review.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { up as fillCreditFacts } from '../../main/db/migrations/2026-11-30-0017-credit-facts';
import { keptCreditColumns } from '../../main/db/credit/kept-facts';
import { latestDate } from '../../main/db/receivables/as-of';
import { zeroLimitMeansNone } from '../../main/db/credit-store';
import { creditPositionReport, positionAt } from '../../main/reports/credit';
import { approvedCustomers, openTestDesk } from '../support/book';
import { fenToDecimal } from '../../shared/money';

const DAYS = ['2026-05-03', '2026-06-10', '2026-07-31', '2026-09-15', '2026-10-20'];
/** credit facts may be dated after the documents (a decision effective later, a note dated ahead) */
const FACT_DAYS = [...DAYS, '2026-11-05', '2026-12-15'];
const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length];

const op = fc.oneof(
  fc.record({
    t: fc.constant('inv' as const),
    c: fc.nat(3),
    d: fc.nat(4),
    amount: fc.integer({ min: 1, max: 900_000 }),
  }),
  fc.record({
    t: fc.constant('rcpt' as const),
    c: fc.nat(3),
    d: fc.nat(4),
    amount: fc.integer({ min: 1, max: 600_000 }),
    named: fc.boolean(),
  }),
  fc.record({
    t: fc.constant('cn' as const),
    c: fc.nat(3),
    d: fc.nat(4),
    amount: fc.integer({ min: 1, max: 300_000 }),
  }),
  fc.record({
    t: fc.constant('alloc' as const),
    k: fc.constantFrom('rcpt', 'cn'),
    i: fc.nat(),
    j: fc.nat(),
    un: fc.boolean(),
  }),
  fc.record({ t: fc.constant('void' as const), k: fc.constantFrom('inv', 'rcpt', 'cn'), i: fc.nat() }),
  fc.record({
    t: fc.constant('import' as const),
    rows: fc.array(fc.record({ c: fc.nat(3), d: fc.nat(4), amount: fc.integer({ min: 1, max: 900_000 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  fc.record({
    t: fc.constant('note' as const),
    c: fc.nat(3),
    d: fc.nat(6),
    amount: fc.integer({ min: 1, max: 500_000 }),
  }),
  fc.record({
    t: fc.constant('noteState' as const),
    i: fc.nat(),
    state: fc.constantFrom('honoured', 'dishonoured', 'endorsed'),
    d: fc.nat(6),
  }),
  fc.record({
    t: fc.constant('fact' as const),
    table: fc.constantFrom('credit_ratings', 'credit_classes', 'credit_reviews', 'credit_limit_decisions'),
    c: fc.nat(3),
    d: fc.nat(6),
    v: fc.nat(9),
  }),
  fc.record({ t: fc.constant('factEdit' as const), del: fc.boolean(), i: fc.nat(), d: fc.nat(6) }),
  fc.record({ t: fc.constant('hold' as const), c: fc.nat(3), on: fc.boolean(), limit: fc.constantFrom(0, 500_000) }),
);

const GRADES = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D'];
const TS = '2026-01-01T00:00:00Z';

function insertFact(s: Database.Database, table: string, cid: number, on: string, v: number): void {
  if (table === 'credit_ratings')
    s.prepare(
      `INSERT INTO credit_ratings (customer_id, rated_on, scores, weights, thresholds, score_x100, grade, created_at) VALUES (?, ?, '{}', '{}', '[]', 0, ?, ?)`,
    ).run(cid, on, GRADES[v], TS);
  else if (table === 'credit_classes')
    s.prepare('INSERT INTO credit_classes (customer_id, class, set_on, created_at) VALUES (?, ?, ?, ?)').run(
      cid,
      'ABC'[v % 3],
      on,
      TS,
    );
  else if (table === 'credit_reviews')
    s.prepare(
      `INSERT INTO credit_reviews (customer_id, reviewed_on, kind, findings, created_at) VALUES (?, ?, 'regular', '', ?)`,
    ).run(cid, on, TS);
  else
    s.prepare(
      `INSERT INTO credit_limit_decisions (customer_id, effective_date, amount, method, reason, source, decided_at) VALUES (?, ?, ?, 'judgement', 'r', ?, ?)`,
    ).run(cid, on, v * 100_000, v % 2 ? 'worksheet' : 'import', TS);
}

/** What each kept row must hold, recomputed plainly from the documents and histories. */
function recomputed(s: Database.Database) {
  const all = <T>(sql: string) => s.prepare(sql).all() as T[];
  const latest = <T extends { c: number; d: string; id: number }>(rows: T[], c: number) =>
    rows.filter((r) => r.c === c).sort((a, b) => (a.d === b.d ? b.id - a.id : a.d < b.d ? 1 : -1));
  const maxOf = (xs: (string | null)[]) =>
    xs.reduce<string | null>((m, x) => (x !== null && (m === null || x > m) ? x : m), null);
  const inv = all<{ c: number; o: number; s: string | null }>(
    'SELECT customer_id c, open_amount o, settled_on s FROM invoices',
  );
  const rc = all<{ c: number; u: number; a: string | null }>(
    'SELECT customer_id c, unapplied u, applied_on a FROM receipts',
  );
  const cn = all<{ c: number; u: number; a: string | null; v: string | null }>(
    'SELECT customer_id c, unapplied u, applied_on a, voided_at v FROM credit_notes',
  );
  const notes = all<{ c: number; amount: number; state: string; i: string; s: string }>(
    'SELECT customer_id c, amount, state, issue_date i, state_date s FROM notes_receivable',
  );
  const rat = all<{ c: number; d: string; id: number; g: string }>(
    'SELECT customer_id c, rated_on d, id, grade g FROM credit_ratings',
  );
  const cls = all<{ c: number; d: string; id: number; k: string }>(
    'SELECT customer_id c, set_on d, id, class k FROM credit_classes',
  );
  const rev = all<{ c: number; d: string; id: number }>('SELECT customer_id c, reviewed_on d, id FROM credit_reviews');
  const dec = all<{ c: number; d: string; id: number; a: number; src: string }>(
    'SELECT customer_id c, effective_date d, id, amount a, source src FROM credit_limit_decisions',
  );
  const customers = all<{ id: number; lifecycle: string; r: string | null; k: string | null; l: number }>(
    'SELECT id, lifecycle, credit_rating r, credit_class k, credit_limit l FROM customers ORDER BY id',
  );
  return customers.map((c) => {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    const r = latest(rat, c.id);
    const k = latest(cls, c.id);
    const x = latest(dec, c.id);
    const first = dec.filter((d) => d.c === c.id).sort((a, b) => a.id - b.id)[0];
    const myNotes = notes.filter((n) => n.c === c.id);
    return {
      customer_id: c.id,
      lifecycle: c.lifecycle,
      cur_rating: c.r,
      cur_class: c.k,
      cur_limit: c.l,
      open_ar:
        sum(inv.filter((i) => i.c === c.id && i.s === null).map((i) => i.o)) -
        sum(rc.filter((i) => i.c === c.id && i.a === null).map((i) => i.u)) -
        sum(cn.filter((i) => i.c === c.id && i.a === null && i.v === null).map((i) => i.u)),
      notes: sum(myNotes.filter((n) => n.state === 'held' || n.state === 'dishonoured').map((n) => n.amount)),
      notes_on: maxOf(myNotes.flatMap((n) => [n.i, n.s])),
      rating: r[0]?.g ?? null,
      rated_on: r[0]?.d ?? null,
      class: k[0]?.k ?? null,
      class_on: k[0]?.d ?? null,
      report_on: maxOf(rev.filter((v) => v.c === c.id).map((v) => v.d)),
      limit_amount: x[0]?.a ?? null,
      limit_on: x[0]?.d ?? null,
      limit_prev_amount: x[1]?.a ?? null,
      limit_prev_on: x[1]?.d ?? null,
      initial_limit: first && first.src !== 'worksheet' ? first.a : null,
    };
  });
}

const table = (s: Database.Database) => s.prepare('SELECT * FROM credit_facts ORDER BY customer_id').all();

describe('kept credit facts', () => {
  it('equal a recomputation after random writes, and give the straightforward credit positions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        const t = await openTestDesk();
        try {
          const s = t.desk.ctx.book.sqlite;
          const codes = ['M0', 'm1', 'M2', 'Z3'];
          const cust = await approvedCustomers(
            t,
            codes.map((code) => [code, 30]),
          );
          const docs: Record<'inv' | 'rcpt' | 'cn' | 'note', number[]> = { inv: [], rcpt: [], cn: [], note: [] };
          const facts: [string, number][] = [];
          let n = 0;
          for (const o of ops) {
            n++;
            if (o.t === 'inv') {
              // (refused when over the limit or on hold: nothing written)
              const r = await t.call('invoices:create', {
                customerId: cust[o.c],
                number: `I-${n}`,
                issueDate: DAYS[o.d],
                amount: o.amount,
                overrideReason: 'test',
              });
              if (r.ok) docs.inv.push(r.data.invoice.id);
            } else if (o.t === 'rcpt') {
              const named = o.named && docs.inv.length ? pick(docs.inv, n) : null;
              const r = await t.call('receipts:create', {
                customerId: cust[o.c],
                date: DAYS[o.d],
                amount: o.amount,
                method: 'bank_transfer',
                invoiceId: named,
              });
              if (r.ok) docs.rcpt.push(r.data.receipt.id);
            } else if (o.t === 'cn') {
              const r = await t.call('credit-notes:create', {
                customerId: cust[o.c],
                number: `CN-${n}`,
                date: DAYS[o.d],
                amount: o.amount,
                kind: 'allowance',
              });
              if (r.ok) docs.cn.push(r.data.creditNote.id);
            } else if (o.t === 'alloc') {
              const src = docs[o.k];
              if (src.length && docs.inv.length)
                await t.call(o.un ? 'allocations:unapply' : 'allocations:apply', {
                  [o.k === 'rcpt' ? 'receiptId' : 'creditNoteId']: pick(src, o.i),
                  invoiceId: pick(docs.inv, o.j),
                });
            } else if (o.t === 'void') {
              const list = docs[o.k];
              const channel = { inv: 'invoices:void', rcpt: 'receipts:void', cn: 'credit-notes:void' }[o.k];
              if (list.length) await t.call(channel as 'invoices:void', { id: pick(list, o.i), reason: 'x' });
            } else if (o.t === 'import') {
              const csv =
                'customer_code,number,issue_date,amount\n' +
                o.rows.map((r, k) => `${codes[r.c]},IMP-${n}-${k},${DAYS[r.d]},${fenToDecimal(r.amount)}`).join('\n');
              await t.call('invoices:import', { fileName: 'i.csv', base64: Buffer.from(csv).toString('base64') });
            } else if (o.t === 'note') {
              const r = await t.call('notes:create', {
                customerId: cust[o.c],
                number: `N-${n}`,
                kind: 'bank_acceptance',
                drawer: '银行',
                issueDate: FACT_DAYS[o.d],
                maturityDate: '2027-01-31',
                amount: o.amount,
              });
              if (r.ok) docs.note.push(r.data.id);
            } else if (o.t === 'noteState') {
              if (docs.note.length)
                await t.call('notes:set-state', { id: pick(docs.note, o.i), state: o.state, date: FACT_DAYS[o.d] });
            } else if (o.t === 'fact') {
              insertFact(s, o.table, cust[o.c], FACT_DAYS[o.d], o.v);
              facts.push([o.table, Number((s.prepare('SELECT last_insert_rowid() AS id').get() as { id: number }).id)]);
            } else if (o.t === 'factEdit') {
              if (facts.length) {
                const [tbl, id] = pick(facts, o.i);
                const col = {
                  credit_ratings: 'rated_on',
                  credit_classes: 'set_on',
                  credit_reviews: 'reviewed_on',
                  credit_limit_decisions: 'effective_date',
                }[tbl]!;
                if (o.del) s.prepare(`DELETE FROM ${tbl} WHERE id = ?`).run(id);
                else s.prepare(`UPDATE ${tbl} SET ${col} = ? WHERE id = ?`).run(FACT_DAYS[o.d], id);
              }
            } else {
              s.prepare('UPDATE customers SET lifecycle = ?, credit_limit = ? WHERE id = ?').run(
                o.on ? 'suspended' : 'active',
                o.limit,
                cust[o.c],
              );
            }
          }
          expect(table(s)).toEqual(recomputed(s));

          // positions on the fast path = the straightforward ones, for dates on or after the
          // ledger's latest day (before and after the later-dated credit facts)
          const zeroIsNone = zeroLimitMeansNone(s);
          const latest = latestDate(s);
          for (const asOf of ['2026-10-31', '2026-11-05', '2026-12-31']) {
            const cols = keptCreditColumns(s, asOf);
            // an allocation dated later than asOf (the entry day) makes asOf a past date
            if (latest !== null && asOf < latest) {
              expect(cols).toBeNull();
              continue;
            }
            expect(cols).not.toBeNull();
            const fast = Array.from({ length: cols!.n }, (_, i) => positionAt(cols!, i, asOf, zeroIsNone));
            expect(fast).toEqual(creditPositionReport(s, asOf).rows);
          }
          // a date before the ledger's latest day: no fast path (exposures are rebuilt as of it)
          if (s.prepare('SELECT COUNT(*) FROM ar_daily').pluck().get())
            expect(keptCreditColumns(s, '2026-01-01')).toBeNull();

          // a book written before the table existed: the migration fills it from the book
          const triggers = s
            .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%credit_facts%'")
            .pluck()
            .all() as string[];
          expect(triggers).toHaveLength(3 + 3 * 3 + 5 * 3);
          for (const tr of triggers) s.exec(`DROP TRIGGER ${tr}`);
          s.exec('DROP TABLE credit_facts');
          await fillCreditFacts(t.desk.ctx.book.db as unknown as Kysely<unknown>);
          expect(table(s)).toEqual(recomputed(s));
        } finally {
          await t.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});
