// Customer analysis channels (客户分析: value tiers, Pareto, composition). Merged into
// contract.ts. Inputs are checked here for shape; main checks the rules per field (months
// 3–6, percentages in order, thresholds increasing) and a refused change saves nothing.
import { z } from 'zod';
import { channel } from './channel';
import { id, isoDate } from '../schemas/common';
import {
  TIER_METHODS,
  type AnalysisPanels,
  type TierRanking,
  type CustomerOverview,
  type TierAnalysis,
  type TierRunSummary,
  type TierSettings,
} from '../types-analysis';

const whole = z.number('invalid_number').int('invalid_number');

export const analysisChannels = {
  'analysis:tier-settings': channel<TierSettings>()(z.object({}).strict().default({})),
  'analysis:update-tier-settings': channel<TierSettings>()(
    z
      .object({
        months: whole.optional(),
        method: z.enum(TIER_METHODS, 'invalid_option').optional(),
        aPercent: whole.optional(),
        bPercent: whole.optional(),
        aMin: whole.optional(),
        bMin: whole.optional(),
      })
      .strict(),
  ),
  /** recompute and store the tiers as of a date (default: today) — audited */
  'analysis:recompute': channel<TierRunSummary>()(z.object({ asOf: isoDate.optional() }).strict()),
  /** the latest stored tier run (null: never computed) — e.g. to explain an empty tier filter */
  'analysis:latest-run': channel<TierRunSummary | null>()(z.object({}).strict().default({})),
  /** the customer card's overview (概览) as of a date (default: today) */
  'analysis:customer-overview': channel<CustomerOverview>()(
    z.object({ customerId: id, asOf: isoDate.optional() }).strict(),
  ),
  'analysis:overview': channel<TierAnalysis>()(z.object({}).strict().default({})),
  /** the page's first paint: latest run, Pareto ranking, tier totals, movement */
  'analysis:ranking': channel<TierRanking>()(z.object({}).strict().default({})),
  /** loaded after the ranking: tier × rating matrix and the composition with current figures */
  'analysis:panels': channel<AnalysisPanels>()(z.object({}).strict().default({})),
} as const;
