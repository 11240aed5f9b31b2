// Pure shaping for the customer overview (概览): the credit-use bar and the trend's month labels.
export interface CreditUse {
  /** percent of the limit in use, capped at 100 for the bar (display only) */
  percent: number;
  over: boolean;
  hasLimit: boolean;
}

/** `hasLimit` false: the customer has no limit (nothing is over). A limit of 0 that is a limit
 *  ("no credit") makes any use over it. */
export function creditUse(used: number, limit: number, hasLimit: boolean): CreditUse {
  if (!hasLimit) return { percent: 0, over: false, hasLimit: false };
  if (limit <= 0) return { percent: used > 0 ? 100 : 0, over: used > 0, hasLimit: true };
  const pct = Math.floor((used * 100) / limit);
  return { percent: Math.min(100, pct), over: used > limit, hasLimit: true };
}

/** "2026-03" → "3月" (zh-CN) or "Mar" (en); January shows the year so the axis reads across years. */
export function monthLabel(month: string, lang: 'zh-CN' | 'en'): string {
  const [y, m] = month.split('-').map(Number);
  if (lang === 'zh-CN') return m === 1 ? `${y}年1月` : `${m}月`;
  const name = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  return m === 1 ? `${name} ${y}` : name;
}
