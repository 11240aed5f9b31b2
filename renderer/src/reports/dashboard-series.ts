// Pure data shaping for the receivables dashboard: period presets, KPI values, trend and
// top-overdue series. Amounts stay integer fen; chart values are yuan numbers for the axis only.
import type { DashboardOut } from '@shared/types-receivables';

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
  /** change against the previous month-end, fen (null for the first point) */
  change: number | null;
}

export function trendSeries(trend: DashboardOut['trend']): TrendPoint[] {
  return trend.map((p, i) => ({
    month: p.month,
    date: p.date,
    balance: p.balance,
    change: i === 0 ? null : p.balance - trend[i - 1].balance,
  }));
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
    {
      key: 'totalReceivable',
      format: 'money',
      value: d.totalReceivable,
      sub: [
        { key: 'notDue', format: 'money', value: d.notDue },
        { key: 'unapplied', format: 'money', value: d.unapplied },
      ],
      tone: 'normal',
    },
    {
      key: 'overdue',
      format: 'money',
      value: d.overdue,
      sub: [{ key: 'overdueShare', format: 'percent', value: share }],
      tone: share === null ? 'normal' : share >= 5000 ? 'bad' : share >= 2000 ? 'warn' : 'good',
    },
    {
      key: 'dso',
      format: 'days',
      value: d.dso === null ? null : Math.round(d.dso * 10) / 10,
      sub: [{ key: 'periodDays', format: 'days', value: d.period.days }],
      tone: 'normal',
    },
    {
      key: 'collectionRate',
      format: 'percent',
      value: rate,
      sub: [
        { key: 'collected', format: 'money', value: d.period.collected },
        { key: 'sales', format: 'money', value: d.period.sales },
      ],
      tone: rate === null ? 'normal' : rate >= 8000 ? 'good' : rate >= 5000 ? 'warn' : 'bad',
    },
    {
      key: 'cost',
      format: 'money',
      value: d.cost.total,
      sub: [
        { key: 'opportunityCost', format: 'money', value: d.cost.opportunityCost },
        { key: 'provision', format: 'money', value: d.cost.provision },
      ],
      tone: 'normal',
    },
  ];
}

/** Axis ticks in 万 (10,000 yuan) for Chinese, k for English: 1234567 yuan → "123.5万" / "1,235k". */
/**
 * Compact axis label for an amount in fen, by integer arithmetic: zh-CN "2.5万" / "800",
 * en "2.5M" / "25k" / "800". Ticks are rounded to whole fen first (recharts may hand fractions).
 */
export function axisMoney(fen: number, lang: 'zh-CN' | 'en'): string {
  const f = Math.round(fen);
  const a = Math.abs(f);
  const sign = f < 0 ? '-' : '';
  // a / unit rounded half away from zero to one decimal, as text ("2.5", "3")
  const oneDecimal = (unit: number) => {
    const tenth = unit / 10;
    const q = (a - (a % tenth)) / tenth + (a % tenth >= tenth / 2 ? 1 : 0);
    return q % 10 === 0 ? String(q / 10) : `${(q - (q % 10)) / 10}.${q % 10}`;
  };
  const yuan = (a - (a % 100)) / 100 + (a % 100 >= 50 ? 1 : 0);
  if (lang === 'zh-CN') {
    if (a >= 1_000_000) return `${sign}${oneDecimal(1_000_000)}万`;
    return `${sign}${yuan.toLocaleString('zh-CN')}`;
  }
  if (a >= 100_000_000) return `${sign}${oneDecimal(100_000_000)}M`;
  // one decimal kept: ticks 1,500 / 3,000 / 4,500 read 1.5k / 3k / 4.5k, not 1k / 3k / 4k
  if (a >= 100_000) return `${sign}${oneDecimal(100_000)}k`;
  return `${sign}${yuan.toLocaleString('en')}`;
}
