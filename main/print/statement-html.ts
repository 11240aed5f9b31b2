// The statement of account (对账单) as a print-ready HTML document, A4 portrait: company
// header with logo, title, customer block, period, opening row, the lines (date, kind, number,
// debit, credit, running balance — one right-aligned tabular column each; the header row
// repeats on every page), closing balance with 大写金额, ageing of the closing position, open
// items, and the tear-off confirmation slip (回执) on a dashed cut line, kept on one page.
import type { StatementData, StatementLineKind, PrintLang } from '../../shared/types-statements';
import { bucketLabel } from '../../shared/labels/buckets';
import { amt, companyHeader, esc, htmlDocument, sanitizeFileName, type FontMode } from './html';
import { disputedMark, disputesSection } from './statement-disputes';
import { cashDiscountRow } from './statement-credit-terms';

const KIND: Record<PrintLang, Record<StatementLineKind, string>> = {
  'zh-CN': {
    invoice: '销售发票',
    receipt: '收款',
    credit_note: '退货/折让',
    write_off: '坏账核销',
    recovery: '坏账收回',
  },
  en: {
    invoice: 'Invoice',
    receipt: 'Payment',
    credit_note: 'Credit note',
    write_off: 'Write-off',
    recovery: 'Bad debt recovered',
  },
};

const S = {
  'zh-CN': {
    title: '对账单',
    subtitle: 'Statement of account',
    openItemTitle: '对账单（未清项目）',
    customer: '客户',
    code: '客户编码',
    name: '客户名称',
    address: '地址',
    contact: '付款联系人',
    period: '对账期间',
    to: '至',
    asOf: '截至日期',
    currency: '币种',
    terms: '账期',
    days: '天',
    date: '日期',
    kind: '单据类型',
    number: '单号',
    debit: '借方（应收）',
    credit: '贷方（收款/冲减）',
    balance: '余额',
    opening: '期初余额',
    periodTotal: '本期合计',
    closing: '期末余额',
    inWords: '大写金额',
    rmb: '人民币',
    ageing: '期末余额账龄（按逾期天数）',
    unapplied: '未核销收款',
    total: '合计',
    openItems: '未清项目',
    issueDate: '开票日期',
    dueDate: '到期日',
    amount: '金额',
    open: '未收金额',
    overdue: '逾期天数',
    noOpen: '没有未清项目',
    credits: '未核销收款及贷项',
    void: '已作废',
    noLines: '本期没有业务发生',
    remark: '请核对以上余额，并在回执上签字盖章后寄回或传真本公司。如有不符，请注明差额及原因。',
    cut: '✂ 请沿虚线剪下回执寄回',
    slipTitle: '对账回执',
    slipTo: '致',
    slipOurs: '贵公司对账单所列截至',
    slipOurs2: '余额',
    agrees: '核对相符',
    disagrees: '核对不符，差额',
    yuan: '元',
    reason: '不符原因或说明',
    sign: '客户签字',
    seal: '客户盖章',
    sealBox: '（公章）',
    slipDate: '日期',
    ymd: '　　年　　月　　日',
    colon: '：',
    lp: '（',
    rp: '）',
  },
  en: {
    title: 'Statement of account',
    subtitle: '对账单',
    openItemTitle: 'Statement of account (open items)',
    customer: 'Customer',
    code: 'Customer code',
    name: 'Customer',
    address: 'Address',
    contact: 'Payment contact',
    period: 'Period',
    to: 'to',
    asOf: 'As of',
    currency: 'Currency',
    terms: 'Payment terms',
    days: 'days',
    date: 'Date',
    kind: 'Document',
    number: 'Number',
    debit: 'Debit',
    credit: 'Credit',
    balance: 'Balance',
    opening: 'Opening balance',
    periodTotal: 'Period total',
    closing: 'Closing balance',
    inWords: 'In words',
    rmb: 'RMB',
    ageing: 'Ageing of the closing balance (days past due)',
    unapplied: 'Unapplied',
    total: 'Total',
    openItems: 'Open items',
    issueDate: 'Issued',
    dueDate: 'Due',
    amount: 'Amount',
    open: 'Open',
    overdue: 'Days overdue',
    noOpen: 'No open items',
    credits: 'Unapplied payments and credits',
    void: 'void',
    noLines: 'No transactions in this period',
    remark:
      'Please check the balance above, sign and stamp the slip below and return it to us. If it does not agree, state the difference and the reason.',
    cut: '✂ Cut along the dashed line and return this slip',
    slipTitle: 'Balance confirmation',
    slipTo: 'To',
    slipOurs: 'Balance per our statement as of',
    slipOurs2: '',
    agrees: 'The balance agrees',
    disagrees: 'The balance disagrees by',
    yuan: 'CNY',
    reason: 'Reason / note',
    sign: 'Signature',
    seal: 'Company seal',
    sealBox: '(seal)',
    slipDate: 'Date',
    ymd: '',
    colon: ': ',
    lp: ' (',
    rp: ')',
  },
} as const;

