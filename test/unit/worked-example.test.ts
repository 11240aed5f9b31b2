// SPEC §2 worked example, reproduced to the fen.
import { describe, expect, it } from 'vitest';
import { ageCustomer, buildAgeingReport } from '../../main/domain/ageing';
import { buildStatement } from '../../main/domain/statement';
import { C1, INV_1, INV_2, INV_3, R_1, R_2, R_3, workedExample } from './fixtures';

describe('SPEC worked example (customer C1)', () => {
  const ledger = workedExample();

  it('applies the receipts as the SPEC table says', () => {
    expect(ledger.allocations.map((a) => [a.receiptId, a.invoiceId, a.amount, a.date])).toEqual([
      [R_1.id, INV_1.id, 100_000, '2026-02-20'],
      [R_1.id, INV_2.id, 20_000, '2026-02-20'],
      [R_2.id, INV_3.id, 50_000, '2026-04-05'],
      [R_3.id, INV_2.id, 230_000, '2026-06-10'],
      [R_3.id, INV_3.id, 30_000, '2026-06-10'],
    ]);
    expect(ledger.unapplied).toEqual([
      { receiptId: R_1.id, amount: 0 },
      { receiptId: R_2.id, amount: 0 },
      { receiptId: R_3.id, amount: 40_000 },
    ]);
  });

  it('ages by due date as of 2026-03-31', () => {
    const a = ageCustomer(ledger, '2026-03-31');
    expect(a.buckets).toEqual({
      not_due: 0,
      '1-30': 230_000,
      '31-60': 0,
      '61-90': 0,
      '91-180': 0,
      '181-365': 0,
      over_365: 0,
    });
    expect(a.openItems).toHaveLength(1);
    expect(a.openItems[0]).toMatchObject({ number: 'INV-2', open: 230_000, daysPastDue: 14 });
    expect(a.unapplied).toBe(0);
    expect(a.total).toBe(230_000);
  });

  it('ages by due date as of 2026-05-31', () => {
    const a = ageCustomer(ledger, '2026-05-31');
    expect(a.buckets['1-30']).toBe(30_000);
    expect(a.buckets['61-90']).toBe(230_000);
    expect(a.openItems.map((i) => [i.number, i.open, i.daysPastDue])).toEqual([
      ['INV-2', 230_000, 75],
      ['INV-3', 30_000, 30],
    ]);
    expect(a.total).toBe(260_000);
  });

  it('shows only the unapplied credit as of 2026-06-30', () => {
    const report = buildAgeingReport({ asOf: '2026-06-30', customers: [C1], ...ledger });
    expect(report).toEqual({
      asOf: '2026-06-30',
      basis: 'due',
      currency: 'CNY',
      buckets: [
        { key: 'not_due', from: null, to: 0 },
        { key: '1-30', from: 1, to: 30 },
        { key: '31-60', from: 31, to: 60 },
        { key: '61-90', from: 61, to: 90 },
        { key: '91-180', from: 91, to: 180 },
        { key: '181-365', from: 181, to: 365 },
        { key: 'over_365', from: 366, to: null },
      ],
      rows: [
        {
          customerCode: 'C1',
          customerName: '客户一',
          buckets: { not_due: 0, '1-30': 0, '31-60': 0, '61-90': 0, '91-180': 0, '181-365': 0, over_365: 0 },
          unapplied: -40_000,
          total: -40_000,
          creditLimit: 500_000,
        },
      ],
      totals: {
        buckets: { not_due: 0, '1-30': 0, '31-60': 0, '61-90': 0, '91-180': 0, '181-365': 0, over_365: 0 },
        unapplied: -40_000,
        total: -40_000,
      },
    });
  });

  it('prints the statement 2026-02-01 … 2026-04-30', () => {
    const st = buildStatement({ customerCode: 'C1', from: '2026-02-01', to: '2026-04-30', ...ledger });
    expect(st.opening).toBe(100_000);
    expect(st.lines).toEqual([
      { date: '2026-02-15', kind: 'invoice', number: 'INV-2', debit: 250_000, credit: 0, balance: 350_000 },
      { date: '2026-02-20', kind: 'receipt', number: 'R-1', debit: 0, credit: 120_000, balance: 230_000 },
      { date: '2026-04-01', kind: 'invoice', number: 'INV-3', debit: 80_000, credit: 0, balance: 310_000 },
      { date: '2026-04-05', kind: 'receipt', number: 'R-2', debit: 0, credit: 50_000, balance: 260_000 },
    ]);
    expect(st.closing).toBe(260_000);
    expect(st.closingInWords).toBe('贰仟陆佰元整');
    // As of 04-30: INV-2 (due 03-17) is 44 days past due, INV-3 (due 05-01) not yet due.
    expect(st.ageing).toEqual({
      buckets: { not_due: 30_000, '1-30': 0, '31-60': 230_000, '61-90': 0, '91-180': 0, '181-365': 0, over_365: 0 },
      unapplied: 0,
      total: 260_000,
    });
    expect(st.openItems.map((i) => [i.number, i.open])).toEqual([
      ['INV-2', 230_000],
      ['INV-3', 30_000],
    ]);
  });
});
