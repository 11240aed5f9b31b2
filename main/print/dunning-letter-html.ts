// The dunning letter (催款函) as a print-ready A4 section: company header, title by ladder step,
// customer block, the letter text of the step's template, the overdue amount in figures and in
// Chinese capitals (大写), the table of overdue invoices, and the company's signature block.
import type { CompanySettings } from '../../shared/types';
import type { PrintLang } from '../../shared/types-statements';
import { capitalAmount } from '../../shared/capital-amount';
import { formatMoney } from '../../shared/money';
import { amt, companyHeader, esc } from './html';

export interface LetterInvoice {
  number: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  open: number;
  daysOverdue: number;
}

export interface DunningLetterData {
  company: CompanySettings;
  asOf: string;
  level: number;
  levelName: string;
  template: string;
  customer: { code: string; name: string; address: string | null };
  contact: { name: string; phone: string | null } | null;
  daysOverdue: number;
  overdue: number;
  invoices: LetterInvoice[];
}

const TEXT: Record<PrintLang, Record<string, (d: DunningLetterData) => string>> = {
  'zh-CN': {
    friendly: (d) =>
      `贵公司截至 ${d.asOf} 尚有下列款项已超过约定付款期限，可能是一时疏忽。烦请核对后尽快安排付款；如已付款，请忽略本函并告知我们付款日期。`,
    firm: (d) =>
      `经核对，贵公司截至 ${d.asOf} 逾期未付款项合计如下，最长已逾期 ${d.daysOverdue} 天。请于收到本函后七日内付清，或与我方联系确定付款计划。`,
    stop_supply: (d) =>
      `贵公司逾期款项最长已达 ${d.daysOverdue} 天。根据合同约定及不安抗辩权，我方将暂停向贵公司供货，直至下列款项结清。请尽快安排付款。`,
    final: (d) =>
      `这是我方就下列逾期款项（最长逾期 ${d.daysOverdue} 天）发出的最后通知。请于七日内付清，否则我方将不再另行通知，直接采取进一步措施。`,
    legal: (d) =>
      `贵公司逾期款项最长已达 ${d.daysOverdue} 天，经多次催收仍未付清。如七日内仍不付款，我方将委托律师通过法律途径追讨，由此产生的费用由贵公司承担。`,
  },
  en: {
    friendly: (d) =>
      `As of ${d.asOf} the amounts below are past their agreed payment date; this may be an oversight. Please check and arrange payment soon; if you have paid, please tell us the date.`,
    firm: (d) =>
      `As of ${d.asOf} the amounts below are overdue, the oldest by ${d.daysOverdue} days. Please pay within seven days of this letter or contact us to agree a payment plan.`,
    stop_supply: (d) =>
      `Your overdue amounts are up to ${d.daysOverdue} days late. Under the contract we suspend supply until the amounts below are settled.`,
    final: (d) =>
      `This is our final notice about the overdue amounts below (up to ${d.daysOverdue} days late). Please pay within seven days; we will take further steps without another notice.`,
    legal: (d) =>
      `Your overdue amounts are up to ${d.daysOverdue} days late despite several reminders. Unless paid within seven days we will instruct our lawyers, at your cost.`,
  },
};

const L = {
  'zh-CN': {
    title: '催款函',
    to: '致',
    code: '客户编码',
    attn: '联系人',
    total: '逾期金额合计',
    words: '大写',
    number: '发票号',
    issue: '开票日期',
    due: '到期日',
    days: '逾期天数',
    amount: '发票金额',
    open: '未付金额',
    sign: '（公章）',
    date: '日期',
    level: '级别',
  },
  en: {
    title: 'Payment reminder',
    to: 'To',
    code: 'Customer code',
    attn: 'Attn.',
    total: 'Total overdue',
    words: 'In words',
    number: 'Invoice',
    issue: 'Issued',
    due: 'Due',
    days: 'Days overdue',
    amount: 'Amount',
    open: 'Open',
    sign: '(company seal)',
    date: 'Date',
    level: 'Level',
  },
};

export function dunningLetterTitle(d: Pick<DunningLetterData, 'customer' | 'asOf'>, lang: PrintLang): string {
  return `${L[lang].title} ${d.customer.code} ${d.asOf}`;
}

export function dunningLetterSection(d: DunningLetterData, lang: PrintLang = 'zh-CN'): string {
  const l = L[lang];
  const text = (TEXT[lang][d.template] ?? TEXT[lang].firm)(d);
  const rows = d.invoices
    .map(
      (i) =>
        `<tr><td class="code">${esc(i.number)}</td><td class="date">${esc(i.issueDate)}</td><td class="date">${esc(i.dueDate)}</td><td class="num">${i.daysOverdue}</td><td class="num">${amt(i.amount)}</td><td class="num">${amt(i.open)}</td></tr>`,
    )
    .join('');
  return `<div class="doc letter" data-customer="${esc(d.customer.code)}">
${companyHeader(d.company, lang)}
<h1>${esc(l.title)}<small>${esc(l.level)} ${d.level} · ${esc(d.levelName)}</small></h1>
<table class="kv"><tr><th>${l.to}</th><td><b>${esc(d.customer.name)}</b></td></tr>
<tr><th>${l.code}</th><td>${esc(d.customer.code)}</td></tr>
${d.customer.address ? `<tr><th></th><td>${esc(d.customer.address)}</td></tr>` : ''}
${d.contact ? `<tr><th>${l.attn}</th><td>${esc(d.contact.name)}${d.contact.phone ? ` ${esc(d.contact.phone)}` : ''}</td></tr>` : ''}</table>
<p style="margin:4mm 0;text-indent:2em">${esc(text)}</p>
<div class="closing"><span>${l.total}: <b>${esc(formatMoney(d.overdue))}</b></span>${lang === 'zh-CN' ? `<span>${l.words}: <b>${esc(capitalAmount(d.overdue))}</b></span>` : ''}</div>
<table class="grid"><thead><tr><th>${l.number}</th><th>${l.issue}</th><th>${l.due}</th><th class="num">${l.days}</th><th class="num">${l.amount}</th><th class="num">${l.open}</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr class="total"><td colspan="5">${l.total}</td><td class="num">${amt(d.overdue)}</td></tr></tfoot></table>
<div class="block" style="margin-top:10mm;text-align:right"><p>${esc(d.company.name)} ${l.sign}</p><p>${l.date}: ${esc(d.asOf)}</p></div>
</div>`;
}

/** The ready-to-paste WeChat / SMS text for a customer (no amounts table). */
export function dunningMessageText(
  d: Pick<DunningLetterData, 'company' | 'customer' | 'asOf' | 'overdue' | 'daysOverdue' | 'invoices'>,
  lang: PrintLang = 'zh-CN',
): string {
  if (lang === 'en') {
    return `${d.customer.name}: as of ${d.asOf} you have ${formatMoney(d.overdue)} overdue (${d.invoices.length} invoice(s), oldest ${d.daysOverdue} days). Please arrange payment. — ${d.company.name}`;
  }
  return `【${d.company.name}】${d.customer.name}您好：截至${d.asOf}，贵公司尚有逾期款项${formatMoney(d.overdue)}（${d.invoices.length}张发票，最长逾期${d.daysOverdue}天），请尽快安排付款。如已付款请告知付款日期，谢谢！`;
}
