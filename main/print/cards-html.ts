// The five customer cards (资料卡, SPEC §1), each printable: basic card, management card (with
// financials), address card, grade card, complaint record card (§8: the customer's complaints,
// then ruled blank rows for handwritten records).
import { PROFILE_FIELDS } from '../../shared/customer-fields';
import { CARD_TITLES, customerFieldLabel } from '../../shared/labels/customer-fields';
import { CUSTOMER_VALUE_LABELS, type CustomerValueField } from '../../shared/labels/customer-values';
import { formatMoney } from '../../shared/money';
import type { CompanySettings, Customer, Region } from '../../shared/types';
import type { CardKind, PrintLang } from '../../shared/types-statements';
import { companyHeader, esc, htmlDocument, type FontMode } from './html';

export interface CardContext {
  customer: Customer;
  company: CompanySettings;
  region: Region | null;
  /** Ledger balance now and credit figures for the management card. */
  balance: number | null;
  /** The customer's complaint records (services/complaints/card.ts). */
  complaints?: { date: string; kind: string; content: string; handling: string; result: string }[];
  printedOn: string;
}

const TITLES = CARD_TITLES;

/** A field's printed label: the screens' label (one source, shared/labels/customer-fields.ts). */
function label(key: string, lang: PrintLang): string {
  return customerFieldLabel(key, lang) ?? key;
}

/** A value as printed: money formatted, an enumerated value by its label (shared with the screens). */
function value(v: unknown, lang: PrintLang, money = false, field?: string): string {
  if (v === null || v === undefined || v === '') return '';
  if (money && typeof v === 'number') return esc(formatMoney(v));
  const s = String(v);
  const labels = field ? CUSTOMER_VALUE_LABELS[lang][field as CustomerValueField] : undefined;
  return esc(labels?.[s] ?? (lang === 'zh-CN' ? s : s.replace(/_/g, ' ')));
}

function kvTable(rows: [string, string][]): string {
  const cells: string[] = [];
  for (let i = 0; i < rows.length; i += 2) {
    const a = rows[i];
    const b = rows[i + 1];
    cells.push(
      `<tr><th>${esc(a[0])}</th><td>${a[1]}</td>${b ? `<th>${esc(b[0])}</th><td>${b[1]}</td>` : '<th></th><td></td>'}</tr>`,
    );
  }
  return `<table class="grid kvgrid"><colgroup><col style="width:17%"><col style="width:33%"><col style="width:17%"><col style="width:33%"></colgroup><tbody>${cells.join('')}</tbody></table>`;
}

function profileRows(c: Customer, groups: string[], lang: PrintLang, only?: string[]): [string, string][] {
  const p = c.profile as Record<string, unknown>;
  return PROFILE_FIELDS.filter((f) => groups.includes(f.group) && (!only || only.includes(f.key))).map((f) => [
    label(f.key, lang),
    value(p[f.key], lang, f.type === 'money', f.key),
  ]);
}

