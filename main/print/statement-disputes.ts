// The disputes on a printed statement: a 争议 mark beside each disputed invoice (lines and open
// items) and a short list of the open complaints and disagreeing slips under the open items.
import { formatMoney } from '../../shared/money';
import type { PrintLang, StatementData } from '../../shared/types-statements';
import { esc } from './html';

const T = {
  'zh-CN': {
    mark: '争议',
    title: '争议事项（处理期间暂停催收）',
    complaint: '客户投诉',
    slip: '对账回执不符',
    received: '受理日期',
    invoices: '涉及发票',
    difference: '差额',
    period: '对账截至',
  },
  en: {
    mark: 'disputed',
    title: 'Items in dispute (collection paused meanwhile)',
    complaint: 'Complaint',
    slip: 'Statement slip disagrees',
    received: 'Received',
    invoices: 'Invoices',
    difference: 'difference',
    period: 'statement to',
  },
} as const;

export function disputedMark(lang: PrintLang): string {
  return ` <span class="flag disputed">(${T[lang].mark})</span>`;
}

export function disputesSection(d: StatementData, lang: PrintLang): string {
  if (!d.disputes?.length) return '';
  const t = T[lang];
  const sep = lang === 'zh-CN' ? '：' : ': ';
  const items = d.disputes.map((x) =>
    x.source === 'complaint'
      ? `<li>${t.complaint} ${esc(x.ref)}（${t.received}${sep}${esc(x.receivedOn)}）${x.invoices.length ? `${t.invoices}${sep}${x.invoices.map(esc).join('、')}` : ''}</li>`
      : `<li>${t.slip}（${t.period} ${esc(x.ref)}，${t.received}${sep}${esc(x.receivedOn)}）${x.statedDifference !== null ? `${t.difference} ${esc(formatMoney(x.statedDifference))}` : ''}${x.note ? ` ${esc(x.note)}` : ''}</li>`,
  );
  return `<section class="disputes"><h2>${t.title}</h2><ul>${items.join('')}</ul></section>`;
}
