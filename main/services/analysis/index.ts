// Customer analysis (客户分析): value tier settings, the audited recompute, and the page's data.
export { getTierSettings, updateTierSettings, loadTierSettings } from './settings';
export { recomputeTiers, recomputeTiersIfNewMonth, latestTierRun } from './recompute';
import { tierAnalysis } from '../../reports/tier-analysis';
import type { ServiceContext } from '../context';
import { serialize } from '../receivables/common';
import { latestTierRun } from './recompute';

export async function analysisOverview(ctx: ServiceContext) {
  return serialize(ctx, () => tierAnalysis(ctx.book, latestTierRun(ctx)));
}
