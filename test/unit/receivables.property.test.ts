// Property tests over random books: allocation, positions, ageing report and statements agree.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  allocateReceipts,
  applyReceipt,
  SequentialApplier,
  type Allocation,
  type Id,
  type OpenInvoice,
} from '../../main/domain/allocation';
import {
  ageCustomer,
  buildAgeingReport,
  openAmountAsOf,
  positionAsOf,
  type ArCreditNote,
  type ArInvoice,
  type ArReceipt,
  type ArWriteOff,
  type Ledger,
} from '../../main/domain/ageing';
import { buildStatement } from '../../main/domain/statement';
import { addDays } from '../../main/domain/dates';

const START = '2025-01-01';
const HORIZON = 500; // days
const day = (n: number) => addDays(START, n);

interface Book extends Ledger {
  invoices: ArInvoice[];
  receipts: ArReceipt[];
  creditNotes: ArCreditNote[];
  writeOffs: ArWriteOff[];
  allocations: Allocation[];
  named: Map<string, Id | undefined>;
  unapplied: Map<string, number>;
  customers: { id: number; code: string; name: string; creditLimit: number }[];
}

const invoiceSpec = fc.record({
  customer: fc.integer({ min: 1, max: 3 }),
  issue: fc.integer({ min: 0, max: HORIZON }),
  terms: fc.constantFrom(0, 7, 30, 45, 60, 90),
  amount: fc.integer({ min: 1, max: 5_000_000 }),
  cnPermille: fc.constantFrom(0, 0, 0, 250, 1000),
  woPermille: fc.constantFrom(0, 0, 0, 500),
  reductionLag: fc.integer({ min: 0, max: 120 }),
});

const receiptSpec = fc.record({
  customer: fc.integer({ min: 1, max: 3 }),
  date: fc.integer({ min: 0, max: HORIZON }),
  amount: fc.integer({ min: 1, max: 6_000_000 }),
  nameIndex: fc.option(fc.nat(), { nil: undefined }),
});

const standaloneCnSpec = fc.record({
  customer: fc.integer({ min: 1, max: 3 }),
  date: fc.integer({ min: 0, max: HORIZON }),
  amount: fc.integer({ min: 1, max: 100_000 }),
});

const bookArb = fc
  .record({
    invoices: fc.array(invoiceSpec, { maxLength: 25 }),
    receipts: fc.array(receiptSpec, { maxLength: 20 }),
    standalone: fc.array(standaloneCnSpec, { maxLength: 3 }),
  })
  .map(({ invoices: invSpecs, receipts: recSpecs, standalone }): Book => {
    const invoices: ArInvoice[] = [];
    const creditNotes: ArCreditNote[] = [];
    const writeOffs: ArWriteOff[] = [];
    let seq = 0;
    invSpecs.forEach((s, i) => {
      const id = `i${i}`;
      invoices.push({
        id,
        customerId: s.customer,
        number: `INV-${i + 1}`,
        issueDate: day(s.issue),
        dueDate: day(s.issue + s.terms),
        amount: s.amount,
        seq: seq++,
      });
      const cn = Math.floor((s.amount * s.cnPermille) / 1000);
      const wo = Math.floor(((s.amount - cn) * s.woPermille) / 1000);
      if (cn > 0)
        creditNotes.push({
          id: `c${i}`,
          customerId: s.customer,
          number: `CN-${i}`,
          date: day(s.issue + s.reductionLag),
          amount: cn,
          invoiceId: id,
          seq: seq++,
        });
      if (wo > 0)
        writeOffs.push({
          id: `w${i}`,
          customerId: s.customer,
          number: `WO-${i}`,
          date: day(s.issue + s.reductionLag + 1),
          amount: wo,
          invoiceId: id,
          seq: seq++,
        });
    });
    standalone.forEach((s, i) =>
      creditNotes.push({
        id: `s${i}`,
        customerId: s.customer,
        number: `SCN-${i}`,
        date: day(s.date),
        amount: s.amount,
        invoiceId: null,
        seq: seq++,
      }),
    );
    const receipts: ArReceipt[] = [];
    const named = new Map<string, Id | undefined>();
    recSpecs.forEach((s, i) => {
      const own = invoices.filter((v) => v.customerId === s.customer);
      const name = s.nameIndex !== undefined && own.length ? own[s.nameIndex % own.length].id : undefined;
      const id = `r${i}`;
      receipts.push({
        id,
        customerId: s.customer,
        number: `R-${i + 1}`,
        date: day(s.date),
        amount: s.amount,
        seq: seq++,
      });
      named.set(id, name);
    });
    // Allocate per customer, receipts in entry order (the array order, not date order).
    const allocations: Allocation[] = [];
    const unapplied = new Map<string, number>();
    for (const c of [1, 2, 3]) {
      const reduced = (id: string) =>
        creditNotes.filter((x) => x.invoiceId === id).reduce((a, x) => a + x.amount, 0) +
        writeOffs.filter((x) => x.invoiceId === id).reduce((a, x) => a + x.amount, 0);
      const res = allocateReceipts(
        invoices.filter((v) => v.customerId === c).map((v) => ({ ...v, reduced: reduced(String(v.id)) })),
        receipts
          .filter((r) => r.customerId === c)
          .map((r) => ({ id: r.id, date: r.date, amount: r.amount, namedInvoiceId: named.get(String(r.id)) })),
      );
      allocations.push(...res.allocations);
      for (const u of res.unapplied) unapplied.set(String(u.receiptId), u.amount);
    }
    const customers = [1, 2, 3].map((id) => ({ id, code: `C00000${id}`, name: `客户${id}`, creditLimit: 1_000_000 }));
    return { invoices, receipts, creditNotes, writeOffs, allocations, named, unapplied, customers };
  });

