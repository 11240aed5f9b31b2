// Recompute and store value tiers (SPEC §3): one audited run writes the run, each ranked
// customer's result with the tier it had before (tier movement), and the tier + as-of date on
// the customer. Prospects and terminated customers are not ranked: their stored tier is cleared.
import type { TierRunSummary, TierSettings } from '../../../shared/types-analysis';
import { tierReport } from '../../reports/tiers';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { write } from '../book-queue';
import { loadTierSettings, methodOf } from './settings';

export interface RecomputeOptions {
  asOf?: string;
  trigger?: 'manual' | 'monthly';
}

export async function recomputeTiers(ctx: ServiceContext, opts: RecomputeOptions = {}): Promise<TierRunSummary> {
  const asOf = opts.asOf ?? ctx.clock.today();
  const trigger = opts.trigger ?? 'manual';
  return write(ctx, async (trx, sqlite) => {
    const settings: TierSettings = loadTierSettings(ctx);
    const rep = tierReport(ctx.book, asOf, settings.months, methodOf(settings));
    const computedAt = ctx.clock.now().toISOString();
    const operatorName = ctx.session.operator?.name ?? null;
    const run = sqlite
      .prepare(
        `INSERT INTO tier_runs (as_of, months, method, window_from, window_to, count_a, count_b, count_c, trigger, operator_name, computed_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        asOf,
        settings.months,
        JSON.stringify(methodOf(settings)),
        rep.from,
        rep.to,
        rep.counts.A,
        rep.counts.B,
        rep.counts.C,
        trigger,
        operatorName,
        computedAt,
      );
    const runId = Number(run.lastInsertRowid);
    const insert = sqlite.prepare(
      `INSERT INTO tier_history (run_id, customer_id, rank, sales, average_monthly, tier, previous_tier)
       VALUES (?, ?, ?, ?, ?, ?, (SELECT value_tier FROM customers WHERE id = ?))`,
    );
    rep.rows.forEach((r, i) => {
      const id = rep.idByCode.get(r.customerCode)!;
      insert.run(runId, id, i + 1, r.sales, r.averageMonthly, r.tier, id);
    });
    // set-based: the customer takes its tier from this run's history row
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
    const moved = (
      sqlite
        .prepare('SELECT count(*) AS n FROM tier_history WHERE run_id = ? AND previous_tier IS NOT tier')
        .get(runId) as { n: number }
    ).n;
    const summary: TierRunSummary = {
      id: runId,
      asOf,
      months: settings.months,
      method: settings.method,
      from: rep.from,
      to: rep.to,
      counts: rep.counts,
      trigger,
      operatorName,
      computedAt,
    };
    await writeAudit(ctx, trx, {
      entity: 'tiers',
      entityId: runId,
      action: trigger === 'monthly' ? 'recompute-monthly' : 'recompute',
      after: {
        asOf,
        months: settings.months,
        method: methodOf(settings),
        from: rep.from,
        to: rep.to,
        counts: rep.counts,
        moved,
      },
    });
    return summary;
  });
}

export function latestTierRun(ctx: ServiceContext): TierRunSummary | null {
  const r = ctx.book.sqlite.prepare('SELECT * FROM tier_runs ORDER BY id DESC LIMIT 1').get() as RunRow | undefined;
  return r ? runSummary(r) : null;
}

/** At the start of a month: when the stored computation is from an earlier month, recompute. */
export async function recomputeTiersIfNewMonth(ctx: ServiceContext): Promise<TierRunSummary | null> {
  const last = latestTierRun(ctx);
  const today = ctx.clock.today();
  if (!last || last.asOf.slice(0, 7) >= today.slice(0, 7)) return null; // never computed: the first run is the user's
  return recomputeTiers(ctx, { asOf: today, trigger: 'monthly' });
}

interface RunRow {
  id: number;
  as_of: string;
  months: number;
  method: string;
  window_from: string;
  window_to: string;
  count_a: number;
  count_b: number;
  count_c: number;
  trigger: string;
  operator_name: string | null;
  computed_at: string;
}

export function runSummary(r: RunRow): TierRunSummary {
  const method = (JSON.parse(r.method) as { kind: string }).kind === 'threshold' ? 'threshold' : 'pareto';
  return {
    id: r.id,
    asOf: r.as_of,
    months: r.months,
    method,
    from: r.window_from,
    to: r.window_to,
    counts: { A: r.count_a, B: r.count_b, C: r.count_c },
    trigger: r.trigger === 'monthly' ? 'monthly' : 'manual',
    operatorName: r.operator_name,
    computedAt: r.computed_at,
  };
}

/** Book open: the monthly recompute must never stop a book from opening. */
export async function recomputeTiersOnOpen(ctx: ServiceContext): Promise<void> {
  try {
    await recomputeTiersIfNewMonth(ctx);
  } catch (e) {
    console.error('creditdesk: the monthly value tier recompute failed:', (e as Error).message);
  }
}
