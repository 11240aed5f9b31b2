// Visit plan and evaluation sheet labels in both languages: one source for the screens, the
// printed evaluation sheet and the calendar export.
import { formatBp, formatMoney } from '../money';
import type { EvaluationFigures, EvaluationRowKey } from '../types-evaluation';
import type { FrequencyUnit, ProspectGradeKey, VisitFrequency, VisitRole, VisitStatus } from '../types-visits';
import type { LabelLocale } from './buckets';

export const VISIT_ROLE_LABELS: Record<LabelLocale, Record<VisitRole, string>> = {
  'zh-CN': { rep: '业务员', team_lead: '组长', section_chief: '科长', manager: '经理', general_manager: '总经理' },
  en: {
    rep: 'Account rep',
    team_lead: 'Team lead',
    section_chief: 'Section chief',
    manager: 'Manager',
    general_manager: 'General manager',
  },
};

export const VISIT_STATUS_LABELS: Record<LabelLocale, Record<VisitStatus, string>> = {
  'zh-CN': { planned: '待拜访', done: '已拜访', missed: '未拜访' },
  en: { planned: 'Planned', done: 'Done', missed: 'Missed' },
};

export const PROSPECT_GRADE_LABELS: Record<
  LabelLocale,
  Record<ProspectGradeKey, { readiness: string; purchase: string }>
> = {
  'zh-CN': {
    A: { readiness: '完全具备购买条件', purchase: '本月内' },
    B: { readiness: '尚不完全具备，值得访问', purchase: '2–3个月内' },
    C: { readiness: '尚不具备，偶尔访问', purchase: '半年内' },
    D: { readiness: '尚不具备，长期潜在', purchase: '一年内' },
  },
  en: {
    A: { readiness: 'Fully ready to buy', purchase: 'This month' },
    B: { readiness: 'Not fully ready, worth visiting', purchase: 'In 2–3 months' },
    C: { readiness: 'Not ready, visit now and then', purchase: 'Within half a year' },
    D: { readiness: 'Not ready, long-term potential', purchase: 'Within a year' },
  },
};

const UNIT: Record<LabelLocale, Record<FrequencyUnit, [string, string]>> = {
  'zh-CN': { week: ['周', '周'], month: ['月', '个月'] },
  en: { week: ['week', 'weeks'], month: ['month', 'months'] },
};

/** "每月3次" / "每2个月1次" / "3 a month" / "once every 2 months"; null → when needed / drop in. */
export function frequencyText(f: VisitFrequency | null, lang: LabelLocale): string {
  if (!f) return lang === 'zh-CN' ? '需要时（顺路拜访或电话）' : 'When needed (drop in or phone)';
  const [one, many] = UNIT[lang][f.unit];
  if (lang === 'zh-CN') return f.every === 1 ? `每${one}${f.times}次` : `每${f.every}${many}${f.times}次`;
  const times = f.times === 1 ? 'once' : f.times === 2 ? 'twice' : `${f.times} times`;
  return f.every === 1 ? `${times} a ${one}` : `${times} every ${f.every} ${many}`;
}

export const EVALUATION_LABELS: Record<LabelLocale, Record<EvaluationRowKey, string>> = {
  'zh-CN': {
    order_size: '订货量',
    order_count: '订货次数',
    sales_share: '占我公司销售额比重',
    selling_cost: '销售费用',
    credit_cost: '信用成本',
    view_of_us: '对我公司的看法',
    support: '对我公司业务的支持',
    visit_plan: '访问计划',
    payment_delays: '付款延误',
  },
  en: {
    order_size: 'Order size',
    order_count: 'Order count',
    sales_share: 'Share of our sales',
    selling_cost: 'Selling cost',
    credit_cost: 'Credit cost',
    view_of_us: 'Its view of us',
    support: 'Support for our business',
    visit_plan: 'Visit plan',
    payment_delays: 'Payment delays',
  },
};

/** The book's figure of one row, as text ('' where the book has none: the user's words only). */
export function evaluationFigureText(
  key: EvaluationRowKey,
  f: EvaluationFigures,
  sellingCost: number | null,
  lang: LabelLocale,
): string {
  const zh = lang === 'zh-CN';
  const m = (fen: number) => formatMoney(fen);
  switch (key) {
    case 'order_size':
      return zh
        ? `销售额 ${m(f.sales)}；平均每单 ${f.averageOrder === null ? '—' : m(f.averageOrder)}`
        : `Sales ${m(f.sales)}; average order ${f.averageOrder === null ? '—' : m(f.averageOrder)}`;
    case 'order_count':
      return zh ? `${f.invoices} 张发票` : `${f.invoices} invoice${f.invoices === 1 ? '' : 's'}`;
    case 'sales_share':
      return `${f.shareBp === null ? '—' : `${formatBp(f.shareBp)}%`} ${zh ? '（全部销售额' : '(all sales '}${m(f.bookSales)}${zh ? '）' : ')'}`;
    case 'selling_cost':
      return sellingCost === null ? '' : m(sellingCost);
    case 'credit_cost':
      return zh
        ? `${m(f.creditCost)}（资金占用 ${m(f.opportunityCost)}：平均余额 ${m(f.averageBalance)} × 年 ${formatBp(f.costOfCapitalBp)}%；坏账准备 ${m(f.provision)}）`
        : `${m(f.creditCost)} (capital ${m(f.opportunityCost)}: average balance ${m(f.averageBalance)} × ${formatBp(f.costOfCapitalBp)}% a year; provision ${m(f.provision)})`;
    case 'visit_plan': {
      const basis = f.valueTier
        ? zh
          ? `价值等级 ${f.valueTier}`
          : `value tier ${f.valueTier}`
        : f.prospectGrade
          ? zh
            ? `准客户 ${f.prospectGrade} 级`
            : `prospect grade ${f.prospectGrade}`
          : '';
      const v = f.visits;
      const total = v.planned + v.done + v.missed;
      return zh
        ? `计划 ${total} 次：已拜访 ${v.done}，未拜访 ${v.missed}，待拜访 ${v.planned}${basis ? `（${basis}）` : ''}`
        : `${total} planned: ${v.done} done, ${v.missed} missed, ${v.planned} to come${basis ? ` (${basis})` : ''}`;
    }
    case 'payment_delays':
      return zh
        ? `平均逾期 ${f.averageDaysLate ?? '—'} 天；逾期结清 ${f.lateInvoices} 张；当前逾期 ${m(f.overdueNow)}`
        : `Average ${f.averageDaysLate ?? '—'} days late; ${f.lateInvoices} settled late; overdue now ${m(f.overdueNow)}`;
    default:
      return '';
  }
}
