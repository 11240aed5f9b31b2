// Value tiers A/B/C (ABC分类), SPEC §3 "The exact rule". Pure: no clock, no I/O.
// Money is integer fen; the share comparisons use BigInt so 100·cum never loses precision.
import { addMonths, assertDate, monthEnd, monthStart, type IsoDate } from './dates';

export type ValueTier = 'A' | 'B' | 'C';
export const VALUE_TIERS: readonly ValueTier[] = ['A', 'B', 'C'];

export const TIER_MONTHS_MIN = 3;
export const TIER_MONTHS_MAX = 6;

export interface TierWindow {
  from: IsoDate;
  to: IsoDate;
}

/** Pareto split: A while 100·cum ≤ aPercent·T, B while ≤ bPercent·T (integers, 0 < a < b ≤ 100). */
export interface ParetoMethod {
  kind: 'pareto';
  aPercent: number;
  bPercent: number;
}

/** 等级标准额: A when the average monthly sales ≥ aMin fen, B when ≥ bMin fen (0 < bMin < aMin). */
export interface ThresholdMethod {
  kind: 'threshold';
  aMin: number;
  bMin: number;
}

export type TierMethod = ParetoMethod | ThresholdMethod;
export const DEFAULT_TIER_METHOD: ParetoMethod = { kind: 'pareto', aPercent: 80, bPercent: 95 };

export interface TierSalesInput {
  customerCode: string;
  /** Invoices issued in the window (voided excluded), fen. */
  invoiced: number;
  /** Credit notes dated in the window (voided excluded), fen. */
  credited: number;
}

export interface TierRow {
  customerCode: string;
  sales: number;
  averageMonthly: number;
  tier: ValueTier;
}

export function assertTierMonths(months: number): void {
  if (!Number.isInteger(months) || months < TIER_MONTHS_MIN || months > TIER_MONTHS_MAX) {
    throw new RangeError(`months must be an integer ${TIER_MONTHS_MIN}–${TIER_MONTHS_MAX}, got ${months}`);
  }
}

/**
 * The N whole calendar months ending with the last complete month on or before D.
 * D on the last day of its month completes that month, so it counts.
 */
export function tierWindow(asOf: IsoDate, months: number): TierWindow {
  assertDate(asOf, 'asOf');
  assertTierMonths(months);
  const lastMonthEnd = asOf === monthEnd(asOf) ? asOf : monthEnd(addMonths(monthStart(asOf), -1));
  const from = addMonths(monthStart(lastMonthEnd), -(months - 1));
  return { from, to: lastMonthEnd };
}

/** Net sales in the window; below zero counts as zero. */
export function netSales(invoiced: number, credited: number): number {
  return Math.max(0, invoiced - credited);
}

/** sales ÷ months in fen, rounded half away from zero (exact, via BigInt). */
export function averageMonthly(sales: number, months: number): number {
  if (sales >= 0 && Number.isSafeInteger(4 * sales + 2 * months)) {
    // floor((2s + N) / 2N) on safe integers; the float quotient is corrected by one if it rounded
    const a = 2 * sales + months;
    const b = 2 * months;
    let q = Math.floor(a / b);
    if (q * b > a) q--;
    else if ((q + 1) * b <= a) q++;
    return q;
  }
  const s = BigInt(sales);
  const n = BigInt(months);
  const neg = s < 0n;
  const abs = neg ? -s : s;
  const q = (2n * abs + n) / (2n * n);
  return Number(neg ? -q : q);
}

/** Ranking order: average descending, ties by customer code ascending. */
export function compareRanked(
  a: { averageMonthly: number; customerCode: string },
  b: { averageMonthly: number; customerCode: string },
): number {
  if (a.averageMonthly !== b.averageMonthly) return b.averageMonthly - a.averageMonthly;
  return a.customerCode < b.customerCode ? -1 : a.customerCode > b.customerCode ? 1 : 0;
}

/** Why a method is not acceptable, per field (i18n keys), or null when it is fine. */
export function tierMethodError(method: TierMethod): { field: string; message: string } | null {
  if (method.kind === 'pareto') {
    const { aPercent: a, bPercent: b } = method;
    if (!Number.isInteger(a) || a < 1 || a > 99) return { field: 'aPercent', message: 'analysis.error.aPercent' };
    if (!Number.isInteger(b) || b <= a || b > 100) return { field: 'bPercent', message: 'analysis.error.bPercent' };
    return null;
  }
  const { aMin, bMin } = method;
  if (!Number.isSafeInteger(bMin) || bMin <= 0) return { field: 'bMin', message: 'analysis.error.bMin' };
  if (!Number.isSafeInteger(aMin) || aMin <= bMin)
    return { field: 'aMin', message: 'analysis.error.thresholdsIncreasing' };
  return null;
}

