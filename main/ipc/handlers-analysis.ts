// Handlers for the customer analysis channels (shared/ipc/analysis.ts). Reads need an open
// book; changing settings and recomputing need a chosen operator (both are audited).
import type { analysisChannels } from '../../shared/ipc/analysis';
import type { Desk } from '../app/desk';
import {
  analysisOverview,
  analysisPanelsNow,
  analysisRanking,
  getTierSettings,
  latestTierRun,
  recomputeTiers,
  updateTierSettings,
} from '../services/analysis';
import type { Handler } from './handlers';
import { customerOverview } from '../reports/customer-overview';
import { serialize } from '../services/book-queue';
import { readerContext, writerContext } from './session';

type AnalysisChannel = keyof typeof analysisChannels;

export function analysisHandlers(desk: Desk): { [C in AnalysisChannel]: Handler<C> } {
  return {
    'analysis:tier-settings': async () => getTierSettings(readerContext(desk)),
    'analysis:update-tier-settings': async (patch) => updateTierSettings(writerContext(desk), patch),
    'analysis:recompute': async ({ asOf }) => recomputeTiers(writerContext(desk), { asOf }),
    'analysis:latest-run': async () => latestTierRun(readerContext(desk)),
    'analysis:customer-overview': async ({ customerId, asOf }) => {
      const ctx = readerContext(desk);
      return serialize(ctx, () => customerOverview(ctx.book, customerId, asOf ?? ctx.clock.today()));
    },
    'analysis:overview': async () => analysisOverview(readerContext(desk)),
    'analysis:ranking': async () => analysisRanking(readerContext(desk)),
    'analysis:panels': async () => analysisPanelsNow(readerContext(desk)),
  };
}
