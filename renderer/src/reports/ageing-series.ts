// Pure data shaping for the ageing screens: bucket labels, bucket sets from day boundaries,
// chart series, the side-by-side (due + issue) merge. No React, no i18n instance: unit tested.
import type { AgeingBucketDef, AgeingReportOut, AgeingReportRow } from '@shared/types-receivables';
import { formatBp } from '@shared/money';

/** Bucket keys that have their own translated label (ar.bucket.<key>). */
export const KNOWN_BUCKET_KEYS = [
  'not_due',
  '1-30',
  '31-60',
  '61-90',
  '91-180',
  '181-365',
  'over_365',
  'y0-1',
  'y1-2',
  'y2-3',
  'y3-4',
  'y4-5',
  'over_5y',
] as const;

export type BucketLabelSpec =
  | { kind: 'known'; key: string }
  | { kind: 'upTo'; to: number }
  | { kind: 'over'; from: number }
  | { kind: 'range'; from: number; to: number }
  | { kind: 'all' };

/** How to label a bucket: a known key, else by its day range. */
export function bucketLabelSpec(def: AgeingBucketDef): BucketLabelSpec {
  if ((KNOWN_BUCKET_KEYS as readonly string[]).includes(def.key)) return { kind: 'known', key: def.key };
  if (def.from === null && def.to === null) return { kind: 'all' };
  if (def.from === null) return { kind: 'upTo', to: def.to as number };
  if (def.to === null) return { kind: 'over', from: def.from - 1 };
  return { kind: 'range', from: def.from, to: def.to };
}

/**
 * A bucket set from upper bounds (days, ascending): [0, 30, 60] →
 * not_due (≤0), 1-30, 31-60, over_60. Keys match the default set where they coincide.
 */
export function bucketsFromBounds(bounds: number[]): AgeingBucketDef[] {
  const sorted = [...new Set(bounds.filter((b) => Number.isInteger(b)))].sort((a, b) => a - b);
  if (sorted.length === 0) return [{ key: 'all', from: null, to: null }];
  const out: AgeingBucketDef[] = [];
  sorted.forEach((b, i) => {
    if (i === 0) out.push({ key: b === 0 ? 'not_due' : `le_${b}`, from: null, to: b });
    else out.push({ key: `${sorted[i - 1] + 1}-${b}`, from: sorted[i - 1] + 1, to: b });
  });
  const last = sorted[sorted.length - 1];
  out.push({ key: `over_${last}`, from: last + 1, to: null });
  return out;
}

/**
 * The provision matrix from its rows' upper limits, as typed (the last row has none): each bucket
 * starts the day after the previous ends. A bucket whose range equals a saved one keeps its key
 * (so its label and history stay); others are keyed by range. Bad edges are passed on as they are:
 * main checks them and names the bucket.
 */
export function bucketsFromEdges(
  edges: readonly (number | null)[],
  saved: readonly AgeingBucketDef[],
): AgeingBucketDef[] {
  const used = new Set<string>();
  return edges.map((edge, i) => {
    const prev = i > 0 ? edges[i - 1] : null;
    const from = i === 0 || prev === null ? null : prev + 1;
    const to = i === edges.length - 1 ? null : edge;
    let key =
      saved.find((b) => b.from === from && b.to === to)?.key ??
      (from === null ? (to === null ? 'all' : `le_${to}`) : to === null ? `over_${from - 1}` : `${from}-${to}`);
    if (used.has(key)) key = `${key}_${i + 1}`; // only with bad edges; keeps keys unique so main reports the edge
    used.add(key);
    return { key, from, to };
  });
}

/** The upper bounds of a bucket set (inverse of bucketsFromBounds). */
export function boundsOfBuckets(set: AgeingBucketDef[]): number[] {
  return set.filter((b) => b.to !== null).map((b) => b.to as number);
}

