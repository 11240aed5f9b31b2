// Pure data shaping for the collections KPIs on the receivables dashboard: the three KPI cards
// (CEI, best-possible DSO beside DSO, promise-kept rate) and the 13-week cash-in forecast bars.
// Amounts stay integer fen (the axis formats them); ratios basis points; days in tenths.
import type { CollectionsKpisOut } from '@shared/types-collections-kpis';

export type CollectionsKpiKey = 'cei' | 'bestDso' | 'promiseKept';

export interface CollectionsKpiCard {
  key: CollectionsKpiKey;
  format: 'percent' | 'days';
  /** basis points for percent, tenths of a day for days; null when there is no figure */
  value: number | null;
  sub: { key: string; format: 'money' | 'count'; value: number }[];
  tone: 'normal' | 'good' | 'warn' | 'bad';
}

function tone(bp: number | null, good: number, warn: number): CollectionsKpiCard['tone'] {
  if (bp === null) return 'normal';
  return bp >= good ? 'good' : bp >= warn ? 'warn' : 'bad';
}

export function collectionsKpiCards(k: CollectionsKpisOut): CollectionsKpiCard[] {
  return [
    {
      key: 'cei',
      format: 'percent',
      value: k.cei.bp,
      sub: [
        { key: 'closing', format: 'money', value: k.cei.closing },
        { key: 'closingCurrent', format: 'money', value: k.cei.closingCurrent },
      ],
      // CEI ≥ 80 % is commonly read as good collection, below 50 % as poor
      tone: tone(k.cei.bp, 8000, 5000),
    },
    { key: 'bestDso', format: 'days', value: k.bestPossibleDsoTenths, sub: [], tone: 'normal' },
    {
      key: 'promiseKept',
      format: 'percent',
      value: k.promiseKept.bp,
      sub: [
        { key: 'kept', format: 'count', value: k.promiseKept.kept },
        { key: 'decided', format: 'count', value: k.promiseKept.decided },
      ],
      tone: tone(k.promiseKept.bp, 8000, 5000),
    },
  ];
}

/** "12.3" from tenths (123), "—" for none. */
export function tenthsText(tenths: number | null): string {
  if (tenths === null) return '—';
  const sign = tenths < 0 ? '-' : '';
  const a = Math.abs(tenths);
  return `${sign}${(a - (a % 10)) / 10}.${a % 10}`;
}

export interface ForecastBar {
  key: string;
  /** 'pastDue', 'week' or 'later' (the label is translated by kind; weeks show their first day) */
  kind: 'pastDue' | 'week' | 'later';
  week: number | null;
  from: string | null;
  to: string | null;
  /** fen */
  expected: number;
  /** running total of the 13 weeks (fen), null for the bars around them */
  cumulative: number | null;
}

/**
 * The forecast as bars: expected already (past due beyond the customer's habit), then the 13
 * weeks, then later; the past-due and later bars are left out when zero.
 */
export function forecastBars(f: CollectionsKpisOut['forecast']): ForecastBar[] {
  const bars: ForecastBar[] = [];
  if (f.pastDue)
    bars.push({
      key: 'pastDue',
      kind: 'pastDue',
      week: null,
      from: null,
      to: null,
      expected: f.pastDue,
      cumulative: null,
    });
  let sum = 0;
  for (const w of f.weeks) {
    sum += w.expected;
    bars.push({
      key: `w${w.week}`,
      kind: 'week',
      week: w.week,
      from: w.from,
      to: w.to,
      expected: w.expected,
      cumulative: sum,
    });
  }
  if (f.later)
    bars.push({ key: 'later', kind: 'later', week: null, from: null, to: null, expected: f.later, cumulative: null });
  return bars;
}

/** Axis label of a week bar: its first day as MM-DD (zh-CN "6/1" style is left to the caller). */
export function weekLabel(b: ForecastBar): string {
  return b.from ? `${Number(b.from.slice(5, 7))}/${Number(b.from.slice(8, 10))}` : '';
}
