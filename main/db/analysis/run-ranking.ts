// A stored tier run as the analysis page's first answer, in one read of the run's rows (issue #11:
// the page's first paint ≤ 1 s). Grouping the ranking into the Pareto bars in SQL sorted 100,000
// rows in a temporary B-tree (~190 ms of CPU) and the movement list scanned them again (~60 ms);
// here the run's columns come packed in one row (db/packed-columns.ts) and are summed per bar in
// one loop. Same answer as the SQL (tests compare the two).
import type Database from 'better-sqlite3';
import type { TierMovementRow } from '../../../shared/types-analysis';
import { PARETO_MAX_BARS, paretoBucketSize, paretoFromBars, type ParetoSeries } from '../../../shared/pareto-series';
import { packedColumns, packedIntSql, packedNotNullTextSql, packedTextSql } from '../packed-columns';
import { stmt } from '../receivables/prepared';

export interface TierTotalsRow {
  tier: string;
  customers: number;
  sales: number;
}

export interface RankedRun {
  pareto: ParetoSeries;
  totals: TierTotalsRow[];
  /** customers whose tier changed in the run, by rank (previous_tier null: ranked for the first time) */
  movement: TierMovementRow[];
}

interface BarSum {
  from: number;
  to: number;
  value: number;
  tier: string;
  customerId: number;
  customers: number;
  sales: number;
}

const COLUMNS = ['rank', 'average_monthly', 'customer_id', 'sales'] as const;

/** The run's Pareto bars (at most maxBars ranks groups, split by tier), tier totals and movement. */
export function rankedRun(
  sqlite: Database.Database,
  runId: number,
  maxBars = PARETO_MAX_BARS,
  movementLimit = 500,
): RankedRun {
  const cols = packedColumns(
    sqlite,
    `SELECT count(*), ${COLUMNS.map(packedIntSql).join(', ')}, ${packedNotNullTextSql('tier')}, ${packedTextSql('previous_tier')}
       FROM tier_history WHERE run_id = ?`,
    `SELECT count(*), ${COLUMNS.map((c) => `json_group_array(${c})`).join(', ')}, json_group_array(tier), json_group_array(previous_tier)
       FROM tier_history WHERE run_id = ?`,
    [runId],
    ['int', 'int', 'int', 'int', 'notNullText', 'text'],
  );
  const [ranks, averages, customerIds, sales] = cols as ArrayLike<number>[];
  const [tiers, previous] = [cols[4] as string[], cols[5] as (string | null)[]];
  const size = paretoBucketSize(ranks.length, maxBars);
  // one sum per (bar, tier), as SQL's GROUP BY (rank - 1) / size, tier
  const sums = new Map<number, BarSum>();
  const tierIndex = new Map<string, number>();
  const moved: number[] = [];
  for (let k = 0; k < ranks.length; k++) {
    const rank = ranks[k];
    let t = tierIndex.get(tiers[k]);
    if (t === undefined) tierIndex.set(tiers[k], (t = tierIndex.size));
    const key = Math.floor((rank - 1) / size) * 1024 + t; // tiers are a few letters
    const s = sums.get(key);
    if (!s)
      sums.set(key, {
        from: rank,
        to: rank,
        value: averages[k],
        tier: tiers[k],
        customerId: customerIds[k],
        customers: 1,
        sales: sales[k],
      });
    else {
      if (rank < s.from) s.from = rank;
      if (rank > s.to) s.to = rank;
      if (customerIds[k] < s.customerId) s.customerId = customerIds[k];
      s.value += averages[k];
      s.customers++;
      s.sales += sales[k];
    }
    if (previous[k] !== null && previous[k] !== tiers[k]) moved.push(k);
  }
  const bars = [...sums.values()].sort((a, b) => a.from - b.from);
  // min(customer_id) is the customer itself in a bar of one rank
  const codeById = stmt(sqlite, 'SELECT code FROM customers WHERE id = ?').pluck();
  const codes = new Map(bars.filter((b) => b.from === b.to).map((b) => [b.from, codeById.get(b.customerId) as string]));
  const totals = new Map<string, TierTotalsRow>();
  for (const b of bars) {
    const t = totals.get(b.tier) ?? { tier: b.tier, customers: 0, sales: 0 };
    t.customers += b.customers;
    t.sales += b.sales;
    totals.set(b.tier, t);
  }
  return {
    pareto: paretoFromBars(bars, size, (rank) => codes.get(rank) ?? null),
    totals: [...totals.values()].sort((a, b) => (a.tier < b.tier ? -1 : 1)),
    movement: movementRows(
      sqlite,
      moved.sort((a, b) => ranks[a] - ranks[b]),
      { customerIds, tiers, previous, averages },
      movementLimit,
    ),
  };
}

function movementRows(
  sqlite: Database.Database,
  rows: number[],
  run: { customerIds: ArrayLike<number>; tiers: string[]; previous: (string | null)[]; averages: ArrayLike<number> },
  limit: number,
): TierMovementRow[] {
  const out: TierMovementRow[] = [];
  if (rows.length === 0) return out;
  const customer = stmt(sqlite, 'SELECT code, name FROM customers WHERE id = ?');
  for (const k of rows) {
    if (out.length >= limit) break;
    const c = customer.get(run.customerIds[k]) as { code: string; name: string } | undefined;
    if (!c) continue; // as the SQL's inner join
    out.push({
      customerId: run.customerIds[k],
      customerCode: c.code,
      customerName: c.name,
      from: run.previous[k],
      to: run.tiers[k],
      averageMonthly: run.averages[k],
    });
  }
  return out;
}
