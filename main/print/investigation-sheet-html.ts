// The printed credit investigation sheet (资信调查表, A4, SPEC §4): company header, the customer
// and its credit position, one investigation (date, channel, source, findings, attachments), the
// four warning-sign checklists with every sign printed and the ticked ones marked ☑, the
// customer's earlier investigations, and signature lines for the investigator and the credit
// manager. Labels come from shared/credit-labels (one source with the screens).
import {
  INVESTIGATION_CHANNELS,
  WARNING_SIGNS,
  formatDiscountTerms,
  type InvestigationChannel,
} from '../../shared/credit-labels';
import { formatMoney } from '../../shared/money';
import type { CompanySettings } from '../../shared/types';
import type { PrintLang } from '../../shared/types-statements';
import { companyHeader, esc, htmlDocument, type FontMode } from './html';

export interface InvestigationSheetData {
  company: CompanySettings;
  customer: {
    code: string;
    name: string;
    address: string | null;
    phone: string | null;
    legalRep: string | null;
    foundedOn: string | null;
    registeredCapital: number | null;
    industry: string | null;
    paymentTermsDays: number;
  };
  position: {
    rating: string | null;
    creditClass: string | null;
    creditLimit: number | null;
    exposure: number;
    nextReviewDue: string | null;
    onHold: boolean;
    cashDiscount: { discountBp: number; discountDays: number; netDays: number } | null;
  };
  investigation: {
    id: number;
    date: string;
    channel: string;
    source: string | null;
    findings: string;
    attachments: string[];
    warningSigns: string[];
    recordedBy: string | null;
  };
  /** the customer's other investigations, latest first */
  earlier: { date: string; channel: string; findings: string; signs: number }[];
  printedOn: string;
}

const S = {
  'zh-CN': {
    title: '资信调查表',
    printed: '打印日期',
    no: '编号',
    customer: '客户情况',
    code: '客户编码',
    name: '客户名称',
    address: '地址',
    phone: '电话',
    legalRep: '法定代表人',
    foundedOn: '成立日期',
    capital: '注册资本',
    industry: '行业',
    terms: '账期',
    days: '天',
    position: '信用状况',
    rating: '信用等级',
    creditClass: '信用报告类别',
    limit: '信用额度',
    exposure: '信用敞口',
    nextReview: '下次信用报告',
    onHold: '停止供货',
    yes: '是',
    no_: '否',
    none: '无',
    discount: '现金折扣',
    survey: '调查内容',
    date: '调查日期',
    channel: '调查渠道',
    source: '信息来源',
    findings: '调查结果',
    attachments: '附件',
    signs: '警示信号（☑ 为本次调查发现）',
    ticked: '项',
    earlier: '以往调查',
    count: '警示',
    investigator: '调查人',
    manager: '信用主管审核',
    signDate: '日期',
    noEarlier: '无以往调查记录',
  },
  en: {
    title: 'Credit investigation sheet',
    printed: 'Printed',
    no: 'No.',
    customer: 'Customer',
    code: 'Code',
    name: 'Name',
    address: 'Address',
    phone: 'Phone',
    legalRep: 'Legal representative',
    foundedOn: 'Founded',
    capital: 'Registered capital',
    industry: 'Industry',
    terms: 'Payment terms',
    days: 'days',
    position: 'Credit position',
    rating: 'Credit rating',
    creditClass: 'Credit class',
    limit: 'Credit limit',
    exposure: 'Exposure',
    nextReview: 'Next credit report',
    onHold: 'On credit hold',
    yes: 'yes',
    no_: 'no',
    none: 'none',
    discount: 'Cash discount',
    survey: 'Investigation',
    date: 'Date',
    channel: 'Channel',
    source: 'Source',
    findings: 'Findings',
    attachments: 'Attachments',
    signs: 'Warning signs (☑ found in this investigation)',
    ticked: 'ticked',
    earlier: 'Earlier investigations',
    count: 'Signs',
    investigator: 'Investigator',
    manager: 'Credit manager',
    signDate: 'Date',
    noEarlier: 'No earlier investigation',
  },
} as const;

const SHEET_CSS = `
.inv .kvgrid th { width: 17%; text-align: left; }
.inv .findings { white-space: pre-wrap; height: 14mm; }
.inv .checklists { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 6mm; border: 0.6pt solid #999; padding: 2mm 3mm; }
.inv .checklists h3 { font-size: 9.5pt; margin: 0 0 1mm; }
.inv .checklists ul { list-style: none; margin: 0; padding: 0; }
.inv .checklists li { margin: 0.6mm 0; }
.inv .checklists li.on { font-weight: 700; }
.inv .box { display: inline-block; width: 4.5mm; font-size: 11pt; }
.inv .signatures { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm; margin-top: 6mm; }
.inv .signatures div { display: flex; align-items: flex-end; gap: 1.5mm; white-space: nowrap; }
.inv .signatures .line { flex: 1; border-bottom: 0.6pt solid #222; height: 7mm; }
.inv .signatures .line.date { flex: 0 0 24mm; }
`;

const channelLabel = (ch: string, lang: PrintLang) =>
  INVESTIGATION_CHANNELS[ch as InvestigationChannel]?.[lang === 'zh-CN' ? 'zh' : 'en'] ?? ch;