const ledgerOf = (b: Book, c: number): Ledger => ({
  invoices: b.invoices.filter((x) => x.customerId === c),
  receipts: b.receipts.filter((x) => x.customerId === c),
  creditNotes: b.creditNotes.filter((x) => x.customerId === c),
  writeOffs: b.writeOffs.filter((x) => x.customerId === c),
  allocations: b.allocations,
});

/** Σ debits − Σ credits of documents dated ≤ D. */
const balanceAsOf = (l: Ledger, d: string) =>
  l.invoices.filter((x) => x.issueDate <= d).reduce((a, x) => a + x.amount, 0) -
  l.receipts.filter((x) => x.date <= d).reduce((a, x) => a + x.amount, 0) -
  (l.creditNotes ?? []).filter((x) => x.date <= d).reduce((a, x) => a + x.amount, 0) -
  (l.writeOffs ?? []).filter((x) => x.date <= d).reduce((a, x) => a + x.amount, 0);

const asOfArb = fc.integer({ min: -10, max: HORIZON + 200 }).map(day);
const RUNS = { numRuns: 300 };

describe('allocation properties', () => {
  it('allocations + unapplied = receipt amount; allocations positive; invoices never over-paid', () => {
    fc.assert(
      fc.property(bookArb, (b) => {
        for (const r of b.receipts) {
          const rows = b.allocations.filter((a) => a.receiptId === r.id);
          expect(rows.every((a) => a.amount > 0)).toBe(true);
          expect(rows.reduce((s, a) => s + a.amount, 0) + b.unapplied.get(String(r.id))!).toBe(r.amount);
        }
        for (const inv of b.invoices) {
          const paid = b.allocations.filter((a) => a.invoiceId === inv.id).reduce((s, a) => s + a.amount, 0);
          const reduced = [...b.creditNotes, ...b.writeOffs]
            .filter((x) => x.invoiceId === inv.id)
            .reduce((s, x) => s + x.amount, 0);
          expect(paid + reduced).toBeLessThanOrEqual(inv.amount);
        }
        // per customer: Σ allocations + Σ unapplied = Σ receipts
        for (const c of b.customers) {
          const recs = b.receipts.filter((r) => r.customerId === c.id);
          const ids = new Set(recs.map((r) => r.id));
          const alloc = b.allocations.filter((a) => ids.has(a.receiptId)).reduce((s, a) => s + a.amount, 0);
          const un = recs.reduce((s, r) => s + b.unapplied.get(String(r.id))!, 0);
          expect(alloc + un).toBe(recs.reduce((s, r) => s + r.amount, 0));
        }
      }),
      RUNS,
    );
  });

  it('a receipt never pays another customer or an invoice issued after it, unless it names it', () => {
    fc.assert(
      fc.property(bookArb, (b) => {
        const inv = new Map(b.invoices.map((i) => [i.id, i]));
        const rec = new Map(b.receipts.map((r) => [r.id, r]));
        for (const a of b.allocations) {
          const i = inv.get(a.invoiceId)!;
          const r = rec.get(a.receiptId)!;
          expect(i.customerId).toBe(r.customerId);
          if (i.issueDate > r.date) expect(b.named.get(String(r.id))).toBe(i.id);
          expect(a.date).toBe(i.issueDate > r.date ? i.issueDate : r.date);
        }
      }),
      RUNS,
    );
  });

  it('leaves credit unapplied only when no eligible invoice is still open', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ issue: fc.integer({ min: 0, max: 60 }), amount: fc.integer({ min: 1, max: 10_000 }) }), {
          maxLength: 10,
        }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60_000 }),
        (specs, rDay, amount) => {
          const open: OpenInvoice[] = specs.map((s, i) => ({
            id: i,
            number: `N${i}`,
            issueDate: day(s.issue),
            dueDate: day(s.issue + 30),
            open: s.amount,
          }));
          const res = applyReceipt(open, { id: 'r', date: day(rDay), amount });
          const eligibleLeft = res.invoices.filter((i) => i.issueDate <= day(rDay)).reduce((s, i) => s + i.open, 0);
          if (res.unapplied > 0) expect(eligibleLeft).toBe(0);
          // Oldest-due-first: no later-due eligible invoice is paid while an earlier-due one stays open.
          const paid = new Set(res.allocations.map((a) => a.invoiceId));
          for (const p of res.invoices.filter((i) => paid.has(i.id)))
            for (const o of res.invoices.filter((i) => i.open > 0 && i.issueDate <= day(rDay)))
              expect(o.dueDate >= p.dueDate).toBe(true);
        },
      ),
      RUNS,
    );
  });
});

