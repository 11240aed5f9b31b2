// Why the credit check blocks or warns, as one line in the user's language: the invoice form's
// "credit check blocks this invoice: …" error carries it in both languages (the domain's
// `message` is English-only and stays for the log).
import { formatBp, formatMoney, mulDivRound } from '../money';
import type { MessageLang } from './server-messages';

export interface CreditReasonLike {
  code: string;
  message: string;
}
export interface CreditFigures {
  projected: number;
  limit: number | null;
  oldestOverdueDays: number;
}

const TEXT: Record<MessageLang, Record<string, (v: Record<string, string>) => string>> = {
  'zh-CN': {
    over_limit: (v) => `保存后占用 ${v.projected}，超出信用额度 ${v.limit}（超出 ${v.over}）`,
    near_limit: (v) => `保存后占用 ${v.projected}，已达信用额度 ${v.limit} 的 ${v.pct}`,
    on_hold: () => '该客户处于停止供货（信用冻结）状态',
    overdue: (v) => `最早一张发票已逾期 ${v.days} 天`,
    no_limit: () => '该客户没有核定的信用额度',
    max_days_owed: () => '最早未结发票已超过最大欠款天数',
    overdue_amount: () => '逾期金额超过上限',
  },
  en: {
    over_limit: (v) => `exposure ${v.projected} would exceed the credit limit ${v.limit} by ${v.over}`,
    near_limit: (v) => `exposure ${v.projected} uses ${v.pct} of the credit limit ${v.limit}`,
    on_hold: () => 'the customer is on credit hold',
    overdue: (v) => `an invoice is ${v.days} days overdue`,
    no_limit: () => 'no approved credit limit',
    max_days_owed: () => 'the oldest open invoice is older than the maximum days owed',
    overdue_amount: () => 'the overdue amount is above the threshold',
  },
};

export function creditReasonsText(lang: MessageLang, reasons: CreditReasonLike[], c: CreditFigures): string {
  const v = {
    projected: formatMoney(c.projected),
    limit: c.limit === null ? '—' : formatMoney(c.limit),
    over: c.limit === null ? '—' : formatMoney(c.projected - c.limit),
    pct: c.limit ? `${formatBp(mulDivRound(c.projected, 10_000, c.limit), 1)}%` : '—',
    days: String(c.oldestOverdueDays),
  };
  return reasons.map((r) => TEXT[lang][r.code]?.(v) ?? r.message).join(lang === 'en' ? '; ' : '；');
}
