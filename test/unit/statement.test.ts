import { describe, expect, it } from 'vitest';
import { buildStatement } from '../../main/domain/statement';
import type { Ledger } from '../../main/domain/ageing';
import { workedExample } from './fixtures';

describe('buildStatement', () => {
  const ledger: Ledger = {
    invoices: [
      {
        id: 1,
        customerId: 1,
        number: 'INV-1',
        issueDate: '2026-03-01',
        dueDate: '2026-03-31',
        amount: 100_000,
        seq: 10,
      },
      {
        id: 2,
        customerId: 1,
        number: 'INV-2',
        issueDate: '2026-03-05',
        dueDate: '2026-04-04',
        amount: 20_000,
        seq: 12,
      },
      { id: 3, customerId: 1, number: 'INV-3', issueDate: '2026-05-01', dueDate: '2026-05-31', amount: 7_000, seq: 20 },
    ],
    receipts: [{ id: 9, customerId: 1, number: 'R-9', date: '2026-03-05', amount: 50_000, seq: 11 }],
    allocations: [{ receiptId: 9, invoiceId: 1, amount: 50_000, date: '2026-03-05' }],
    creditNotes: [{ id: 'c', customerId: 1, number: 'CN-1', date: '2026-03-10', amount: 1_050, invoiceId: 2, seq: 13 }],
    writeOffs: [{ id: 'w', customerId: 1, date: '2026-04-15', amount: 3_000, invoiceId: 2, seq: 14 }],
  };

  it('lists every kind of document with debit/credit and running balance; same day by entry order', () => {
    const st = buildStatement({ customerCode: 'C9', from: '2026-03-01', to: '2026-04-30', ...ledger });
    expect(st.opening).toBe(0);
    expect(st.lines).toEqual([
      { date: '2026-03-01', kind: 'invoice', number: 'INV-1', debit: 100_000, credit: 0, balance: 100_000 },
      { date: '2026-03-05', kind: 'receipt', number: 'R-9', debit: 0, credit: 50_000, balance: 50_000 },
      { date: '2026-03-05', kind: 'invoice', number: 'INV-2', debit: 20_000, credit: 0, balance: 70_000 },
      { date: '2026-03-10', kind: 'credit_note', number: 'CN-1', debit: 0, credit: 1_050, balance: 68_950 },
      { date: '2026-04-15', kind: 'write_off', number: 'w', debit: 0, credit: 3_000, balance: 65_950 },
    ]);
    expect(st.closing).toBe(65_950);
    expect(st.closingInWords).toBe('陆佰伍拾玖元伍角整');
    expect(st.ageing.total).toBe(st.closing);
    expect(st.ageing.buckets).toMatchObject({ not_due: 0, '1-30': 65_950, '31-60': 0 }); // 30 and 26 days past due
    expect(st.openItems.map((i) => [i.number, i.open])).toEqual([
      ['INV-1', 50_000],
      ['INV-2', 15_950],
    ]);
  });

  it('without seq, same-day invoices come before receipts', () => {
    const strip = <T extends { seq?: number }>(xs: readonly T[]): T[] => xs.map(({ seq: _seq, ...rest }) => rest as T);
    const st = buildStatement({
      customerCode: 'C9',
      from: '2026-03-05',
      to: '2026-03-05',
      ...ledger,
      invoices: strip(ledger.invoices),
      receipts: strip(ledger.receipts),
    });
    expect(st.opening).toBe(100_000);
    expect(st.lines.map((l) => [l.kind, l.balance])).toEqual([
      ['invoice', 120_000],
      ['receipt', 70_000],
    ]);
  });

  it('an empty period carries the opening to the closing; negative closing in words', () => {
    const ex = workedExample();
    const st = buildStatement({ customerCode: 'C1', from: '2026-06-20', to: '2026-06-30', ...ex });
    expect(st.opening).toBe(-40_000);
    expect(st.lines).toEqual([]);
    expect(st.closing).toBe(-40_000);
    expect(st.closingInWords).toBe('负肆佰元整');
    expect(st.ageing).toMatchObject({ unapplied: -40_000, total: -40_000 });
    expect(st.openItems).toEqual([]);
  });

  it('a one-day period and the whole history agree with the ledger', () => {
    const ex = workedExample();
    const all = buildStatement({ customerCode: 'C1', from: '2026-01-01', to: '2026-12-31', ...ex });
    expect(all.opening).toBe(0);
    expect(all.lines).toHaveLength(6);
    expect(all.closing).toBe(100_000 + 250_000 + 80_000 - 120_000 - 50_000 - 300_000);
    const day = buildStatement({ customerCode: 'C1', from: '2026-06-10', to: '2026-06-10', ...ex });
    expect(day.opening).toBe(260_000);
    expect(day.lines).toEqual([
      { date: '2026-06-10', kind: 'receipt', number: 'R-3', debit: 0, credit: 300_000, balance: -40_000 },
    ]);
  });

  it('refuses a reversed period', () => {
    expect(() =>
      buildStatement({ customerCode: 'C1', from: '2026-05-01', to: '2026-04-30', ...workedExample() }),
    ).toThrow(RangeError);
  });
});
