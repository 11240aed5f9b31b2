import { describe, expect, it } from 'vitest';
import {
  ageCustomer,
  bucketFor,
  buildAgeingReport,
  DEFAULT_DUE_BUCKETS,
  DEFAULT_ISSUE_BUCKETS,
  oldestOverdueDays,
  openAmountAsOf,
  positionAsOf,
  validateBucketSet,
  type ArInvoice,
  type ArReceipt,
  type Ledger,
} from '../../main/domain/ageing';
import { allocateReceipts } from '../../main/domain/allocation';
import { INV_2, workedExample } from './fixtures';

const invoice = (id: number, issueDate: string, dueDate: string, amount: number, customerId = 1): ArInvoice => ({
  id,
  customerId,
  number: `INV-${id}`,
  issueDate,
  dueDate,
  amount,
});

describe('bucket sets', () => {
  it('default buckets: both ends inclusive', () => {
    const cases: [number, string][] = [
      [-400, 'not_due'],
      [0, 'not_due'],
      [1, '1-30'],
      [30, '1-30'],
      [31, '31-60'],
      [60, '31-60'],
      [61, '61-90'],
      [90, '61-90'],
      [91, '91-180'],
      [180, '91-180'],
      [181, '181-365'],
      [365, '181-365'],
      [366, 'over_365'],
      [100_000, 'over_365'],
    ];
    for (const [days, key] of cases) expect(bucketFor(days, DEFAULT_DUE_BUCKETS)).toBe(key);
    expect(bucketFor(365, DEFAULT_ISSUE_BUCKETS)).toBe('y0-1');
    expect(bucketFor(366, DEFAULT_ISSUE_BUCKETS)).toBe('y1-2');
    expect(bucketFor(1825, DEFAULT_ISSUE_BUCKETS)).toBe('y4-5');
    expect(bucketFor(1826, DEFAULT_ISSUE_BUCKETS)).toBe('over_5y');
  });

  it('the defaults validate', () => {
    expect(validateBucketSet(DEFAULT_DUE_BUCKETS)).toEqual([]);
    expect(validateBucketSet(DEFAULT_ISSUE_BUCKETS)).toEqual([]);
    expect(validateBucketSet([{ key: 'all', from: null, to: null }])).toEqual([]);
  });

  it('finds gaps, overlaps, open ends and duplicate keys', () => {
    expect(validateBucketSet([])).toEqual(['a bucket set needs at least one bucket']);
    expect(
      validateBucketSet([
        { key: 'a', from: null, to: 10 },
        { key: 'b', from: 12, to: null },
      ]),
    ).toEqual(['bucket 2 (b): gap after the previous bucket (days 11–11 are in no bucket)']);
    expect(
      validateBucketSet([
        { key: 'a', from: null, to: 10 },
        { key: 'b', from: 10, to: null },
      ]),
    ).toEqual(['bucket 2 (b): overlaps the previous bucket (starts at 10, previous ends at 10)']);
    expect(
      validateBucketSet([
        { key: 'a', from: 0, to: 10 },
        { key: 'b', from: 11, to: 20 },
      ]),
    ).toEqual([
      'bucket 1 (a): the first bucket must start unbounded (from null)',
      'bucket 2 (b): the last bucket must end unbounded (to null)',
    ]);
    expect(
      validateBucketSet([
        { key: 'a', from: null, to: 10 },
        { key: 'a', from: 11, to: 5 },
        { key: '', from: 6, to: null },
      ]),
    ).toEqual(['bucket 2 (a): key is used twice', 'bucket 2 (a): from is after to', 'bucket 3: key is empty']);
    expect(
      validateBucketSet([
        { key: 'a', from: null, to: 1.5 },
        { key: 'b', from: 2.5, to: null },
      ]),
    ).toContain('bucket 1 (a): to must be a whole number of days');
  });

  it('rejects an invalid set when ageing', () => {
    expect(() =>
      ageCustomer({ invoices: [], receipts: [], allocations: [] }, '2026-01-01', 'due', [
        { key: 'x', from: 0, to: null },
      ]),
    ).toThrow(/first bucket/);
  });
});

