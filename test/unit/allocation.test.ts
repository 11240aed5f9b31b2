import { describe, expect, it } from 'vitest';
import {
  allocateReceipts,
  allocatedFromReceipt,
  allocatedToInvoice,
  applyManually,
  applyReceipt,
  compareForApplication,
  naturalCompare,
  receiptUnapplied,
  unapplyAllocation,
  type OpenInvoice,
} from '../../main/domain/allocation';

const inv = (id: string, issueDate: string, dueDate: string, open: number, number = id): OpenInvoice => ({
  id,
  number,
  issueDate,
  dueDate,
  open,
});

describe('naturalCompare', () => {
  it('orders digit runs by value', () => {
    const list = ['INV-10', 'INV-2', 'INV-1', 'A-100', 'INV-02', 'INV-9', 'B', 'INV-2a', 'INV-99999999999999999999'];
    expect([...list].sort(naturalCompare)).toEqual([
      'A-100',
      'B',
      'INV-1',
      'INV-2',
      'INV-02',
      'INV-2a',
      'INV-9',
      'INV-10',
      'INV-99999999999999999999',
    ]);
    expect(naturalCompare('INV-2', 'INV-2')).toBe(0);
    expect(naturalCompare('INV-2', 'INV-10')).toBeLessThan(0);
  });

  it('breaks due-date ties by issue date, then number', () => {
    const a = inv('a', '2026-01-02', '2026-02-01', 1, 'INV-1');
    const b = inv('b', '2026-01-01', '2026-02-01', 1, 'INV-9');
    const c = inv('c', '2026-01-01', '2026-02-01', 1, 'INV-10');
    const d = inv('d', '2025-12-01', '2026-01-31', 1, 'INV-99');
    expect([a, b, c, d].sort(compareForApplication).map((x) => x.id)).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('applyReceipt', () => {
  const open = [
    inv('INV-10', '2026-01-05', '2026-02-04', 30_000),
    inv('INV-2', '2026-01-05', '2026-02-04', 20_000),
    inv('INV-3', '2026-01-01', '2026-03-01', 50_000),
    inv('INV-4', '2026-03-01', '2026-03-31', 40_000),
  ];

  it('pays oldest due first, ties by issue date then natural number; never a later invoice', () => {
    const r = applyReceipt(open, { id: 'R', date: '2026-02-10', amount: 120_000 });
    expect(r.allocations.map((a) => [a.invoiceId, a.amount])).toEqual([
      ['INV-2', 20_000],
      ['INV-10', 30_000],
      ['INV-3', 50_000],
    ]);
    expect(r.unapplied).toBe(20_000); // INV-4 is issued after the receipt
    expect(r.invoices.map((i) => i.open)).toEqual([0, 0, 0, 40_000]);
    expect(open[0].open).toBe(30_000); // input untouched
  });

  it('partial payment leaves the rest open', () => {
    const r = applyReceipt(open, { id: 'R', date: '2026-02-10', amount: 25_000 });
    expect(r.allocations.map((a) => [a.invoiceId, a.amount])).toEqual([
      ['INV-2', 20_000],
      ['INV-10', 5_000],
    ]);
    expect(r.unapplied).toBe(0);
  });

  it('a named invoice is paid first, even one issued after the receipt', () => {
    const r = applyReceipt(open, { id: 'R', date: '2026-02-10', amount: 45_000, namedInvoiceId: 'INV-4' });
    expect(r.allocations).toEqual([
      { receiptId: 'R', invoiceId: 'INV-4', amount: 40_000, date: '2026-03-01' }, // effective when it exists
      { receiptId: 'R', invoiceId: 'INV-2', amount: 5_000, date: '2026-02-10' },
    ]);
  });

  it('a named invoice is paid only up to its open amount; an unknown name falls back to the rule', () => {
    const r = applyReceipt(open, { id: 'R', date: '2026-03-05', amount: 60_000, namedInvoiceId: 'INV-3' });
    expect(r.allocations.map((a) => [a.invoiceId, a.amount])).toEqual([
      ['INV-3', 50_000],
      ['INV-2', 10_000],
    ]);
    const u = applyReceipt(open, { id: 'R', date: '2026-03-05', amount: 1_000, namedInvoiceId: 'nope' });
    expect(u.allocations.map((a) => [a.invoiceId, a.amount])).toEqual([['INV-2', 1_000]]);
  });

  it('a receipt on the issue date may pay that invoice', () => {
    const r = applyReceipt(open, { id: 'R', date: '2026-03-01', amount: 200_000 });
    expect(r.allocations.map((a) => a.invoiceId)).toContain('INV-4');
    expect(r.unapplied).toBe(200_000 - 140_000);
  });

  it('refuses bad amounts and dates', () => {
    expect(() => applyReceipt(open, { id: 'R', date: '2026-02-30', amount: 1 })).toThrow(RangeError);
    expect(() => applyReceipt(open, { id: 'R', date: '2026-02-01', amount: -1 })).toThrow(RangeError);
    expect(() => applyReceipt(open, { id: 'R', date: '2026-02-01', amount: 1.5 })).toThrow(RangeError);
  });
});

describe('allocateReceipts', () => {
  it('applies receipts in entry order, later receipts see what earlier ones paid', () => {
    const invoices = [
      { id: 1, number: 'A-1', issueDate: '2026-01-01', dueDate: '2026-01-31', amount: 10_000 },
      { id: 2, number: 'A-2', issueDate: '2026-01-10', dueDate: '2026-02-09', amount: 10_000, reduced: 4_000 },
    ];
    // Entered out of date order on purpose: entry order decides.
    const res = allocateReceipts(invoices, [
      { id: 'r2', date: '2026-02-01', amount: 12_000 },
      { id: 'r1', date: '2026-01-15', amount: 5_000 },
    ]);
    expect(res.allocations.map((a) => [a.receiptId, a.invoiceId, a.amount])).toEqual([
      ['r2', 1, 10_000],
      ['r2', 2, 2_000],
      ['r1', 2, 4_000],
    ]);
    expect(res.unapplied).toEqual([
      { receiptId: 'r2', amount: 0 },
      { receiptId: 'r1', amount: 1_000 },
    ]);
    expect(res.invoices.map((i) => i.open)).toEqual([0, 0]);
  });

  it('overpayment stays unapplied', () => {
    const res = allocateReceipts(
      [{ id: 1, number: 'A-1', issueDate: '2026-01-01', dueDate: '2026-01-31', amount: 10_000 }],
      [{ id: 'r', date: '2026-01-20', amount: 15_000 }],
    );
    expect(res.allocations).toEqual([{ receiptId: 'r', invoiceId: 1, amount: 10_000, date: '2026-01-20' }]);
    expect(res.unapplied).toEqual([{ receiptId: 'r', amount: 5_000 }]);
  });
});

describe('manual apply / unapply', () => {
  const invoice = inv('INV-7', '2026-03-01', '2026-03-31', 8_000);

  it('applies min(unapplied, open) by default, dated the day applied', () => {
    const a = applyManually({ id: 'R', date: '2026-02-01', unapplied: 5_000 }, invoice, '2026-04-02');
    expect(a).toEqual({ receiptId: 'R', invoiceId: 'INV-7', amount: 5_000, date: '2026-04-02' });
    const b = applyManually({ id: 'R', date: '2026-02-01', unapplied: 9_000 }, invoice, '2026-02-15', 3_000);
    expect(b).toEqual({ receiptId: 'R', invoiceId: 'INV-7', amount: 3_000, date: '2026-03-01' });
  });

  it('refuses more than min(unapplied, open), and nothing to apply', () => {
    expect(() =>
      applyManually({ id: 'R', date: '2026-02-01', unapplied: 5_000 }, invoice, '2026-04-02', 5_001),
    ).toThrow(/at most 5000/);
    expect(() => applyManually({ id: 'R', date: '2026-02-01', unapplied: 0 }, invoice, '2026-04-02')).toThrow(
      RangeError,
    );
  });

  it('unapplies with a reversing row and keeps history', () => {
    const rows = [
      { receiptId: 'R', invoiceId: 'INV-7', amount: 5_000, date: '2026-04-02' },
      { receiptId: 'R', invoiceId: 'INV-8', amount: 1_000, date: '2026-04-02' },
    ];
    const rev = unapplyAllocation(rows, 'R', 'INV-7', '2026-05-01', 2_000);
    expect(rev).toEqual({ receiptId: 'R', invoiceId: 'INV-7', amount: -2_000, date: '2026-05-01' });
    const all = [...rows, rev];
    expect(allocatedToInvoice('INV-7', all)).toBe(3_000);
    expect(allocatedToInvoice('INV-7', all, '2026-04-30')).toBe(5_000);
    expect(allocatedFromReceipt('R', all)).toBe(4_000);
    expect(receiptUnapplied({ id: 'R', amount: 10_000 }, all)).toBe(6_000);
    expect(unapplyAllocation(all, 'R', 'INV-7', '2026-03-01')).toEqual({
      receiptId: 'R',
      invoiceId: 'INV-7',
      amount: -3_000,
      date: '2026-05-01',
    });
    expect(() => unapplyAllocation(all, 'R', 'INV-7', '2026-05-02', 3_001)).toThrow(RangeError);
    expect(() => unapplyAllocation(all, 'R', 'INV-9', '2026-05-02')).toThrow(RangeError);
  });
});
