// Labels of the collections area in both languages, one source for the renderer, the letters,
// the iCalendar export and CLI messages.
import type { CalendarItemKind } from './types-calendar';

type Labels = Record<string, { 'zh-CN': string; en: string }>;

export const CALENDAR_KIND_LABELS: Record<CalendarItemKind, { 'zh-CN': string; en: string }> = {
  invoice_due: { 'zh-CN': '到期应收', en: 'Due' },
  promise: { 'zh-CN': '付款承诺', en: 'Promise to pay' },
  call: { 'zh-CN': '电话催收', en: 'Call' },
  visit: { 'zh-CN': '上门拜访', en: 'Visit' },
  credit_review: { 'zh-CN': '信用复核', en: 'Credit review' },
  statement_run: { 'zh-CN': '寄送对账单', en: 'Statement sent' },
  slip_followup: { 'zh-CN': '回执跟进', en: 'Slip follow-up' },
  complaint_followup: { 'zh-CN': '投诉跟进', en: 'Complaint follow-up' },
  service_followup: { 'zh-CN': '服务回访', en: 'Service follow-up' },
};

export const PROMISE_STATUS_LABELS: Labels = {
  pending: { 'zh-CN': '待兑现', en: 'Pending' },
  kept: { 'zh-CN': '已兑现', en: 'Kept' },
  partly_kept: { 'zh-CN': '部分兑现', en: 'Partly kept' },
  broken: { 'zh-CN': '已违约', en: 'Broken' },
};

export const CHANNEL_LABELS: Labels = {
  call: { 'zh-CN': '电话', en: 'Call' },
  visit: { 'zh-CN': '上门', en: 'Visit' },
  letter: { 'zh-CN': '催款函', en: 'Letter' },
  sms_wechat: { 'zh-CN': '短信/微信', en: 'SMS / WeChat' },
  email: { 'zh-CN': '电子邮件', en: 'E-mail' },
  lawyer_letter: { 'zh-CN': '律师函', en: "Lawyer's letter" },
  lawsuit: { 'zh-CN': '诉讼', en: 'Lawsuit' },
};

export const METHOD_LABELS: Labels = {
  scheduled: { 'zh-CN': '定期收款', en: 'Scheduled collection' },
  advising: { 'zh-CN': '出谋划策', en: 'Advising the customer' },
  relationship: { 'zh-CN': '感情融入', en: 'Relationship' },
  service: { 'zh-CN': '服务制胜', en: 'Service' },
  inside_contact: { 'zh-CN': '寻找内应', en: 'Inside contact' },
  third_party: { 'zh-CN': '借梯登天', en: 'Third-party leverage' },
  information: { 'zh-CN': '信息捕捉', en: 'Information' },
  persistence: { 'zh-CN': '死缠蛮打', en: 'Persistence' },
  agency: { 'zh-CN': '专业讨账', en: 'Professional agency' },
  legal: { 'zh-CN': '法律维护', en: 'Legal action' },
  automated: { 'zh-CN': '智能催收', en: 'Automated reminders' },
};

export const TACTIC_LABELS: Labels = {
  reasoning: { 'zh-CN': '讲理', en: 'Reasoning' },
  sympathy: { 'zh-CN': '恻隐', en: 'Sympathy' },
  attrition: { 'zh-CN': '疲劳战', en: 'Attrition' },
  provocation: { 'zh-CN': '激将', en: 'Provocation' },
  carrot_stick: { 'zh-CN': '软硬兼施', en: 'Carrot and stick' },
};

export const DELAY_SIDE_LABELS: Labels = {
  company: { 'zh-CN': '本公司原因', en: "Company's side" },
  customer: { 'zh-CN': '客户原因', en: "Customer's side" },
  salesperson: { 'zh-CN': '业务员原因', en: "Salesperson's side" },
};

export const LADDER_ACTION_LABELS: Labels = {
  none: { 'zh-CN': '仅发函', en: 'Letter only' },
  credit_hold: { 'zh-CN': '冻结信用（需确认）', en: 'Credit hold (after confirmation)' },
  stop_supply: { 'zh-CN': '停止供货', en: 'Stop supply' },
  legal: { 'zh-CN': '法律程序', en: 'Legal action' },
};
