// Strings of customer analysis (客户分析: value tiers, Pareto, composition), in their own i18next
// namespace 'analysis' (zh-CN default, en). Importing this module registers them.
import i18n from "i18next";

const zhCN = {
  nav: "客户分析",
  title: "客户分析",
  tierOption: { A: "A 级", B: "B 级", C: "C 级", none: "未计算" },
  notRated: "未评级",
  customers: { filterValueTier: "价值等级" },
  recompute: "重新计算等级",
  recomputed: "已重新计算：A {{A}} 家，B {{B}} 家，C {{C}} 家",
  asOf: "计算日期",
  lastRun:
    "最近计算：{{asOf}}（{{from}} 至 {{to}}，{{months}} 个月，{{method}}）· {{who}}",
  lastRunAuto: "每月自动",
  neverComputed:
    "尚未计算价值等级。点击“重新计算等级”按 SPEC 规则计算并保存到每个客户。",
  method: { pareto: "累计占比法", threshold: "等级标准额" },
  settings: {
    title: "等级设置",
    months: "统计月数",
    method: "分级方法",
    aPercent: "A 级累计占比 ≤ (%)",
    bPercent: "B 级累计占比 ≤ (%)",
    aMin: "A 级标准额（月均 ≥）",
    bMin: "B 级标准额（月均 ≥）",
    save: "保存设置",
    saved: "设置已保存",
  },
  error: {
    months: "统计月数须为 3 到 6 的整数",
    aPercent: "A 级占比须为 1–99 的整数",
    bPercent: "B 级占比须大于 A 级占比且不超过 100",
    bMin: "B 级标准额须大于 0",
    thresholdsIncreasing: "A 级标准额须大于 B 级标准额",
    invalid: "请输入有效数值",
  },
  pareto: {
    title: "帕累托图（按月均销售额）",
    bars: "月均销售额",
    cumulative: "累计占比",
    customer: "客户",
    rank: "排名",
    bucket: "第 {{from}}–{{to}} 名",
    aggregated: "客户较多，按 {{size}} 家一组合并显示",
    empty: "没有可显示的数据",
  },
  counts: {
    title: "等级分布",
    tier: "等级",
    customers: "客户数",
    customerShare: "客户占比",
    sales: "期间销售额",
    salesShare: "销售占比",
    total: "合计",
  },
  matrix: {
    title: "价值等级 × 信用等级",
    hint: "每格：客户数 / 未收应收款；点击打开客户列表",
    tier: "价值等级",
    none: "未计算",
  },
  movement: {
    title: "等级变动（与上次计算相比）",
    up: "升级",
    down: "降级",
    none: "无变动",
    from: "原等级",
    to: "新等级",
    avg: "月均销售额",
  },
  composition: {
    title: "客户构成",
    nature: "按性质",
    region: "按区域",
    industry: "按行业",
    tier: "按价值等级",
    key: "分类",
    customers: "客户数",
    sales: "期间销售额",
    share: "销售占比",
    unknown: "未填写",
    note: "贡献 = 销售占比（账套中没有毛利数据）",
  },
  overview: {
    tab: "概览",
    balance: "应收余额",
    overdue: "逾期金额",
    creditUsed: "已用额度",
    available: "可用额度",
    noLimit: "未设额度",
    overLimit: "超出额度",
    tier: "价值等级",
    rating: "信用等级",
    dso: "客户 DSO",
    daysLate: "平均逾期天数",
    days: "{{n}} 天",
    ageing: "账龄（按逾期天数）",
    trend: "近 12 个月销售与回款",
    sales: "销售",
    receipts: "回款",
    activity: "最近动态",
    noActivity: "暂无记录",
    noOpen: "没有未收款项",
    unapplied: "含未核销 {{amount}}",
    kind: {
      invoice: "发票",
      receipt: "收款",
      credit_note: "红字/折让",
      statement_sent: "寄出对账单",
      slip_returned: "回执收回",
    },
  },
  card: { tierOn: "{{date}} 计算" },
  batch: {
    tiersNotComputed:
      "尚未计算价值等级，按等级筛选不会选中任何客户。请先在“客户分析”页重新计算。",
    tiersMatchNobody:
      "所选价值等级目前没有客户（共 A {{A}}、B {{B}}、C {{C}} 家，计算于 {{asOf}}）。",
    tiersMatch:
      "所选价值等级共有 {{n}} 家客户（计算于 {{asOf}}）；只打印其中有余额的客户。",
  },
};

