// The analysis page's data (客户分析): the latest stored tier run, its Pareto ranking, tier
// totals, movement since the previous run, the tier × credit-rating matrix and the composition.
import type { Book } from '../db/connection';
import { composition, rankedHistory, tierMovement, tierRatingMatrix, tierTotals } from '../db/analysis-queries';
import type { TierAnalysis, TierRunSummary } from '../../shared/types-analysis';

export function tierAnalysis(book: Book, run: TierRunSummary | null): TierAnalysis {
  const s = book.sqlite;
  const runId = run?.id ?? null;
  const moves = runId === null ? [] : tierMovement(s, runId);
  return {
    run,
    pareto: runId === null ? { averages: [], tiers: '', codes: [] } : rankedHistory(s, runId),
    totals: runId === null ? [] : tierTotals(s, runId),
    movement: { up: moves.filter((m) => m.from! > m.to), down: moves.filter((m) => m.from! < m.to) },
    matrix: tierRatingMatrix(s),
    composition: {
      nature: composition(s, runId, 'nature'),
      region: composition(s, runId, 'region'),
      industry: composition(s, runId, 'industry'),
      tier: composition(s, runId, 'tier'),
    },
  };
}