export interface StatementHtmlOptions {
  lang?: PrintLang;
  fonts?: FontMode;
}

export function statementTitle(d: StatementData, lang: PrintLang = 'zh-CN'): string {
  const s = S[lang];
  return `${d.customer.code} ${d.customer.name} ${s.title} ${d.from}~${d.to}`;
}

/** `<code>-<name>-对账单-<to>.pdf`, sanitized. */
export function statementFileName(
  d: Pick<StatementData, 'to'> & { customer: { code: string; name: string } },
  ext = 'pdf',
): string {
  return `${sanitizeFileName(`${d.customer.code}-${d.customer.name}-对账单-${d.to}`)}.${ext}`;
}

/** One statement's body (a `.doc` section); several make a combined document. */
/** "对账单（未清项目）" → ["对账单", "（未清项目）"]; "Statement (open items)" → ["Statement", " (open items)"]. */
function splitNote(title: string): [string, string] {
  const at = title.search(/\s?[（(]/);
  return at > 0 ? [title.slice(0, at), title.slice(at)] : [title, ''];
}

export function statementSection(d: StatementData, lang: PrintLang = 'zh-CN'): string {
  const s = S[lang];
  const k = KIND[lang];
  const cur = esc(d.currency);
  const c = d.customer;
  const contact = c.keyContact
    ? [c.keyContact.name, c.keyContact.title, c.keyContact.phone].filter(Boolean).map(esc).join('　')
    : '';
  const openItemStyle = d.style === 'open_item';
  const parts: string[] = [];
  parts.push(companyHeader(d.company, lang));
  // the spaced title keeps its bracketed note unspaced: 对 账 单（未清项目）, not 对 账 单 （未 清 项 目）
  const [titleMain, titleNote] = openItemStyle ? splitNote(s.openItemTitle) : [s.title, ''];
  parts.push(
    `<h1>${esc(titleMain)}${titleNote ? `<span class="h1-note">${esc(titleNote)}</span>` : ''}<small>${esc(s.subtitle)}</small></h1>`,
  );
  parts.push(`<section class="meta">
<div><table class="kv">
<tr><th>${s.code}</th><td>${esc(c.code)}</td></tr>
<tr><th>${s.name}</th><td><b>${esc(c.name)}</b></td></tr>
<tr><th>${s.address}</th><td>${esc(c.address ?? '')}</td></tr>
<tr><th>${s.contact}</th><td>${contact}</td></tr>
</table></div>
<div><table class="kv">
<tr><th>${openItemStyle ? s.asOf : s.period}</th><td class="date">${openItemStyle ? esc(d.to) : `${esc(d.from)} ${s.to} ${esc(d.to)}`}</td></tr>
<tr><th>${s.currency}</th><td>${cur}</td></tr>
<tr><th>${s.terms}</th><td>${c.paymentTermsDays} ${s.days}</td></tr>
${cashDiscountRow(d, lang)}
</table></div>
</section>`);

  if (!openItemStyle) {
    const rows: string[] = [];
    rows.push(
      `<tr class="opening"><td class="date">${esc(d.from)}</td><td colspan="4">${s.opening}</td><td class="num">${amt(d.opening)}</td></tr>`,
    );
    let debit = 0;
    let credit = 0;
    for (const l of d.lines) {
      if (!l.void) {
        debit += l.debit;
        credit += l.credit;
      }
      rows.push(
        `<tr${l.void ? ' class="void"' : ''}><td class="date">${esc(l.date)}</td><td>${esc(k[l.kind])}${l.void ? ` <span class="flag">(${s.void})</span>` : ''}</td><td class="code">${esc(l.number)}${l.disputed ? disputedMark(lang) : ''}</td>` +
          `<td class="num">${amt(l.debit, true)}</td><td class="num">${amt(l.credit, true)}</td><td class="num">${l.void ? '' : amt(l.balance)}</td></tr>`,
      );
    }
    if (d.lines.length === 0) rows.push(`<tr><td colspan="6" class="empty">${s.noLines}</td></tr>`);
    rows.push(
      `<tr class="total"><td class="date">${esc(d.to)}</td><td colspan="2">${s.periodTotal} / ${s.closing}</td><td class="num">${amt(debit)}</td><td class="num">${amt(credit)}</td><td class="num">${amt(d.closing)}</td></tr>`,
    );
    parts.push(`<table class="grid lines">
<colgroup><col style="width:15%"><col style="width:15%"><col style="width:19%"><col style="width:17%"><col style="width:17%"><col style="width:17%"></colgroup>
<thead><tr><th>${s.date}</th><th>${s.kind}</th><th>${s.number}</th><th class="num">${s.debit}</th><th class="num">${s.credit}</th><th class="num">${s.balance}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table>`);
  }

  const closingAt = parts.length;
  // Ageing of the closing position
  const keys = d.ageing.keys.map((b) => b.key);
  parts.push(`<section class="block"><h2>${s.ageing}</h2><table class="grid ageing">
<thead><tr>${keys.map((key) => `<th class="num">${esc(bucketLabel(key, lang))}</th>`).join('')}<th class="num">${s.unapplied}</th><th class="num">${s.total}</th></tr></thead>
<tbody><tr>${keys.map((key) => `<td class="num">${amt(d.ageing.buckets[key] ?? 0)}</td>`).join('')}<td class="num">${amt(d.ageing.unapplied)}</td><td class="num"><b>${amt(d.ageing.total)}</b></td></tr></tbody>
</table></section>`);

  // Open items (and, for the open-item style, the unapplied credits that net into the balance)
  const items = d.openItems
    .map(
      (i) =>
        `<tr${i.disputed ? ' class="disputed"' : ''}><td class="code">${esc(i.number)}${i.disputed ? disputedMark(lang) : ''}</td><td class="date">${esc(i.issueDate)}</td><td class="date">${esc(i.dueDate)}</td><td class="num">${amt(i.amount)}</td><td class="num">${amt(i.open)}</td><td class="num">${i.daysPastDue > 0 ? i.daysPastDue : ''}</td></tr>`,
    )
    .join('\n');
  const openSum = d.openItems.reduce((a, i) => a + i.open, 0);
  parts.push(`<section><h2>${s.openItems}</h2><table class="grid open-items">
<colgroup><col style="width:20%"><col style="width:15%"><col style="width:15%"><col style="width:18%"><col style="width:18%"><col style="width:14%"></colgroup>
<thead><tr><th>${s.number}</th><th>${s.issueDate}</th><th>${s.dueDate}</th><th class="num">${s.amount}</th><th class="num">${s.open}</th><th class="num">${s.overdue}</th></tr></thead>
<tbody>${items || `<tr><td colspan="6" class="empty">${s.noOpen}</td></tr>`}
${d.openItems.length ? `<tr class="total"><td colspan="4">${s.total}</td><td class="num">${amt(openSum)}</td><td></td></tr>` : ''}</tbody>
</table></section>`);
  if (d.credits.length && (openItemStyle || d.ageing.unapplied !== 0)) {
    parts.push(`<section><h2>${s.credits}</h2><table class="grid credits">
<colgroup><col style="width:20%"><col style="width:20%"><col style="width:15%"><col style="width:22.5%"><col style="width:22.5%"></colgroup>
<thead><tr><th>${s.kind}</th><th>${s.number}</th><th>${s.date}</th><th class="num">${s.amount}</th><th class="num">${s.unapplied}</th></tr></thead>
<tbody>${d.credits
      .map(
        (cr) =>
          `<tr><td>${esc(k[cr.kind])}</td><td class="code">${esc(cr.number)}</td><td class="date">${esc(cr.date)}</td><td class="num">${amt(cr.amount)}</td><td class="num">${amt(-cr.unapplied)}</td></tr>`,
      )
      .join('\n')}</tbody></table></section>`);
  }
  parts.push(disputesSection(d, lang));
  const closingHtml = `<div class="closing"><span>${s.closing}${s.lp}${esc(d.to)}${s.rp}${s.colon}<b>${cur} ${amt(d.closing)}</b></span><span>${s.inWords}${s.colon}<b>${lang === 'zh-CN' ? s.rmb : ''}${esc(d.closingInWords)}</b></span></div>`;
  // balance-forward: closing right after the lines; open-item: after the open items and credits
  if (openItemStyle) parts.push(closingHtml);
  else parts.splice(closingAt, 0, closingHtml);
  parts.push(`<p class="note">${s.remark}</p>`);

  // Tear-off confirmation slip (回执)
  const diffLine =
    lang === 'zh-CN'
      ? `${s.disagrees} <span class="line"></span> ${s.yuan}`
      : `${s.disagrees} ${s.yuan} <span class="line"></span>`;
  parts.push(`<section class="slip">
<div class="cut">${s.cut}</div>
<div class="box">
<h3>${s.slipTitle}</h3>
<p>${s.slipTo}${s.colon}${esc(d.company.name)}</p>
<p>${s.code}${s.colon}${esc(c.code)}　${s.name}${s.colon}${esc(c.name)}</p>
<p>${s.slipOurs} ${esc(d.to)}${s.slipOurs2 ? ` ${s.slipOurs2}` : ''}${s.colon}<b>${cur} ${amt(d.closing)}</b>${s.lp}${lang === 'zh-CN' ? s.rmb : ''}${esc(d.closingInWords)}${s.rp}</p>
<p>□ ${s.agrees}　　　□ ${diffLine}</p>
<p>${s.reason}${s.colon}<span class="line wide"></span></p>
<div class="sign"><p>${s.sign}${s.colon}<span class="line"></span></p><p>${s.slipDate}${s.colon}<span class="line">${s.ymd}</span></p><div class="seal">${s.seal}<br>${s.sealBox}</div></div>
</div>
</section>`);
  return `<div class="doc statement ${lang === 'zh-CN' ? 'zh' : 'en'}" data-customer="${esc(c.code)}">\n${parts.join('\n')}\n</div>`;
}

export function statementHtml(d: StatementData, opts: StatementHtmlOptions = {}): string {
  const lang = opts.lang ?? 'zh-CN';
  return htmlDocument(statementTitle(d, lang), statementSection(d, lang), { lang, fonts: opts.fonts });
}

/** Several statements in one document (combined batch PDF): each starts on a new page. */
export function combinedStatementsHtml(list: StatementData[], opts: StatementHtmlOptions = {}): string {
  const lang = opts.lang ?? 'zh-CN';
  return combinedSectionsHtml(
    list.map((d) => statementSection(d, lang)),
    `${S[lang].title} ${list[0]?.to ?? ''}`,
    opts,
  );
}

/** Sections already rendered by statementSection (a batch keeps strings, not data). */
export function combinedSectionsHtml(sections: string[], title: string, opts: StatementHtmlOptions = {}): string {
  const lang = opts.lang ?? 'zh-CN';
  return htmlDocument(title, sections.join('\n'), { lang, fonts: opts.fonts });
}