/** Ranks every customer given and assigns its tier. Input: only customers to be ranked. */
export function computeTiers(
  inputs: readonly TierSalesInput[],
  months: number,
  method: TierMethod = DEFAULT_TIER_METHOD,
): TierRow[] {
  return computeTierColumns(
    {
      codes: inputs.map((i) => i.customerCode),
      invoiced: inputs.map((i) => i.invoiced),
      credited: inputs.map((i) => i.credited),
    },
    months,
    method,
  );
}

/** The ranking's input as columns: one entry per customer to be ranked. */
export interface TierSalesColumns {
  codes: readonly string[];
  invoiced: ArrayLike<number>;
  credited: ArrayLike<number>;
}

/**
 * computeTiers over columns (the book's whole-customer read): the rows are built once, in rank
 * order, with no intermediate objects per customer.
 */
export function computeTierColumns(
  input: TierSalesColumns,
  months: number,
  method: TierMethod = DEFAULT_TIER_METHOD,
): TierRow[] {
  assertTierMonths(months);
  const err = tierMethodError(method);
  if (err) throw new RangeError(`bad tier method: ${err.field}`);
  const { codes } = input;
  const n = codes.length;
  const average = new Float64Array(n);
  const sales = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sales[i] = netSales(input.invoiced[i], input.credited[i]);
    average[i] = averageMonthly(sales[i], months);
  }
  const rows: TierRow[] = new Array<TierRow>(n);
  rankOrder(codes, average).forEach((i, k) => {
    rows[k] = { customerCode: codes[i], sales: sales[i], averageMonthly: average[i], tier: 'C' };
  });
  assignTiers(rows, method);
  return rows;
}

/**
 * Input positions in ranking order (average descending, code ascending). Input already in code
 * order (as the book reads it): ties keep their position, so one native numeric sort of
 * average·M + (M − 1 − position) does it exactly while that stays below 2^53 — no comparator
 * calls and no string comparisons (100,000 customers, many tied at zero). Else a comparator sort.
 */
function rankOrder(codes: readonly string[], average: Float64Array): Int32Array {
  const n = codes.length;
  let inCodeOrder = true;
  for (let i = 1; i < n && inCodeOrder; i++) inCodeOrder = codes[i - 1] < codes[i];
  let maxAverage = 0;
  let nonNegative = true;
  for (let i = 0; i < n; i++) {
    if (average[i] > maxAverage) maxAverage = average[i];
    if (average[i] < 0) nonNegative = false;
  }
  let m = 1;
  while (m < n) m *= 2;
  const order = new Int32Array(n);
  if (inCodeOrder && nonNegative && (maxAverage + 1) * m <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = average[i] * m + (m - 1 - i);
    keys.sort();
    for (let k = 0; k < n; k++) order[k] = m - 1 - (keys[n - 1 - k] % m);
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  const byCode = (a: number, b: number) => (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : 0);
  return order.sort((a, b) => average[b] - average[a] || (inCodeOrder ? 0 : byCode(a, b)) || a - b);
}

/** SPEC §3's split over rows in ranking order. */
function assignTiers(rows: TierRow[], method: TierMethod): void {
  if (method.kind === 'threshold') {
    for (const r of rows) r.tier = r.averageMonthly >= method.aMin ? 'A' : r.averageMonthly >= method.bMin ? 'B' : 'C';
    return;
  }
  let total = 0;
  for (const r of rows) total += r.averageMonthly;
  if (total === 0) return; // T = 0 → everyone C
  if (Number.isSafeInteger(total * 100)) {
    // every product below fits a double exactly: plain integer arithmetic
    const aLimit = method.aPercent * total;
    const bLimit = method.bPercent * total;
    let cum = 0;
    rows.forEach((r, i) => {
      cum += r.averageMonthly;
      const scaled = 100 * cum;
      r.tier = i === 0 || scaled <= aLimit ? 'A' : scaled <= bLimit ? 'B' : 'C';
    });
    return;
  }
  const bigTotal = rows.reduce((s, r) => s + BigInt(r.averageMonthly), 0n);
  const aLimit = BigInt(method.aPercent) * bigTotal;
  const bLimit = BigInt(method.bPercent) * bigTotal;
  let cum = 0n;
  rows.forEach((r, i) => {
    cum += BigInt(r.averageMonthly);
    const scaled = 100n * cum;
    r.tier = i === 0 || scaled <= aLimit ? 'A' : scaled <= bLimit ? 'B' : 'C';
  });
}

export function countTiers(rows: readonly { tier: ValueTier }[]): Record<ValueTier, number> {
  const counts: Record<ValueTier, number> = { A: 0, B: 0, C: 0 };
  for (const r of rows) counts[r.tier]++;
  return counts;
}

/** Lifecycles that are ranked: everyone neither a prospect nor terminated. */
export function isRankedLifecycle(lifecycle: string): boolean {
  return lifecycle !== 'prospect' && lifecycle !== 'terminated';
}
