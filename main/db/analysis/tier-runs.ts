// SQL of the stored value tier runs (SPEC §3): a run, each ranked customer's result with the
// tier it had before (tier movement), and the tier + as-of date kept on the customer.
import type Database from 'better-sqlite3';
import type { Selectable } from 'kysely';
import type { TierRunsTable } from '../schema';

/** A stored run as SQLite returns it (the tier_runs table of schema.ts). */
export type TierRunRow = Selectable<TierRunsTable>;

export type NewTierRun = Omit<TierRunRow, 'id'>;

/** Inserts a run; returns its id. */
export function insertTierRun(sqlite: Database.Database, r: NewTierRun): number {
  const res = sqlite
    .prepare(
      `INSERT INTO tier_runs (as_of, months, method, window_from, window_to, count_a, count_b, count_c, trigger, operator_name, computed_at)
       VALUES (@as_of, @months, @method, @window_from, @window_to, @count_a, @count_b, @count_c, @trigger, @operator_name, @computed_at)`,
    )
    .run(r);
  return Number(res.lastInsertRowid);
}

export interface TierHistoryInput {
  customerId: number;
  sales: number;
  averageMonthly: number;
  tier: string;
}

/** Writes the run's results in rank order (rank = position + 1), each with the customer's tier before the run. */
export function insertTierHistory(sqlite: Database.Database, runId: number, rows: TierHistoryInput[]): void {
  const insert = sqlite.prepare(
    `INSERT INTO tier_history (run_id, customer_id, rank, sales, average_monthly, tier, previous_tier)
     VALUES (?, ?, ?, ?, ?, ?, (SELECT value_tier FROM customers WHERE id = ?))`,
  );
  rows.forEach((r, i) => insert.run(runId, r.customerId, i + 1, r.sales, r.averageMonthly, r.tier, r.customerId));
}

/** Set-based: each ranked customer takes its tier from the run; prospects and terminated customers lose theirs. */
export function applyRunTiers(sqlite: Database.Database, runId: number, asOf: string): void {
  sqlite
    .prepare(
      `UPDATE customers SET value_tier = h.tier, value_tier_on = @asOf
         FROM tier_history h WHERE h.run_id = @runId AND h.customer_id = customers.id`,
    )
    .run({ runId, asOf });
  sqlite
    .prepare(
      `UPDATE customers SET value_tier = NULL, value_tier_on = NULL WHERE lifecycle IN ('prospect', 'terminated') AND value_tier IS NOT NULL`,
    )
    .run();
}

/** Customers whose tier changed in the run (first-time ranks count as moved). */
export function movedInRun(sqlite: Database.Database, runId: number): number {
  return (
    sqlite
      .prepare('SELECT count(*) AS n FROM tier_history WHERE run_id = ? AND previous_tier IS NOT tier')
      .get(runId) as { n: number }
  ).n;
}

export function latestTierRunRow(sqlite: Database.Database): TierRunRow | undefined {
  return sqlite.prepare('SELECT * FROM tier_runs ORDER BY id DESC LIMIT 1').get() as TierRunRow | undefined;
}
