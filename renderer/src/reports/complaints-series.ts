// Pure data shaping for 留档分析 (complaint analysis): counts and compensation by type, by month
// (every month of the range, empty ones too) and by responsibility; the average days to resolve.
// Amounts stay integer fen (the chart formats its axis with formatMoney).
import { COMPLAINT_TYPES, RESPONSIBILITIES, type ComplaintAnalysisRow } from '@shared/types-complaints';

export interface SeriesPoint {
  key: string;
  count: number;
  /** fen */
  amount: number;
}

function sumBy(
  rows: ComplaintAnalysisRow[],
  keyOf: (r: ComplaintAnalysisRow) => string,
  keys: readonly string[],
): SeriesPoint[] {
  const m = new Map<string, SeriesPoint>(keys.map((k) => [k, { key: k, count: 0, amount: 0 }]));
  for (const r of rows) {
    const k = keyOf(r);
    const p = m.get(k) ?? { key: k, count: 0, amount: 0 };
    p.count += r.count;
    p.amount += r.compensation;
    m.set(k, p);
  }
  return [...m.values()];
}

/** One point per complaint type, in the fixed order of the types. */
export function byType(rows: ComplaintAnalysisRow[]): SeriesPoint[] {
  return sumBy(rows, (r) => r.type, COMPLAINT_TYPES);
}

/** One point per responsibility; complaints without one yet under 'unassigned' (last). */
export function byResponsibility(rows: ComplaintAnalysisRow[]): SeriesPoint[] {
  return sumBy(rows, (r) => r.responsibility ?? 'unassigned', [...RESPONSIBILITIES, 'unassigned']);
}

/** Months YYYY-MM from the first to the last (inclusive). */
export function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** One point per month from `from` (or the first complaint) to `to` (or the last), gaps as zero. */
export function byMonth(rows: ComplaintAnalysisRow[], from?: string | null, to?: string | null): SeriesPoint[] {
  const months = rows.map((r) => r.month).sort();
  const first = from ? from.slice(0, 7) : months[0];
  const last = to ? to.slice(0, 7) : months[months.length - 1];
  if (!first || !last || first > last) return [];
  const keys = monthRange(first, last);
  return sumBy(rows, (r) => r.month, keys).filter((p) => keys.includes(p.key));
}

/** Average days from received to resolved over resolved complaints, one decimal; null when none. */
export function averageResolveDays(rows: ComplaintAnalysisRow[]): number | null {
  let days = 0;
  let n = 0;
  for (const r of rows) {
    days += r.resolveDays;
    n += r.resolvedCount;
  }
  return n === 0 ? null : Math.round((days * 10) / n) / 10;
}

export function totals(rows: ComplaintAnalysisRow[]): { count: number; amount: number } {
  return rows.reduce((a, r) => ({ count: a.count + r.count, amount: a.amount + r.compensation }), {
    count: 0,
    amount: 0,
  });
}
