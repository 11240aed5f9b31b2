// Pure data shaping for the receivables dashboard: period presets, KPI values, trend and
// top-overdue series. Amounts stay integer fen; chart values are yuan numbers for the axis only.
import type { DashboardOut } from '../../../shared/types-receivables';

export const PERIOD_PRESETS = ['last30', 'last90', 'last180', 'last365', 'month', 'quarter', 'year'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

function ymd(y: number, m: number, d: number): string {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.toISOString().slice(0, 10);
}

function addDaysIso(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The [from, to] of a period preset ending on `today` (both inclusive). */
export function periodRange(preset: PeriodPreset, today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number);
  switch (preset) {
    case 'last30':
      return { from: addDaysIso(today, -29), to: today };
    case 'last90':
      return { from: addDaysIso(today, -89), to: today };
    case 'last180':
      return { from: addDaysIso(today, -179), to: today };
    case 'last365':
      return { from: addDaysIso(today, -364), to: today };
    case 'month':
      return { from: ymd(y, m, 1), to: today };
    case 'quarter':
      return { from: ymd(y, Math.floor((m - 1) / 3) * 3 + 1, 1), to: today };
    case 'year':
      return { from: ymd(y, 1, 1), to: today };
  }
}

export interface TrendPoint {
  month: string;
  date: string;
  balance: number;
  yuan: number;
  /** change against the previous month-end, fen (null for the first point) */
  change: number | null;
}

export function trendSeries(trend: DashboardOut['trend']): TrendPoint[] {
  return trend.map((p, i) => ({ month: p.month, date: p.date, balance: p.balance, yuan: p.balance / 100, change: i === 0 ? null : p.balance - trend[i - 1].balance }));
}

export interface TopOverduePoint {
  customerId: number;
  code: string;
  name: string;
  /** "C000123 名称" shortened to `max` characters of name */
  label: string;
  overdue: number;
  total: number;
  /** overdue share of the customer's total, bp */
  shareBp: number | null;
  yuan: number;
}

export function topOverdueSeries(top: DashboardOut['topOverdue'], max = 8): TopOverduePoint[] {
  return top.map((r) => ({
    customerId: r.customerId,
    code: r.customerCode,
    name: r.customerName,
    label: `${r.customerCode} ${[...r.customerName].length > max ? `${[...r.customerName].slice(0, max).join('')}…` : r.customerName}`,
    overdue: r.overdue,
    total: r.total,
    shareBp: r.total > 0 ? Math.round((r.overdue * 10_000) / r.total) : null,
    yuan: r.overdue / 100,
  }));
}

export type KpiFormat = 'money' | 'percent' | 'days';
export interface KpiValue {
  key: 'totalReceivable' | 'overdue' | 'overdueShare' | 'dso' | 'collectionRate' | 'cost';
  format: KpiFormat;
  /** fen for money, bp for percent, days for days; null when not computable */
  value: number | null;
  /** a second figure shown under the value (fen or bp), if any */
  sub?: { key: string; format: KpiFormat; value: number | null }[];
  tone: 'normal' | 'warn' | 'bad' | 'good';
}

/** The KPI cards in order, with a tone a bookkeeper reads at a glance. */
export function kpiValues(d: DashboardOut): KpiValue[] {
  const share = d.overdueShareBp;
  const rate = d.collectionRate.bp;
  return [
    { key: 'totalReceivable', format: 'money', value: d.totalReceivable, sub: [{ key: 'notDue', format: 'money', value: d.notDue }, { key: 'unapplied', format: 'money', value: d.unapplied }], tone: 'normal' },
    {
      key: 'overdue',
      format: 'money',
      value: d.overdue,
      sub: [{ key: 'overdueShare', format: 'percent', value: share }],
      tone: share === null ? 'normal' : share >= 5000 ? 'bad' : share >= 2000 ? 'warn' : 'good',
    },
    { key: 'dso', format: 'days', value: d.dso === null ? null : Math.round(d.dso * 10) / 10, sub: [{ key: 'periodDays', format: 'days', value: d.period.days }], tone: 'normal' },
    {
      key: 'collectionRate',
      format: 'percent',
      value: rate,
      sub: [{ key: 'collected', format: 'money', value: d.period.collected }, { key: 'sales', format: 'money', value: d.period.sales }],
      tone: rate === null ? 'normal' : rate >= 8000 ? 'good' : rate >= 5000 ? 'warn' : 'bad',
    },
    {
      key: 'cost',
      format: 'money',
      value: d.cost.total,
      sub: [{ key: 'opportunityCost', format: 'money', value: d.cost.opportunityCost }, { key: 'provision', format: 'money', value: d.cost.provision }],
      tone: 'normal',
    },
  ];
}

/** Axis ticks in 万 (10,000 yuan) for Chinese, k for English: 1234567 yuan → "123.5万" / "1,235k". */
export function axisYuan(yuan: number, lang: 'zh-CN' | 'en'): string {
  if (lang === 'zh-CN') {
    if (Math.abs(yuan) >= 10_000) return `${(yuan / 10_000).toLocaleString('zh-CN', { maximumFractionDigits: 1 })}万`;
    return yuan.toLocaleString('zh-CN', { maximumFractionDigits: 0 });
  }
  if (Math.abs(yuan) >= 1_000_000) return `${(yuan / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })}M`;
  if (Math.abs(yuan) >= 1_000) return `${(yuan / 1_000).toLocaleString('en', { maximumFractionDigits: 0 })}k`;
  return yuan.toLocaleString('en', { maximumFractionDigits: 0 });
}