/** "0, 30, 60" → [0, 30, 60]; null when a part is not a whole number. */
export function parseBounds(text: string): number[] | null {
  const parts = text
    .split(/[,，、\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return null;
  const nums = parts.map((p) => (/^-?\d+$/.test(p) ? Number(p) : NaN));
  if (nums.some((n) => !Number.isInteger(n))) return null;
  for (let i = 1; i < nums.length; i++) if (nums[i] <= nums[i - 1]) return null;
  return nums;
}

export interface BucketBar {
  key: string;
  /** fen held by the `topN` customers with the largest totals */
  top: number;
  /** fen held by everyone else */
  others: number;
  /** top + others (= the report's bucket total) */
  total: number;
}

/**
 * Stacked bars of the report's bucket totals: for each bucket, the part held by the `topN`
 * largest customers (by total) and the rest — how concentrated each age band is.
 */
export function ageingBucketSeries(
  report: Pick<AgeingReportOut, 'buckets' | 'rows' | 'totals'>,
  topN = 10,
): BucketBar[] {
  const top = [...report.rows]
    .sort(
      (a, b) => b.total - a.total || (a.customerCode < b.customerCode ? -1 : a.customerCode > b.customerCode ? 1 : 0),
    )
    .slice(0, topN);
  return report.buckets.map((b) => {
    const total = report.totals.buckets[b.key] ?? 0;
    const t = top.reduce((s, r) => s + (r.buckets[b.key] ?? 0), 0);
    return { key: b.key, top: t, others: total - t, total };
  });
}

export interface DistributionSlice {
  key: string;
  amount: number;
  /** share of the aged (positive) total in basis points, null when nothing is aged */
  shareBp: number | null;
}

/** Bucket totals with their share of Σ buckets (unapplied credits are not aged). */
export function ageingDistribution(report: Pick<AgeingReportOut, 'buckets' | 'totals'>): DistributionSlice[] {
  const sum = report.buckets.reduce((s, b) => s + (report.totals.buckets[b.key] ?? 0), 0);
  return report.buckets.map((b) => {
    const amount = report.totals.buckets[b.key] ?? 0;
    return { key: b.key, amount, shareBp: sum === 0 ? null : Math.round((amount * 10_000) / sum) };
  });
}

export interface MergedAgeingRow {
  customerId: number;
  customerCode: string;
  customerName: string;
  due: Record<string, number>;
  issue: Record<string, number>;
  unapplied: number;
  total: number;
  creditLimit: number;
  limitUsedBp: number | null;
}

/** One row per customer with both bases' bucket amounts (for the side-by-side view). */
export function mergeAgeingRows(due: AgeingReportRow[], issue: AgeingReportRow[] | null): MergedAgeingRow[] {
  const byId = new Map<number, MergedAgeingRow>();
  for (const r of due) {
    byId.set(r.customerId, {
      customerId: r.customerId,
      customerCode: r.customerCode,
      customerName: r.customerName,
      due: r.buckets,
      issue: {},
      unapplied: r.unapplied,
      total: r.total,
      creditLimit: r.creditLimit,
      limitUsedBp: r.limitUsedBp,
    });
  }
  for (const r of issue ?? []) {
    const m = byId.get(r.customerId);
    if (m) m.issue = r.buckets;
    else
      byId.set(r.customerId, {
        customerId: r.customerId,
        customerCode: r.customerCode,
        customerName: r.customerName,
        due: {},
        issue: r.buckets,
        unapplied: r.unapplied,
        total: r.total,
        creditLimit: r.creditLimit,
        limitUsedBp: r.limitUsedBp,
      });
  }
  return [...byId.values()].sort((a, b) =>
    a.customerCode < b.customerCode ? -1 : a.customerCode > b.customerCode ? 1 : 0,
  );
}

export type AgeingSortKey =
  'code' | 'name' | 'total' | 'unapplied' | 'creditLimit' | 'limitUsed' | `due:${string}` | `issue:${string}`;

/** Sort merged rows; ties by code. */
export function sortAgeingRows(rows: MergedAgeingRow[], key: AgeingSortKey, order: 'asc' | 'desc'): MergedAgeingRow[] {
  const val = (r: MergedAgeingRow): number | string => {
    if (key === 'code') return r.customerCode;
    if (key === 'name') return r.customerName;
    if (key === 'total') return r.total;
    if (key === 'unapplied') return r.unapplied;
    if (key === 'creditLimit') return r.creditLimit;
    if (key === 'limitUsed') return r.limitUsedBp ?? -1;
    if (key.startsWith('due:')) return r.due[key.slice(4)] ?? 0;
    return r.issue[key.slice(6)] ?? 0;
  };
  const dir = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = val(a);
    const y = val(b);
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
    if (c !== 0) return c * dir;
    return a.customerCode < b.customerCode ? -1 : 1;
  });
}

/** Basis points → "12.3%" (one decimal), null → "—". */
export function percentText(bp: number | null | undefined, digits: 0 | 1 | 2 = 1): string {
  if (bp === null || bp === undefined) return '—';
  return `${formatBp(bp, digits)}%`;
}

/** Bucket colours from young (calm) to old (alarming), in bucket order. */
export const DEFAULT_BUCKET_COLORS = [
  '#52a35a',
  '#9ccc65',
  '#f2c94c',
  '#f2994a',
  '#eb5757',
  '#b22a2a',
  '#6d1b1b',
] as const;