function kv(rows: [string, string][]): string {
  const cells: string[] = [];
  for (let i = 0; i < rows.length; i += 2) {
    const [a, b] = [rows[i], rows[i + 1]];
    cells.push(
      `<tr><th>${a[0]}</th><td>${a[1]}</td>${b ? `<th>${b[0]}</th><td>${b[1]}</td>` : '<th></th><td></td>'}</tr>`,
    );
  }
  return `<table class="grid kvgrid"><colgroup><col style="width:17%"><col style="width:33%"><col style="width:17%"><col style="width:33%"></colgroup><tbody>${cells.join('')}</tbody></table>`;
}

function checklists(ticked: Set<string>, lang: PrintLang): string {
  const l = lang === 'zh-CN' ? 'zh' : 'en';
  const groups = Object.entries(WARNING_SIGNS).map(([g, v]) => {
    const signs = Object.entries(v.signs as Record<string, { zh: string; en: string }>);
    const n = signs.filter(([k]) => ticked.has(`${g}.${k}`)).length;
    const items = signs
      .map(([k, label]) => {
        const on = ticked.has(`${g}.${k}`);
        return `<li${on ? ' class="on"' : ''} data-sign="${g}.${k}"><span class="box">${on ? '☑' : '☐'}</span>${esc(label[l])}</li>`;
      })
      .join('');
    const count = lang === 'zh-CN' ? `（${n}/${signs.length}）` : ` (${n}/${signs.length})`;
    return `<section><h3>${esc(v.label[l])}${count}</h3><ul>${items}</ul></section>`;
  });
  return `<div class="checklists">${groups.join('')}</div>`;
}

export function investigationSheetTitle(d: InvestigationSheetData, lang: PrintLang): string {
  return `${d.customer.code} ${d.customer.name} ${S[lang].title} ${d.investigation.date}`;
}

export function investigationSheetHtml(
  d: InvestigationSheetData,
  opts: { lang?: PrintLang; fonts?: FontMode } = {},
): string {
  const lang = opts.lang ?? 'zh-CN';
  const s = S[lang];
  const c = d.customer;
  const p = d.position;
  const inv = d.investigation;
  const money = (v: number | null) => (v === null ? '' : esc(formatMoney(v)));
  const sep = lang === 'zh-CN' ? '：' : ': ';
  const earlier = d.earlier.length
    ? `<table class="grid"><colgroup><col style="width:15%"><col style="width:25%"><col style="width:48%"><col style="width:12%"></colgroup>
<thead><tr><th>${s.date}</th><th>${s.channel}</th><th>${s.findings}</th><th class="num">${s.count}</th></tr></thead><tbody>${d.earlier
        .map(
          (e) =>
            `<tr><td class="date">${esc(e.date)}</td><td>${esc(channelLabel(e.channel, lang))}</td><td>${esc(e.findings)}</td><td class="num">${e.signs}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : `<p class="muted">${s.noEarlier}</p>`;
  const body = `<div class="doc inv${lang === 'en' ? ' en' : ''}">${companyHeader(d.company, lang)}<h1>${s.title}</h1>
<p class="muted">${s.printed}${sep}${esc(d.printedOn)}　${s.no}${sep}ZX-${String(inv.id).padStart(6, '0')}</p>
<h2>${s.customer}</h2>
${kv([
  [s.code, esc(c.code)],
  [s.name, `<b>${esc(c.name)}</b>`],
  [s.legalRep, esc(c.legalRep ?? '')],
  [s.foundedOn, esc(c.foundedOn ?? '')],
  [s.capital, money(c.registeredCapital)],
  [s.industry, esc(c.industry ?? '')],
  [s.address, esc(c.address ?? '')],
  [s.phone, esc(c.phone ?? '')],
])}
<h2>${s.position}</h2>
${kv([
  [s.rating, esc(p.rating ?? '—')],
  [s.creditClass, esc(p.creditClass ?? '—')],
  [s.limit, p.creditLimit === null ? s.none : money(p.creditLimit)],
  [s.exposure, money(p.exposure)],
  [s.terms, `${c.paymentTermsDays} ${s.days}`],
  [s.discount, p.cashDiscount ? esc(formatDiscountTerms(p.cashDiscount)) : s.none],
  [s.nextReview, esc(p.nextReviewDue ?? '—')],
  [s.onHold, p.onHold ? `<b>${s.yes}</b>` : s.no_],
])}
<h2>${s.survey}</h2>
${kv([
  [s.date, esc(inv.date)],
  [s.channel, esc(channelLabel(inv.channel, lang))],
  [s.source, esc(inv.source ?? '')],
  [s.attachments, esc(inv.attachments.join(lang === 'zh-CN' ? '；' : '; '))],
])}
<table class="grid"><tbody><tr><th style="width:17%; text-align:left">${s.findings}</th><td class="findings">${esc(inv.findings)}</td></tr></tbody></table>
<h2>${s.signs}</h2>
${checklists(new Set(inv.warningSigns), lang)}
<h2>${s.earlier}</h2>
${earlier}
<div class="signatures"><div>${s.investigator}${sep}${esc(inv.recordedBy ?? '')}<span class="line"></span>${s.signDate}${sep}<span class="line date"></span></div><div>${s.manager}${sep}<span class="line"></span>${s.signDate}${sep}<span class="line date"></span></div></div>
</div>`;
  return htmlDocument(investigationSheetTitle(d, lang), `<style>${SHEET_CSS}</style>${body}`, {
    lang,
    fonts: opts.fonts,
  });
}
