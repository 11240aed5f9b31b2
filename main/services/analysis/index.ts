// Customer analysis (客户分析): value tier settings, the audited recompute, and the page's data.
export { getTierSettings, updateTierSettings, loadTierSettings } from './settings';
export { recomputeTiers, recomputeTiersIfNewMonth, latestTierRun } from './recompute';
import { analysisPanels, tierAnalysis, tierRanking } from '../../reports/tier-analysis';
import type { ServiceContext } from '../context';
import { serialize } from '../book-queue';
import { keptUntilWrite } from '../../db/kept-until-write';
import { latestTierRun } from './recompute';
import { loadTierSettings } from './settings';

export async function analysisOverview(ctx: ServiceContext) {
  return serialize(ctx, () =>
    tierAnalysis(ctx.book, latestTierRun(ctx), ctx.clock.today(), loadTierSettings(ctx).months),
  );
}

/**
 * The page's first paint: the latest run's ranking (no whole-book reads); kept until the book
 * changes, so that opening the page again answers at once (~100–200 ms of CPU at 100,000 customers).
 */
export async function analysisRanking(ctx: ServiceContext) {
  return serialize(ctx, () =>
    keptUntilWrite(ctx.book.sqlite, 'analysis-ranking', () => tierRanking(ctx.book, latestTierRun(ctx))),
  );
}

/** Matrix and composition (current figures: the tier window as of today); kept until the book changes. */
export async function analysisPanelsNow(ctx: ServiceContext) {
  return serialize(ctx, () => {
    const [today, months] = [ctx.clock.today(), loadTierSettings(ctx).months];
    return keptUntilWrite(ctx.book.sqlite, `analysis-panels|${today}|${months}`, () =>
      analysisPanels(ctx.book, today, months),
    );
  });
}
