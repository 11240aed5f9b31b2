// Recompute and store value tiers (SPEC §3): one audited run writes the run, each ranked
// customer's result with the tier it had before (tier movement), and the tier + as-of date on
// the customer. Prospects and terminated customers are not ranked: their stored tier is cleared.
import type { TierRunSummary, TierSettings } from '../../../shared/types-analysis';
import { tierReport } from '../../reports/tiers';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { write } from '../book-queue';
import { loadTierSettings, methodOf } from './settings';
import {
  applyRunTiers,
  insertTierHistory,
  insertTierRun,
  latestTierRunRow,
  movedInRun,
  type TierRunRow,
} from '../../db/analysis/tier-runs';

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
    const runId = insertTierRun(sqlite, {
      as_of: asOf,
      months: settings.months,
      method: JSON.stringify(methodOf(settings)),
      window_from: rep.from,
      window_to: rep.to,
      count_a: rep.counts.A,
      count_b: rep.counts.B,
      count_c: rep.counts.C,
      trigger,
      operator_name: operatorName,
      computed_at: computedAt,
    });
    insertTierHistory(
      sqlite,
      runId,
      rep.rows.map((r) => ({
        customerId: rep.idByCode.get(r.customerCode)!,
        sales: r.sales,
        averageMonthly: r.averageMonthly,
        tier: r.tier,
      })),
    );
    applyRunTiers(sqlite, runId, asOf);
    const moved = movedInRun(sqlite, runId);
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
  const r = latestTierRunRow(ctx.book.sqlite);
  return r ? runSummary(r) : null;
}

/** At the start of a month: when the stored computation is from an earlier month, recompute. */
export async function recomputeTiersIfNewMonth(ctx: ServiceContext): Promise<TierRunSummary | null> {
  const last = latestTierRun(ctx);
  const today = ctx.clock.today();
  if (!last || last.asOf.slice(0, 7) >= today.slice(0, 7)) return null; // never computed: the first run is the user's
  return recomputeTiers(ctx, { asOf: today, trigger: 'monthly' });
}

export function runSummary(r: TierRunRow): TierRunSummary {
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