describe('hand-worked ageing', () => {
  it('an invoice due exactly 30 and one due 31 days before as-of', () => {
    const ledger: Ledger = {
      invoices: [invoice(1, '2026-02-01', '2026-03-01', 10_000), invoice(2, '2026-01-29', '2026-02-28', 20_000)],
      receipts: [],
      allocations: [],
    };
    const a = ageCustomer(ledger, '2026-03-31');
    expect(a.openItems.map((i) => [i.invoiceId, i.daysPastDue])).toEqual([
      [2, 31],
      [1, 30],
    ]);
    expect(a.buckets).toEqual({
      not_due: 0,
      '1-30': 10_000,
      '31-60': 20_000,
      '61-90': 0,
      '91-180': 0,
      '181-365': 0,
      over_365: 0,
    });
    expect(a.total).toBe(30_000);
  });

  it('an invoice due today is not due; due yesterday is 1 day', () => {
    const ledger: Ledger = {
      invoices: [invoice(1, '2026-03-01', '2026-03-31', 10_000), invoice(2, '2026-03-01', '2026-03-30', 5_000)],
      receipts: [],
      allocations: [],
    };
    expect(ageCustomer(ledger, '2026-03-31').buckets).toMatchObject({ not_due: 10_000, '1-30': 5_000 });
  });

  it('partial payment and payment before due', () => {
    const invoices = [invoice(1, '2026-01-01', '2026-01-31', 100_000), invoice(2, '2026-01-20', '2026-02-19', 50_000)];
    const receipts: ArReceipt[] = [
      { id: 'r1', customerId: 1, date: '2026-01-25', amount: 30_000 }, // before INV-1 is due
      { id: 'r2', customerId: 1, date: '2026-02-10', amount: 90_000 },
    ];
    const { allocations } = allocateReceipts(invoices, receipts);
    const ledger = { invoices, receipts, allocations };
    expect(ageCustomer(ledger, '2026-01-26')).toMatchObject({ buckets: { not_due: 120_000 }, total: 120_000 });
    const feb5 = ageCustomer(ledger, '2026-02-05');
    expect(feb5.buckets).toMatchObject({ not_due: 50_000, '1-30': 70_000 });
    const feb15 = ageCustomer(ledger, '2026-02-15');
    expect(feb15.openItems.map((i) => [i.invoiceId, i.open])).toEqual([[2, 30_000]]);
    expect(feb15.total).toBe(30_000);
  });

  it('overpayment leaves an unapplied credit netted into the total', () => {
    const invoices = [invoice(1, '2026-01-01', '2026-01-31', 100_000)];
    const receipts: ArReceipt[] = [{ id: 'r1', customerId: 1, date: '2026-02-01', amount: 125_000 }];
    const { allocations } = allocateReceipts(invoices, receipts);
    const a = ageCustomer({ invoices, receipts, allocations }, '2026-02-01');
    expect(a).toMatchObject({ unapplied: -25_000, total: -25_000, openItems: [] });
    expect(Object.values(a.buckets).every((v) => v === 0)).toBe(true);
  });

  it('documents dated after as-of do not exist', () => {
    const invoices = [invoice(1, '2026-01-01', '2026-01-31', 100_000), invoice(2, '2026-04-01', '2026-05-01', 70_000)];
    const receipts: ArReceipt[] = [{ id: 'r1', customerId: 1, date: '2026-03-15', amount: 40_000 }];
    const { allocations } = allocateReceipts(invoices, receipts);
    const ledger = { invoices, receipts, allocations };
    expect(ageCustomer(ledger, '2026-03-01')).toMatchObject({ buckets: { '1-30': 100_000 }, total: 100_000 });
    expect(ageCustomer(ledger, '2026-03-20')).toMatchObject({ buckets: { '31-60': 60_000 }, total: 60_000 });
  });

  it('a receipt naming a later invoice is unapplied until that invoice exists', () => {
    const invoices = [invoice(1, '2026-04-01', '2026-05-01', 70_000)];
    const receipts: ArReceipt[] = [{ id: 'r1', customerId: 1, date: '2026-03-15', amount: 20_000 }];
    const { allocations } = allocateReceipts(invoices, [{ ...receipts[0], namedInvoiceId: 1 }]);
    const ledger = { invoices, receipts, allocations };
    expect(positionAsOf(ledger, '2026-03-31')).toMatchObject({ open: 0, unapplied: -20_000, total: -20_000 });
    expect(positionAsOf(ledger, '2026-04-01')).toMatchObject({ open: 50_000, unapplied: 0, total: 50_000 });
  });

  it('credit notes and write-offs reduce invoices from their date; a standalone note is a credit', () => {
    const invoices = [invoice(1, '2026-01-01', '2026-01-31', 100_000)];
    const ledger: Ledger = {
      invoices,
      receipts: [],
      allocations: [],
      creditNotes: [
        { id: 'cn1', customerId: 1, number: 'CN-1', date: '2026-02-01', amount: 10_000, invoiceId: 1 },
        { id: 'cn2', customerId: 1, number: 'CN-2', date: '2026-02-05', amount: 3_000 },
      ],
      writeOffs: [{ id: 'w1', customerId: 1, date: '2026-03-01', amount: 90_000, invoiceId: 1 }],
    };
    expect(positionAsOf(ledger, '2026-01-31')).toMatchObject({ open: 100_000, unapplied: 0, total: 100_000 });
    expect(positionAsOf(ledger, '2026-02-01')).toMatchObject({ open: 90_000, unapplied: 0 });
    expect(positionAsOf(ledger, '2026-02-05')).toMatchObject({ open: 90_000, unapplied: -3_000, total: 87_000 });
    expect(positionAsOf(ledger, '2026-03-01')).toMatchObject({ open: 0, unapplied: -3_000, total: -3_000 });
    expect(openAmountAsOf(invoices[0], [], ledger.creditNotes!, ledger.writeOffs!, '2026-02-10')).toBe(90_000);
  });

  it('over-crediting an invoice turns the excess into the customer credit', () => {
    const ledger: Ledger = {
      invoices: [invoice(1, '2026-01-01', '2026-01-31', 10_000)],
      receipts: [],
      allocations: [],
      creditNotes: [{ id: 'cn', customerId: 1, number: 'CN', date: '2026-01-05', amount: 12_000, invoiceId: 1 }],
    };
    expect(positionAsOf(ledger, '2026-01-10')).toMatchObject({ open: 0, unapplied: -2_000, total: -2_000 });
  });

  it('openAmountAsOf follows the worked example', () => {
    const ex = workedExample();
    expect(openAmountAsOf(INV_2, ex.allocations, [], [], '2026-02-14')).toBe(0); // not issued yet
    expect(openAmountAsOf(INV_2, ex.allocations, [], [], '2026-02-19')).toBe(250_000);
    expect(openAmountAsOf(INV_2, ex.allocations, [], [], '2026-02-20')).toBe(230_000);
    expect(openAmountAsOf(INV_2, ex.allocations, [], [], '2026-06-10')).toBe(0);
  });

  it('issue-date basis ages by days since issue', () => {
    const ledger: Ledger = {
      invoices: [invoice(1, '2024-06-01', '2024-07-01', 10_000), invoice(2, '2025-06-01', '2025-07-01', 20_000)],
      receipts: [],
      allocations: [],
    };
    const a = ageCustomer(ledger, '2026-01-01', 'issue');
    expect(a.buckets).toEqual({ 'y0-1': 20_000, 'y1-2': 10_000, 'y2-3': 0, 'y3-4': 0, 'y4-5': 0, over_5y: 0 });
    expect(a.openItems[0].daysSinceIssue).toBe(579);
    expect(oldestOverdueDays(a.openItems)).toBe(549);
    // Exactly two calendar years with a leap day is 731 days: the 365-day year puts it in y2-3.
    expect(
      ageCustomer({ ...ledger, invoices: [invoice(1, '2024-01-01', '2024-01-31', 1)] }, '2026-01-01', 'issue').buckets[
        'y2-3'
      ],
    ).toBe(1);
  });
});

