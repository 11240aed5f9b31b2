// The customer's cash-discount terms on a printed statement (SPEC §4 credit policy: "2/10 n/30"),
// one row of the statement's meta table, spelled out so the customer reads what it means.
import { formatDiscountTerms } from '../../shared/credit-labels';
import { formatBp } from '../../shared/money';
import type { PrintLang, StatementData } from '../../shared/types-statements';
import { esc } from './html';

const T = {
  'zh-CN': {
    label: '现金折扣',
    spelled: (pct: string, d: number, n: number) => `${d}天内付款享${pct}%折扣，${n}天内付清`,
  },
  en: {
    label: 'Cash discount',
    spelled: (pct: string, d: number, n: number) => `${pct}% off if paid within ${d} days, net ${n} days`,
  },
} as const;

/** The meta-table row, or '' when the customer has no cash-discount terms. */
export function cashDiscountRow(d: StatementData, lang: PrintLang): string {
  const t = d.customer.cashDiscount;
  if (!t) return '';
  const pct = formatBp(t.discountBp, 2).replace(/\.?0+$/, '');
  const text = `${formatDiscountTerms(t)}${lang === 'zh-CN' ? '（' : ' ('}${T[lang].spelled(pct, t.discountDays, t.netDays)}${lang === 'zh-CN' ? '）' : ')'}`;
  return `<tr class="cash-discount"><th>${T[lang].label}</th><td>${esc(text)}</td></tr>`;
}
