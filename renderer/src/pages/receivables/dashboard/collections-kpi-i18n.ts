// Strings of the collections KPIs on the receivables dashboard, in their own i18next namespace
// 'collectionsKpi' (zh-CN default, en); importing this module registers them.
import i18n from 'i18next';

const zhCN = {
  title: '催收指标',
  cei: '回款有效性指数 CEI',
  ceiHint: 'CEI =（期初应收 + 本期赊销 − 期末应收）÷（期初应收 + 本期赊销 − 期末未到期应收）× 100%',
  bestDso: '最佳应收账款周转天数',
  bestDsoHint: '最佳DSO = 期末未到期应收 ÷ 本期赊销 × 期间天数（全部按期回款时的DSO）',
  promiseKept: '承诺兑现率',
  promiseKeptHint: '本期到期的付款承诺中，已兑现 ÷ 已判定（兑现、部分兑现、违约）',
  closing: '期末应收',
  closingCurrent: '其中未到期',
  kept: '已兑现',
  decided: '已判定',
  days: '{{n}} 天',
  count: '{{n}} 笔',
  forecastTitle: '未来13周回款预测',
  forecastHint: '每张未结发票按到期日加上该客户历史平均逾期天数预计回款（无历史按0天）',
  pastDue: '已过预计日',
  later: '13周以后',
  pastDueShort: '已过',
  laterShort: '以后',
  week: '第{{n}}周',
  expected: '预计回款',
  cumulative: '累计',
  noData: '暂无未结发票',
};

const en: typeof zhCN = {
  title: 'Collections',
  cei: 'Collection effectiveness (CEI)',
  ceiHint: 'CEI = (opening AR + credit sales − closing AR) ÷ (opening AR + credit sales − closing current AR) × 100 %',
  bestDso: 'Best-possible DSO',
  bestDsoHint: 'Best-possible DSO = closing current AR ÷ credit sales × days (DSO if everything were paid on time)',
  promiseKept: 'Promises kept',
  promiseKeptHint: 'Of the promises due in the period: kept ÷ decided (kept, partly kept, broken)',
  closing: 'Closing AR',
  closingCurrent: 'of which not due',
  kept: 'Kept',
  decided: 'Decided',
  days: '{{n}} days',
  count: '{{n}}',
  forecastTitle: '13-week cash-in forecast',
  forecastHint: "Each open invoice expected at its due date plus the customer's average days late (none: 0)",
  pastDue: 'Past expected',
  later: 'After 13 weeks',
  pastDueShort: 'Past',
  laterShort: 'Later',
  week: 'Week {{n}}',
  expected: 'Expected',
  cumulative: 'Cumulative',
  noData: 'No open invoices',
};

export const COLLECTIONS_KPI_NS = 'collectionsKpi';

for (const [lang, strings] of Object.entries({ 'zh-CN': zhCN, en }))
  if (!i18n.hasResourceBundle(lang, COLLECTIONS_KPI_NS))
    i18n.addResourceBundle(lang, COLLECTIONS_KPI_NS, strings, true, false);
