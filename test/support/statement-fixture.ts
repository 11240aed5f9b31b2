// A StatementData built in memory (no book): `lines` alternating invoices and receipts from
// 2025-01-01, for print tests that need a statement of a given length.
import type { StatementData } from '../../shared/types-statements';
import { capitalAmount } from '../../shared/capital-amount';

export function statementFixture(opts: { code: string; name: string; lines: number; id?: number }): StatementData {
  const lines: StatementData['lines'] = [];
  let bal = 1_000_000;
  for (let i = 0; i < opts.lines; i++) {
    const day = `2025-${String(1 + Math.floor(i / 200)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    const isInv = i % 3 !== 2;
    const amount = 10_000 + ((i * 7919) % 9_000_000);
    bal += isInv ? amount : -amount;
    lines.push({
      date: day,
      kind: isInv ? 'invoice' : 'receipt',
      number: isInv ? `FP2025${String(i).padStart(6, '0')}` : `SK${i}`,
      debit: isInv ? amount : 0,
      credit: isInv ? 0 : amount,
      balance: bal,
    });
  }
  const company = {
    name: '杭州华盛商贸有限公司',
    address: '文三路 90 号',
    taxId: '',
    phone: '',
    bankAccount: '',
    currency: 'CNY',
    logoDataUrl: null,
  };
  return {
    customerCode: opts.code,
    from: '2025-01-01',
    to: '2025-12-31',
    style: 'balance_forward',
    currency: 'CNY',
    opening: 1_000_000,
    lines,
    closing: bal,
    closingInWords: capitalAmount(bal),
    ageing: { buckets: { not_due: bal }, unapplied: 0, total: bal, keys: [{ key: 'not_due', from: null, to: 0 }] },
    openItems: [],
    credits: [],
    company,
    customer: {
      id: opts.id ?? 9,
      code: opts.code,
      name: opts.name,
      address: null,
      phone: null,
      confidentiality: 'normal',
      keyContact: null,
      paymentTermsDays: 30,
    },
    includesVoided: false,
    ms: 0,
  };
}