function cardBody(kind: CardKind, x: CardContext, lang: PrintLang): string {
  const c = x.customer;
  const zh = lang === 'zh-CN';
  const base = (keys: [string, unknown, boolean?][]) =>
    keys.map(([k, v, m]) => [label(k, lang), value(v, lang, m, k)] as [string, string]);
  switch (kind) {
    case 'basic': {
      const rows = [
        ...base([
          ['code', c.code],
          ['name', c.name],
          ['kind', c.kind],
          ['nature', c.nature],
          ['lifecycle', c.lifecycle],
          ['confidentiality', c.confidentiality],
          ['address', c.address],
          ['phone', c.phone],
          ['email', c.email],
        ]),
        ...profileRows(c, c.kind === 'individual' ? ['basic', 'individual'] : ['basic'], lang),
      ];
      const contacts = c.contacts
        .map(
          (k) =>
            `<tr><td>${esc(k.name)}${k.isKeyPayer ? (zh ? '（付款关键人）' : ' (key payer)') : ''}</td><td>${esc(k.title)}</td><td>${esc(k.mobile || k.phone)}</td><td>${esc(k.email)}</td><td>${esc(k.wechat)}</td><td>${value(k.buyingRole, lang, false, 'buyingRole')}</td></tr>`,
        )
        .join('');
      return `${kvTable(rows)}<h2>${zh ? '联系人' : 'Contacts'}</h2><table class="grid"><thead><tr><th>${zh ? '姓名' : 'Name'}</th><th>${zh ? '职务' : 'Title'}</th><th>${zh ? '电话' : 'Phone'}</th><th>${zh ? '邮箱' : 'Email'}</th><th>${zh ? '微信' : 'WeChat'}</th><th>${zh ? '购买角色' : 'Buying role'}</th></tr></thead><tbody>${contacts || `<tr><td colspan="6" class="empty">—</td></tr>`}</tbody></table>`;
    }
    case 'management':
      return (
        kvTable([
          ...base([
            ['code', c.code],
            ['name', c.name],
            ['payment_terms_days', c.paymentTermsDays],
            ['credit_limit', c.creditLimit, true],
            ['balance_receivable', x.balance, true],
            ['credit_rating', c.creditRating],
          ]),
          ...profileRows(c, ['basic'], lang, ['registered_capital', 'total_assets', 'tax_id', 'bank_account']),
        ]) +
        `<h2>${zh ? '客户特征' : 'Characteristics'}</h2>${kvTable(profileRows(c, ['characteristics'], lang))}` +
        `<h2>${zh ? '业务状况' : 'Business status'}</h2>${kvTable(profileRows(c, ['business'], lang))}` +
        `<h2>${zh ? '交易现状' : 'Trade status'}</h2>${kvTable(profileRows(c, ['trade'], lang))}`
      );
    case 'address':
      return kvTable([
        ...base([
          ['code', c.code],
          ['name', c.name],
          ['region', x.region ? `${x.region.code} ${x.region.name}` : c.regionCode],
          ['route_seq', c.routeSeq],
          ['address', c.address],
          ['phone', c.phone],
        ]),
        ...profileRows(c, ['address'], lang),
        [label('service_region', lang), value((c.profile as Record<string, unknown>).service_region, lang)],
      ]);
    case 'grade':
      return kvTable(
        base([
          ['code', c.code],
          ['name', c.name],
          ['value_tier', c.valueTier],
          ['credit_rating', c.creditRating],
          ['credit_class', c.creditClass],
          ['prospect_grade', c.prospectGrade],
          ['credit_limit', c.creditLimit, true],
          ['payment_terms_days', c.paymentTermsDays],
        ]),
      );
    case 'complaint': {
      const list = x.complaints ?? [];
      const blank = Math.max(0, 12 - list.length);
      const rows =
        list
          .map(
            (r) =>
              `<tr><td class="date">${esc(r.date)}</td><td>${esc(r.kind)}</td><td>${esc(r.content)}</td><td>${esc(r.handling)}</td><td>${esc(r.result)}</td></tr>`,
          )
          .join('') + '<tr><td>&nbsp;</td><td></td><td></td><td></td><td></td></tr>'.repeat(blank);
      return (
        kvTable(
          base([
            ['code', c.code],
            ['name', c.name],
            ['address', c.address],
            ['phone', c.phone],
          ]),
        ) +
        `<h2>${zh ? '投诉记录' : 'Complaints'}</h2><table class="grid"><colgroup><col style="width:14%"><col style="width:14%"><col style="width:30%"><col style="width:26%"><col style="width:16%"></colgroup><thead><tr><th>${zh ? '日期' : 'Date'}</th><th>${zh ? '类别' : 'Kind'}</th><th>${zh ? '投诉内容' : 'Complaint'}</th><th>${zh ? '处理经过' : 'Handling'}</th><th>${zh ? '结果' : 'Result'}</th></tr></thead><tbody>${rows}</tbody></table>`
      );
    }
  }
}

export function cardSection(kind: CardKind, x: CardContext, lang: PrintLang): string {
  const zh = lang === 'zh-CN';
  return `<div class="doc card-doc" data-card="${kind}">${companyHeader(x.company, lang)}<h1>${esc(TITLES[lang][kind])}</h1>
<p class="muted">${zh ? '打印日期' : 'Printed'}: ${esc(x.printedOn)}　${zh ? '客户' : 'Customer'}: ${esc(x.customer.code)} ${esc(x.customer.name)}</p>
<div class="card">${cardBody(kind, x, lang)}</div></div>`;
}

export function cardsHtml(
  kinds: CardKind[],
  x: CardContext,
  opts: { lang?: PrintLang; fonts?: FontMode } = {},
): string {
  const lang = opts.lang ?? 'zh-CN';
  const title = `${x.customer.code} ${x.customer.name} ${kinds.map((k) => TITLES[lang][k]).join(' ')}`;
  return htmlDocument(title, kinds.map((k) => cardSection(k, x, lang)).join('\n'), { lang, fonts: opts.fonts });
}

export function cardTitle(kind: CardKind, lang: PrintLang): string {
  return TITLES[lang][kind];
}
