// The Pareto chart's series (客户分析), computed in main from the stored ranking so that the page
// never receives 100,000 customers: at most about `maxBars` bars of consecutive ranks, never
// mixing tiers (colours stay exact), each with the exact cumulative sales through its last rank
// (integer fen) and that share in percent (display only, two decimals).
import { mulDivRound } from './money';

export interface ParetoPoint {
  /** first and last rank in the bar (1-based) */
  from: number;
  to: number;
  /** customer code when the bar is one customer (known for the first ranks only) */
  code: string | null;
  /** sum of the bar's average monthly sales, fen */
  value: number;
  tier: string;
  /** sum of average monthly sales of ranks 1…to, fen (exact) */
  cumulative: number;
  /** cumulative / total in percent, two decimals (display only) */
  cumPercent: number;
}

export interface ParetoSeries {
  points: ParetoPoint[];
  /** customers per bar when aggregated (1: one bar per customer) */
  bucketSize: number;
  /** customers ranked */
  customers: number;
  /** sum of all averages, fen */
  total: number;
}

/** The bar count the analysis page draws: readable at 1280 px and cheap to hover. */
export const PARETO_MAX_BARS = 80;

export const EMPTY_PARETO: ParetoSeries = { points: [], bucketSize: 1, customers: 0, total: 0 };

/**
 * The bars: ranks are cut into cells of `bucketSize` consecutive ranks ((rank − 1) ÷ size), and a
 * cell whose ranks have more than one tier gives one bar per tier. `bars` holds each bar's
 * first and last rank, summed average and tier, in rank order (SQLite can group them so).
 */
export function paretoFromBars(
  bars: readonly { from: number; to: number; value: number; tier: string }[],
  bucketSize: number,
  codeOf: (rank: number) => string | null = () => null,
): ParetoSeries {
  let cum = 0;
  const withCum = bars.map((b) => ({ ...b, cumulative: (cum += b.value) }));
  const points = withCum.map((b) => ({
    from: b.from,
    to: b.to,
    code: b.from === b.to ? codeOf(b.from) : null,
    value: b.value,
    tier: b.tier,
    cumulative: b.cumulative,
    // exact integer basis points of the fen (no float on money); the percent is only for the axis
    cumPercent: cum > 0 ? mulDivRound(b.cumulative, 10_000, cum) / 100 : 0,
  }));
  return { points, bucketSize, customers: bars.length > 0 ? bars[bars.length - 1].to : 0, total: cum };
}

export function paretoBucketSize(customers: number, maxBars = PARETO_MAX_BARS): number {
  return customers <= maxBars ? 1 : Math.ceil(customers / maxBars);
}

/**
 * averages: average monthly sales in rank order (fen); tiers: one letter per rank ('C' where
 * missing); codes: customer codes by rank (may be shorter); maxBars: readable bar count.
 */
export function paretoSeries(
  averages: readonly number[],
  tiers: string,
  codes: readonly string[] = [],
  maxBars = PARETO_MAX_BARS,
): ParetoSeries {
  const size = paretoBucketSize(averages.length, maxBars);
  const bars: { from: number; to: number; value: number; tier: string }[] = [];
  averages.forEach((a, i) => {
    const tier = tiers[i] ?? 'C';
    const last = bars[bars.length - 1];
    if (last && last.tier === tier && Math.floor((last.from - 1) / size) === Math.floor(i / size)) {
      last.to = i + 1;
      last.value += a;
    } else bars.push({ from: i + 1, to: i + 1, value: a, tier });
  });
  return paretoFromBars(bars, size, (rank) => codes[rank - 1] ?? null);
}
