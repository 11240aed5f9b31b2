// Labels of the complaint enums in both languages: one source for the renderer, the printed
// card and exports.
import type { PrintLang } from './types-statements';

export const COMPLAINT_LABELS = {
  channel: {
    phone: ['电话', 'Phone'],
    letter: ['信函', 'Letter'],
    visit: ['来访', 'Visit'],
    online: ['网络', 'Online'],
  },
  type: {
    product_quality: ['商品质量', 'Product quality'],
    sales_contract: ['购销合同', 'Sales contract'],
    transport: ['货物运输', 'Transport'],
    service: ['服务', 'Service'],
  },
  severity: {
    low: ['一般', 'Low'],
    normal: ['较重', 'Normal'],
    high: ['严重', 'High'],
    urgent: ['紧急', 'Urgent'],
  },
  status: {
    received: ['已受理', 'Received'],
    investigating: ['调查中', 'Investigating'],
    resolved: ['已解决', 'Resolved'],
    closed: ['已结案', 'Closed'],
  },
  responsibility: {
    ours: ['我方', 'Ours'],
    supplier: ['供应商', 'Supplier'],
    carrier: ['承运方', 'Carrier'],
    customer: ['客户', 'Customer'],
    unclear: ['责任不明', 'Unclear'],
  },
  resolution: {
    apology: ['道歉', 'Apology'],
    replacement: ['换货', 'Replacement'],
    repair: ['维修', 'Repair'],
    refund: ['退款', 'Refund'],
    compensation: ['赔偿', 'Compensation'],
  },
  supplierClaimStatus: {
    none: ['无', 'None'],
    claimed: ['已索赔', 'Claimed'],
    recovered: ['已收回', 'Recovered'],
    rejected: ['被拒绝', 'Rejected'],
  },
} as const;

export type ComplaintLabelGroup = keyof typeof COMPLAINT_LABELS;

export function complaintLabel(group: ComplaintLabelGroup, value: string, lang: PrintLang): string {
  const pair = (COMPLAINT_LABELS[group] as Record<string, readonly [string, string]>)[value];
  return pair ? pair[lang === 'zh-CN' ? 0 : 1] : value;
}

/** The group's labels in one language: { value: label } (for i18n resources). */
export function complaintLabelMap(group: ComplaintLabelGroup, lang: PrintLang): Record<string, string> {
  return Object.fromEntries(Object.entries(COMPLAINT_LABELS[group]).map(([k, v]) => [k, v[lang === 'zh-CN' ? 0 : 1]]));
}