describe('position and ageing properties', () => {
  it('open amounts are never negative and position total = ledger balance as of any date', () => {
    fc.assert(
      fc.property(bookArb, asOfArb, (b, asOf) => {
        for (const c of b.customers) {
          const l = ledgerOf(b, c.id);
          const p = positionAsOf(l, asOf);
          expect(p.openItems.every((i) => i.open > 0)).toBe(true);
          expect(p.unapplied).toBeLessThanOrEqual(0);
          expect(p.total).toBe(balanceAsOf(l, asOf));
          const byId = new Map(p.openItems.map((i) => [i.invoiceId, i.open]));
          for (const inv of l.invoices) {
            const o = openAmountAsOf(inv, b.allocations, l.creditNotes!, l.writeOffs!, asOf);
            expect(o).toBeGreaterThanOrEqual(0);
            expect(o).toBe(byId.get(inv.id) ?? 0);
          }
        }
      }),
      RUNS,
    );
  });

  it('bucket sums equal row totals and the totals row sums the rows', () => {
    fc.assert(
      fc.property(bookArb, asOfArb, fc.constantFrom('due' as const, 'issue' as const), (b, asOf, basis) => {
        const r = buildAgeingReport({ asOf, basis, ...b });
        let total = 0;
        let unapplied = 0;
        const cols: Record<string, number> = Object.fromEntries(r.buckets.map((x) => [x.key, 0]));
        for (const row of r.rows) {
          const sum = Object.values(row.buckets).reduce((s, v) => s + v, 0);
          expect(sum + row.unapplied).toBe(row.total);
          expect(Object.values(row.buckets).every((v) => v >= 0)).toBe(true);
          expect(sum !== 0 || row.unapplied !== 0).toBe(true);
          for (const k of Object.keys(cols)) cols[k] += row.buckets[k];
          total += row.total;
          unapplied += row.unapplied;
        }
        expect(r.totals).toEqual({ buckets: cols, unapplied, total });
        expect(total).toBe(b.customers.reduce((s, c) => s + balanceAsOf(ledgerOf(b, c.id), asOf), 0));
        const codes = r.rows.map((x) => x.customerCode);
        expect(codes).toEqual([...codes].sort());
      }),
      RUNS,
    );
  });

  it('ageing as of a date after every document equals the current position', () => {
    fc.assert(
      fc.property(bookArb, (b) => {
        const after = day(HORIZON + 400);
        for (const c of b.customers) {
          const l = ledgerOf(b, c.id);
          const a = ageCustomer(l, after);
          const current = new Map<string, number>();
          for (const inv of l.invoices) {
            const paid = b.allocations.filter((x) => x.invoiceId === inv.id).reduce((s, x) => s + x.amount, 0);
            const reduced = [...l.creditNotes!, ...l.writeOffs!]
              .filter((x) => x.invoiceId === inv.id)
              .reduce((s, x) => s + x.amount, 0);
            const open = inv.amount - paid - reduced;
            if (open > 0) current.set(String(inv.id), open);
          }
          expect(new Map(a.openItems.map((i) => [String(i.invoiceId), i.open]))).toEqual(current);
          const unappliedNow =
            l.receipts.reduce((s, r) => s + b.unapplied.get(String(r.id))!, 0) +
            l.creditNotes!.filter((x) => !x.invoiceId).reduce((s, x) => s + x.amount, 0);
          expect(a.unapplied).toBe(unappliedNow === 0 ? 0 : -unappliedNow);
        }
      }),
      RUNS,
    );
  });

  it('statement: opening + lines = closing = ageing total; running balance adds up', () => {
    fc.assert(
      fc.property(
        bookArb,
        fc.integer({ min: -10, max: HORIZON + 100 }),
        fc.integer({ min: 0, max: 200 }),
        (b, f, len) => {
          const from = day(f);
          const to = day(f + len);
          for (const c of b.customers) {
            const l = ledgerOf(b, c.id);
            const st = buildStatement({ customerCode: c.code, from, to, ...l });
            expect(st.opening).toBe(balanceAsOf(l, day(f - 1)));
            expect(st.closing).toBe(balanceAsOf(l, to));
            expect(st.ageing.total).toBe(st.closing);
            let bal = st.opening;
            for (const line of st.lines) {
              expect(line.date >= from && line.date <= to).toBe(true);
              bal += line.debit - line.credit;
              expect(line.balance).toBe(bal);
            }
            expect(bal).toBe(st.closing);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('SequentialApplier (imports): the SPEC rule receipt after receipt, without re-sorting', () => {
  it('gives exactly the allocations and unapplied amounts of applyReceipt one receipt at a time', () => {
    const invoice = fc.record({
      issue: fc.integer({ min: 0, max: 60 }),
      terms: fc.constantFrom(0, 10, 30),
      open: fc.integer({ min: 1, max: 50_000 }),
      n: fc.integer({ min: 1, max: 30 }),
    });
    const receipt = fc.record({
      date: fc.integer({ min: 0, max: 80 }),
      amount: fc.integer({ min: 1, max: 80_000 }),
      name: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(invoice, { maxLength: 30 }), fc.array(receipt, { maxLength: 25 }), (specs, receipts) => {
        // duplicate numbers and equal dates exercise every tie-break
        const invoices: OpenInvoice[] = specs.map((s, i) => ({
          id: i + 1,
          number: `INV-${s.n}`,
          issueDate: day(s.issue),
          dueDate: day(s.issue + s.terms),
          open: s.open,
        }));
        const applier = new SequentialApplier(invoices.map((i) => ({ ...i })));
        let open = invoices;
        receipts.forEach((r, k) => {
          const rec = {
            id: k,
            date: day(r.date),
            amount: r.amount,
            namedInvoiceId: r.name === undefined || !invoices.length ? null : invoices[r.name % invoices.length].id,
          };
          const expected = applyReceipt(
            open.filter((i) => i.open > 0),
            rec,
          );
          open = open.map((i) => expected.invoices.find((e) => e.id === i.id) ?? i);
          const got = applier.apply(rec);
          expect(got).toEqual({ allocations: expected.allocations, unapplied: expected.unapplied });
        });
        for (const i of open) expect(applier.byId.get(i.id)!.open).toBe(i.open);
      }),
      { numRuns: 300 },
    );
  });
});
