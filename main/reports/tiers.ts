// Value tiers as of a date (SPEC §3), computed from the book without storing anything.
// The analysis service stores the result; `creditdesk tiers` only prints it.
import type { Book } from '../db/connection';
import { windowSalesColumns } from '../db/analysis-queries';
import {
  computeTierColumns,
  countTiers,
  tierWindow,
  DEFAULT_TIER_METHOD,
  type TierMethod,
  type TierRow,
  type ValueTier,
} from '../domain/tiers';

export interface TierReport {
  asOf: string;
  months: number;
  from: string;
  to: string;
  rows: TierRow[];
  counts: Record<ValueTier, number>;
}

export interface TierReportWithIds extends TierReport {
  /** customer id by code, for the service that stores the result */
  idByCode: Map<string, number>;
}

export function tierReport(
  book: Book,
  asOf: string,
  months = 3,
  method: TierMethod = DEFAULT_TIER_METHOD,
): TierReportWithIds {
  const { from, to } = tierWindow(asOf, months);
  const sales = windowSalesColumns(book.sqlite, from, to);
  const rows = computeTierColumns(sales, months, method);
  let idByCode: Map<string, number> | undefined;
  return {
    asOf,
    months,
    from,
    to,
    rows,
    counts: countTiers(rows),
    // built on first use: the stored recompute needs it, `creditdesk tiers` does not
    get idByCode() {
      return (idByCode ??= new Map(sales.codes.map((code, k) => [code, sales.ids[k]])));
    },
  };
}

/** The fixed JSON shape of `creditdesk tiers` (key order matters). */
export function tierReportFixed(rep: TierReport): TierReport {
  return {
    asOf: rep.asOf,
    months: rep.months,
    from: rep.from,
    to: rep.to,
    rows: rep.rows.map((r) => ({
      customerCode: r.customerCode,
      sales: r.sales,
      averageMonthly: r.averageMonthly,
      tier: r.tier,
    })),
    counts: { A: rep.counts.A, B: rep.counts.B, C: rep.counts.C },
  };
}
