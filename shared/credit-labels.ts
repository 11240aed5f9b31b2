// Credit management vocabulary (SPEC §4) with labels in both languages: one source for the
// renderer, the printed investigation sheet and exports.
import { formatBp } from './money';

export type Bilingual = { zh: string; en: string };

export const INVESTIGATION_CHANNELS = {
  bank: { zh: '金融机构', en: 'Bank' },
  agency: { zh: '专业资信调查机构', en: 'Credit agency' },
  customer: { zh: '客户/行业组织', en: 'Customer / trade association' },
  internal: { zh: '内部调查', en: 'Internal' },
  other: {
    zh: '其他（税务、消协、市场监管、母公司、交易所、媒体）',
    en: 'Other (tax office, consumer association, regulator, parent, exchange, press)',
  },
} as const satisfies Record<string, Bilingual>;
export type InvestigationChannel = keyof typeof INVESTIGATION_CHANNELS;

/** The four warning-sign checklists; keys are stored on the investigation. */
export const WARNING_SIGNS = {
  operator: {
    label: { zh: '经营者', en: 'Operator' },
    signs: {
      bad_habits: { zh: '有不良嗜好', en: 'Bad habits' },
      no_clear_policy: { zh: '经营方针不明确', en: 'No clear policy' },
      power_struggle: { zh: '内部权力斗争', en: 'Power struggles' },
      erratic_orders: { zh: '订货无规律', en: 'Erratic orders' },
    },
  },
  internal: {
    label: { zh: '企业内部', en: 'Internal state' },
    signs: {
      staff_turnover: { zh: '员工频繁流动', en: 'Staff turnover' },
      disorder: { zh: '管理混乱', en: 'Disorder' },
      inventory_swings: { zh: '库存大起大落', en: 'Inventory swings' },
      losing_key_customers: { zh: '失去主要客户', en: 'Losing key customers' },
    },
  },
  funds: {
    label: { zh: '资金', en: 'Funds' },
    signs: {
      cash_shortage: { zh: '现金短缺', en: 'Cash shortage' },
      discounting_bills: { zh: '大量贴现票据', en: 'Discounting bills' },
      delaying_debts: { zh: '拖延偿债', en: 'Delaying debts' },
      high_interest_loans: { zh: '借高利贷', en: 'High-interest loans' },
      frozen_accounts: { zh: '账户被冻结', en: 'Frozen accounts' },
      bills_dishonoured: { zh: '票据被拒付', en: 'Bills dishonoured' },
    },
  },
  payment: {
    label: { zh: '付款行为', en: 'Payment behaviour' },
    signs: {
      missed_promises: { zh: '不守付款承诺', en: 'Missed promises' },
      postponed_dates: { zh: '推迟付款日期', en: 'Postponed payment dates' },
      extend_bills: { zh: '要求延长票据期限', en: 'Asks to extend bills' },
      excuses: { zh: '找借口拖欠', en: 'Excuses' },
      cannot_pay_small: { zh: '小额也付不出', en: 'Cannot pay small amounts' },
    },
  },
} as const;
export type WarningGroup = keyof typeof WARNING_SIGNS;
export const WARNING_SIGN_KEYS: readonly string[] = Object.entries(WARNING_SIGNS).flatMap(([g, v]) =>
  Object.keys(v.signs).map((k) => `${g}.${k}`),
);

export function warningSignLabel(key: string, lang: 'zh' | 'en'): string {
  const [g, k] = key.split('.');
  const group = (WARNING_SIGNS as Record<string, { signs: Record<string, Bilingual> }>)[g];
  return group?.signs[k]?.[lang] ?? key;
}

export const COUNTERMEASURE_ACTIONS = {
  guarantor: { zh: '要求担保人', en: 'Require a guarantor' },
  deposit: { zh: '提高保证金', en: 'Raise the security deposit' },
  notarise: { zh: '合同公证', en: 'Notarise the contract' },
  reduce_shipments: { zh: '减少供货', en: 'Reduce shipments' },
  stop_shipments: { zh: '停止供货（信用冻结）', en: 'Stop shipments (credit hold)' },
  third_party: { zh: '第三方代偿', en: 'Settlement by a third party' },
  in_kind: { zh: '以物抵债', en: 'Settlement in kind' },
  other: { zh: '其他', en: 'Other' },
} as const satisfies Record<string, Bilingual>;
export type CountermeasureAction = keyof typeof COUNTERMEASURE_ACTIONS;

export const COUNTERMEASURE_STATUSES = {
  planned: { zh: '计划', en: 'Planned' },
  in_progress: { zh: '进行中', en: 'In progress' },
  done: { zh: '已完成', en: 'Done' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
} as const satisfies Record<string, Bilingual>;
export type CountermeasureStatus = keyof typeof COUNTERMEASURE_STATUSES;

export const SIX_C_LABELS_BI = {
  character: { zh: '品质', en: 'Character' },
  capacity: { zh: '能力', en: 'Capacity' },
  capital: { zh: '资本', en: 'Capital' },
  collateral: { zh: '担保', en: 'Collateral' },
  conditions: { zh: '环境', en: 'Conditions' },
  continuity: { zh: '连续性', en: 'Continuity' },
} as const satisfies Record<string, Bilingual>;

export const ROLE_LABELS = {
  admin: { zh: '管理员', en: 'Administrator' },
  credit_manager: { zh: '信用主管', en: 'Credit manager' },
  bookkeeper: { zh: '会计', en: 'Bookkeeper' },
  viewer: { zh: '只读', en: 'Viewer' },
} as const satisfies Record<string, Bilingual>;

/** Cash-discount terms as printed: "2/10 n/30" (discount in bp: 200 = 2 %). */
export function formatDiscountTerms(t: { discountBp: number; discountDays: number; netDays: number }): string {
  // integer basis points to text through formatBp (no float division): 200 → 2, 250 → 2.5, 125 → 1.25
  const pct = formatBp(t.discountBp, 2).replace(/\.?0+$/, '');
  return `${pct}/${t.discountDays} n/${t.netDays}`;
}