const en: typeof zhCN = {
  nav: "Customer analysis",
  title: "Customer analysis",
  tierOption: { A: "Tier A", B: "Tier B", C: "Tier C", none: "Not computed" },
  notRated: "Not rated",
  customers: { filterValueTier: "Value tier" },
  recompute: "Recompute tiers",
  recomputed: "Recomputed: A {{A}}, B {{B}}, C {{C}} customers",
  asOf: "As of",
  lastRun:
    "Last computed: {{asOf}} ({{from}} to {{to}}, {{months}} months, {{method}}) · {{who}}",
  lastRunAuto: "monthly run",
  neverComputed:
    "Value tiers have not been computed yet. “Recompute tiers” applies the SPEC rule and stores a tier on every customer.",
  method: { pareto: "cumulative share", threshold: "threshold amounts" },
  settings: {
    title: "Tier settings",
    months: "Months",
    method: "Method",
    aPercent: "Tier A cumulative ≤ (%)",
    bPercent: "Tier B cumulative ≤ (%)",
    aMin: "Tier A threshold (monthly ≥)",
    bMin: "Tier B threshold (monthly ≥)",
    save: "Save settings",
    saved: "Settings saved",
  },
  error: {
    months: "Months must be a whole number from 3 to 6",
    aPercent: "Tier A share must be a whole number 1–99",
    bPercent: "Tier B share must be above tier A share and at most 100",
    bMin: "Tier B threshold must be above 0",
    thresholdsIncreasing: "Tier A threshold must be above tier B threshold",
    invalid: "Enter a valid number",
  },
  pareto: {
    title: "Pareto chart (average monthly sales)",
    bars: "Average monthly sales",
    cumulative: "Cumulative share",
    customer: "Customer",
    rank: "Rank",
    bucket: "Ranks {{from}}–{{to}}",
    aggregated: "Many customers: bars grouped by {{size}}",
    empty: "Nothing to show",
  },
  counts: {
    title: "Tier distribution",
    tier: "Tier",
    customers: "Customers",
    customerShare: "Customer share",
    sales: "Sales in window",
    salesShare: "Sales share",
    total: "Total",
  },
  matrix: {
    title: "Value tier × credit rating",
    hint: "Each cell: customers / open receivables; click to open the customer list",
    tier: "Value tier",
    none: "Not computed",
  },
  movement: {
    title: "Tier movement since the previous computation",
    up: "Moved up",
    down: "Moved down",
    none: "No changes",
    from: "From",
    to: "To",
    avg: "Avg monthly sales",
  },
  composition: {
    title: "Customer composition",
    nature: "By nature",
    region: "By region",
    industry: "By industry",
    tier: "By value tier",
    key: "Group",
    customers: "Customers",
    sales: "Sales in window",
    share: "Sales share",
    unknown: "Not filled in",
    note: "Contribution = share of sales (the book holds no gross margin)",
  },
  overview: {
    tab: "Overview",
    balance: "Balance",
    overdue: "Overdue",
    creditUsed: "Credit used",
    available: "Available",
    noLimit: "No limit set",
    overLimit: "Over the limit",
    tier: "Value tier",
    rating: "Credit rating",
    dso: "Customer DSO",
    daysLate: "Average days late",
    days: "{{n}} days",
    ageing: "Ageing (days past due)",
    trend: "Sales and receipts, last 12 months",
    sales: "Sales",
    receipts: "Receipts",
    activity: "Recent activity",
    noActivity: "Nothing yet",
    noOpen: "Nothing open",
    unapplied: "incl. unapplied {{amount}}",
    kind: {
      invoice: "Invoice",
      receipt: "Receipt",
      credit_note: "Credit note",
      statement_sent: "Statement sent",
      slip_returned: "Slip returned",
    },
  },
  card: { tierOn: "computed {{date}}" },
  batch: {
    tiersNotComputed:
      "Value tiers have not been computed, so a tier filter selects nobody. Recompute them on the Customer analysis page first.",
    tiersMatchNobody:
      "No customer has the chosen tiers (A {{A}}, B {{B}}, C {{C}}, computed {{asOf}}).",
    tiersMatch:
      "{{n}} customers have the chosen tiers (computed {{asOf}}); only those with a balance are printed.",
  },
};

export const ANALYSIS_NS = "analysis";
export const analysisStrings = { "zh-CN": zhCN, en } as const;

function register(): void {
  for (const [lang, strings] of Object.entries(analysisStrings)) {
    if (!i18n.hasResourceBundle(lang, ANALYSIS_NS))
      i18n.addResourceBundle(lang, ANALYSIS_NS, strings, true, false);
  }
}

if (i18n.store) register();
else i18n.on("initialized", register);

export default i18n;