describe('buildAgeingReport', () => {
  const customers = [
    { id: 2, code: 'C000002', name: '乙', creditLimit: 100_000 },
    { id: 1, code: 'C000001', name: '甲' },
    { id: 3, code: 'C000003', name: '丙（无余额）', creditLimit: 0 },
    { id: 4, code: 'C000004', name: '丁（冲平）' },
  ];
  const invoices = [
    invoice(1, '2026-01-01', '2026-01-31', 50_000, 1),
    invoice(2, '2026-03-01', '2026-03-31', 20_000, 1),
    invoice(3, '2025-01-01', '2025-01-31', 12_345, 2),
    invoice(4, '2026-01-01', '2026-01-31', 10_000, 3),
    invoice(5, '2026-01-01', '2026-01-31', 10_000, 4),
  ];
  const receipts: ArReceipt[] = [
    { id: 'a', customerId: 3, date: '2026-02-01', amount: 10_000 },
    { id: 'b', customerId: 4, date: '2026-02-01', amount: 10_000 },
  ];
  // Customer 4's receipt is left unapplied by hand: open 10_000 and credit −10_000.
  const allocations = [{ receiptId: 'a', invoiceId: 4, amount: 10_000, date: '2026-02-01' }];

  it('sorts rows by code, leaves zero positions out, and totals the columns', () => {
    const r = buildAgeingReport({ asOf: '2026-03-31', customers, invoices, receipts, allocations });
    expect(r.rows.map((x) => x.customerCode)).toEqual(['C000001', 'C000002', 'C000004']);
    expect(r.rows[0]).toEqual({
      customerCode: 'C000001',
      customerName: '甲',
      buckets: { not_due: 20_000, '1-30': 0, '31-60': 50_000, '61-90': 0, '91-180': 0, '181-365': 0, over_365: 0 },
      unapplied: 0,
      total: 70_000,
      creditLimit: null,
    });
    expect(r.rows[1].buckets.over_365).toBe(12_345);
    expect(r.rows[2]).toMatchObject({ unapplied: -10_000, total: 0 });
    expect(r.totals).toEqual({
      buckets: { not_due: 20_000, '1-30': 0, '31-60': 60_000, '61-90': 0, '91-180': 0, '181-365': 0, over_365: 12_345 },
      unapplied: -10_000,
      total: 82_345,
    });
  });

  it('supports the issue basis and custom buckets', () => {
    const set = [
      { key: 'new', from: null, to: 90 },
      { key: 'old', from: 91, to: null },
    ];
    const r = buildAgeingReport({
      asOf: '2026-03-31',
      basis: 'issue',
      bucketSet: set,
      currency: 'USD',
      customers,
      invoices,
      receipts,
      allocations,
    });
    expect(r.basis).toBe('issue');
    expect(r.currency).toBe('USD');
    expect(r.buckets).toEqual(set);
    expect(r.totals.buckets).toEqual({ new: 80_000, old: 12_345 });
  });
});
