// Strings of service and loyalty (SPEC §7: follow-up tasks, satisfaction, loyalty type; the
// loyalty panel on the analysis page), in their own i18next namespace 'service'.
import i18n from 'i18next';

const zhCN = {
  tab: '服务与忠诚度',
  loyalty: {
    title: '忠诚度',
    type: { loyal: '忠诚客户', switching: '品牌转换型', none: '无忠诚度' },
    computed: '按规则：{{type}}',
    manual: '手工设定（{{on}}）',
    facts: '{{from}} 至 {{to}}：有采购的月份 {{active}} / 12，满意度评分 {{scores}}',
    factsScore: '{{from}} 至 {{to}}：有采购的月份 {{active}} / 12，平均满意度 {{avg}}（{{count}} 次）',
    factsScore_one: '{{from}} 至 {{to}}：有采购的月份 {{active}} / 12，平均满意度 {{avg}}（1 次）', // en needs a singular
    rule: '规则：近 12 个完整月中 ≥ 9 个月有采购且平均满意度 ≥ 3.5 为忠诚客户；≥ 3 个月为品牌转换型；其余为无忠诚度。',
    set: '手工设定',
    auto: '按规则计算',
    note: '说明',
    save: '保存',
    saved: '忠诚度已保存',
  },
  tasks: {
    title: '售后跟进任务',
    new: '新建任务',
    taskTitle: '任务',
    dueOn: '到期日',
    assignee: '负责人',
    note: '备注',
    status: '状态',
    open: '待办',
    overdue: '已逾期',
    done: '已完成 {{on}}',
    markDone: '完成',
    reopen: '重新打开',
    doneOn: '完成日期',
    result: '结果',
    empty: '暂无跟进任务',
    saved: '任务已保存',
  },
  satisfaction: {
    title: '满意度记录',
    new: '记录满意度',
    surveyedOn: '调查日期',
    score: '评分（1–5）',
    channel: '方式',
    note: '备注',
    empty: '暂无满意度记录',
    saved: '满意度已记录',
    actions: '操作',
    edit: '修改',
    editTitle: '修改满意度记录',
    updated: '满意度记录已修改',
    delete: '删除',
    deleteTitle: '删除满意度记录',
    deleteConfirm: '删除 {{date}} 的满意度记录（{{score}} 分，{{channel}}）？平均满意度和忠诚度将重新计算。',
    deleted: '满意度记录已删除',
    channels: { phone: '电话', visit: '拜访', online: '网上', letter: '信函' },
  },
  panel: {
    title: '客户忠诚度分布',
    window: '统计期 {{from}} 至 {{to}}（近 12 个完整月）',
    type: '忠诚度',
    customers: '客户数',
    customerShare: '客户占比',
    manual: '其中手工设定',
    sales: '销售额',
    salesShare: '销售占比',
    avgScore: '平均满意度 {{avg}}（{{count}} 次评分）',
    avgScore_one: '平均满意度 {{avg}}（1 次评分）',
    noScores: '统计期内暂无满意度评分',
    tasks: '待办跟进任务 {{open}} 项，其中逾期 {{overdue}} 项',
    tasks_one: '待办跟进任务 1 项，其中逾期 {{overdue}} 项',
  },
};

const en: typeof zhCN = {
  tab: 'Service & loyalty',
  loyalty: {
    title: 'Loyalty',
    type: { loyal: 'Loyal', switching: 'Brand-switching', none: 'No loyalty' },
    computed: 'By the rule: {{type}}',
    manual: 'Set by hand ({{on}})',
    facts: '{{from}} to {{to}}: bought in {{active}} of 12 months, satisfaction scores {{scores}}',
    factsScore:
      '{{from}} to {{to}}: bought in {{active}} of 12 months, average satisfaction {{avg}} ({{count}} scores)',
    factsScore_one: '{{from}} to {{to}}: bought in {{active}} of 12 months, average satisfaction {{avg}} (1 score)',
    rule: 'Rule: bought in ≥ 9 of the last 12 complete months with average satisfaction ≥ 3.5 → loyal; in ≥ 3 months → brand-switching; otherwise no loyalty.',
    set: 'Set by hand',
    auto: 'Use the rule',
    note: 'Note',
    save: 'Save',
    saved: 'Loyalty saved',
  },
  tasks: {
    title: 'After-sales follow-up tasks',
    new: 'New task',
    taskTitle: 'Task',
    dueOn: 'Due',
    assignee: 'Assignee',
    note: 'Note',
    status: 'Status',
    open: 'Open',
    overdue: 'Overdue',
    done: 'Done {{on}}',
    markDone: 'Done',
    reopen: 'Reopen',
    doneOn: 'Done on',
    result: 'Result',
    empty: 'No follow-up tasks',
    saved: 'Task saved',
  },
  satisfaction: {
    title: 'Satisfaction records',
    new: 'Record satisfaction',
    surveyedOn: 'Surveyed on',
    score: 'Score (1–5)',
    channel: 'Channel',
    note: 'Note',
    empty: 'No satisfaction records',
    saved: 'Satisfaction recorded',
    actions: 'Actions',
    edit: 'Edit',
    editTitle: 'Edit satisfaction record',
    updated: 'Satisfaction record updated',
    delete: 'Delete',
    deleteTitle: 'Delete satisfaction record',
    deleteConfirm:
      'Delete the satisfaction record of {{date}} (score {{score}}, {{channel}})? The average satisfaction and loyalty are recomputed.',
    deleted: 'Satisfaction record deleted',
    channels: { phone: 'Phone', visit: 'Visit', online: 'Online', letter: 'Letter' },
  },
  panel: {
    title: 'Customer loyalty',
    window: 'Period {{from}} to {{to}} (last 12 complete months)',
    type: 'Loyalty',
    customers: 'Customers',
    customerShare: 'Share of customers',
    manual: 'Set by hand',
    sales: 'Sales',
    salesShare: 'Share of sales',
    avgScore: 'Average satisfaction {{avg}} ({{count}} scores)',
    avgScore_one: 'Average satisfaction {{avg}} (1 score)',
    noScores: 'No satisfaction scores in the period',
    tasks: '{{open}} open follow-up tasks, {{overdue}} overdue',
    tasks_one: '1 open follow-up task, {{overdue}} overdue',
  },
};

export const SERVICE_NS = 'service';
export const serviceStrings = { 'zh-CN': zhCN, en } as const;

// How this area's audit rows read on the audit log (entity and action names), merged into the
// default namespace without overwriting what the main strings already name.
const auditStrings = {
  'zh-CN': {
    audit: { entities: { satisfaction: '满意度记录', service_task: '售后跟进任务', loyalty: '忠诚度' } },
    history: { actions: { delete: '删除', done: '完成', reopen: '重新打开', set: '手工设定', clear: '恢复按规则' } },
  },
  en: {
    audit: { entities: { satisfaction: 'Satisfaction record', service_task: 'Follow-up task', loyalty: 'Loyalty' } },
    history: {
      actions: { delete: 'Delete', done: 'Done', reopen: 'Reopen', set: 'Set by hand', clear: 'Back to the rule' },
    },
  },
} as const;

function register(): void {
  for (const [lang, strings] of Object.entries(serviceStrings)) {
    if (!i18n.hasResourceBundle(lang, SERVICE_NS)) i18n.addResourceBundle(lang, SERVICE_NS, strings, true, false);
  }
  for (const [lang, strings] of Object.entries(auditStrings))
    i18n.addResourceBundle(lang, 'translation', strings, true, false);
}

if (i18n.store) register();
else i18n.on('initialized', register);

export default i18n;
