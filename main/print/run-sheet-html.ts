// The collection trip's run sheet (上门催收路线单) as print-ready A4 landscape HTML: company header,
// run date and region, one row per stop in route order (address, best time, key payment contact
// and phone, balance, overdue, open promises) with boxes to tick the outcome and a signature
// column, totals at the foot.
import type { CompanySettings } from '../../shared/types';
import type { RunOut } from '../../shared/types-collection-runs';
import type { PrintLang } from '../../shared/types-statements';
import { amt, companyHeader, esc } from './html';

const L = {
  'zh-CN': {
    title: '上门催收路线单',
    date: '日期',
    region: '区域',
    allRegions: '多个区域',
    operator: '催收员',
    seq: '序号',
    route: '路序',
    customer: '客户',
    address: '地址',
    best: '最佳时间',
    contact: '付款联系人 / 电话',
    balance: '欠款余额',
    overdue: '其中逾期',
    promises: '未到期承诺',
    outcome: '拜访结果',
    boxes: ['签回对账单', '书面承诺', '收款 ¥____', '未见到人'],
    sign: '客户签字',
    total: '合计',
    stops: '站',
    footer: '回公司后在“上门催收”页逐站登记结果：签回对账单、书面承诺、收到的款项（生成收款单）。',
  },
  en: {
    title: 'Collection run sheet',
    date: 'Date',
    region: 'Region',
    allRegions: 'several regions',
    operator: 'Collector',
    seq: 'No.',
    route: 'Route',
    customer: 'Customer',
    address: 'Address',
    best: 'Best time',
    contact: 'Payment contact / phone',
    balance: 'Balance',
    overdue: 'Overdue',
    promises: 'Open promises',
    outcome: 'Outcome',
    boxes: ['Statement signed', 'Written promise', 'Paid ¥____', 'Not met'],
    sign: 'Signature',
    total: 'Total',
    stops: 'stops',
    footer:
      'Back at the office, record each stop on the collection trip page: signed statement, written promise, money received (entered as a receipt).',
  },
};

const SHEET_CSS = `@page { size: A4 landscape; margin: 10mm 10mm 14mm 10mm; }
.run table.grid td { font-size: 8.5pt; }
.run td.sign { width: 24mm; }
.run td.outcome { width: 34mm; white-space: nowrap; line-height: 1.6; }
.run td.outcome span { display: block; }
.run td.outcome span::before { content: '□ '; }
.run td.addr { max-width: 60mm; }
@media screen { .run.doc { width: 297mm; min-height: 210mm; } }`;

export function runSheetTitle(run: Pick<RunOut, 'runDate' | 'regionCode'>, lang: PrintLang): string {
  return `${L[lang].title} ${run.runDate}${run.regionCode ? ` ${run.regionCode}` : ''}`;
}

export function runSheetSection(run: RunOut, company: CompanySettings, lang: PrintLang = 'zh-CN'): string {
  const l = L[lang];
  const rows = run.stops
    .map(
      (s) => `<tr data-seq="${s.seq}"><td class="num">${s.seq}</td><td class="num">${s.routeSeq ?? ''}</td>
<td><b>${esc(s.customerName)}</b><br><span class="muted">${esc(s.customerCode)}</span></td>
<td class="addr">${esc(s.address)}</td><td>${esc(s.bestTime)}</td>
<td>${esc(s.contactName)}${s.contactPhone ? `<br>${esc(s.contactPhone)}` : ''}</td>
<td class="num">${amt(s.balance)}</td><td class="num">${amt(s.overdue, true)}</td>
<td class="num">${s.openPromises ? `${s.openPromises} · ${amt(s.openPromiseAmount)}` : ''}</td>
<td class="outcome">${l.boxes.map((b) => `<span>${esc(b)}</span>`).join('')}</td><td class="sign"></td></tr>`,
    )
    .join('\n');
  const balance = run.stops.reduce((sum, s) => sum + s.balance, 0);
  const overdue = run.stops.reduce((sum, s) => sum + s.overdue, 0);
  const region = run.regionCode ? `${esc(run.regionName ?? '')} (${esc(run.regionCode)})` : l.allRegions;
  return `<style>${SHEET_CSS}</style><div class="doc run" data-run="${run.id}">
${companyHeader(company, lang)}
<h1>${esc(l.title)}</h1>
<div class="meta"><div>${l.date}: <b>${esc(run.runDate)}</b></div><div>${l.region}: <b>${region}</b></div>
<div>${l.operator}: ${esc(run.operatorName)}</div><div>${run.stops.length} ${l.stops}</div></div>
${run.note ? `<p class="note">${esc(run.note)}</p>` : ''}
<table class="grid"><thead><tr><th>${l.seq}</th><th>${l.route}</th><th>${l.customer}</th><th>${l.address}</th><th>${l.best}</th>
<th>${l.contact}</th><th class="num">${l.balance}</th><th class="num">${l.overdue}</th><th class="num">${l.promises}</th>
<th>${l.outcome}</th><th>${l.sign}</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr class="total"><td colspan="6">${l.total}</td><td class="num">${amt(balance)}</td><td class="num">${amt(overdue)}</td><td colspan="3"></td></tr></tfoot></table>
<p class="note">${esc(l.footer)}</p>
</div>`;
}
