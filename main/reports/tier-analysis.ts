// The analysis page's data (客户分析): the latest stored tier run, its Pareto ranking, tier
// totals and movement since the previous run (painted first), then the panels read from the
// whole book — the tier × credit-rating matrix and the composition with current figures.
import type { Book } from '../db/connection';
import { tierRatingMatrix } from '../db/analysis-queries';
import { rankedRun } from '../db/analysis/run-ranking';
import { currentComposition } from '../db/analysis/composition';
import { tierWindow } from '../domain/tiers';
import { EMPTY_PARETO } from '../../shared/pareto-series';
import type { AnalysisPanels, TierAnalysis, TierRanking, TierRunSummary } from '../../shared/types-analysis';

export function tierRanking(book: Book, run: TierRunSummary | null): TierRanking {
  const s = book.sqlite;
  const runId = run?.id ?? null;
  // one pass over the run gives the chart's bars, the tier totals and the movement
  const ranked = runId === null ? { pareto: EMPTY_PARETO, totals: [], movement: [] } : rankedRun(s, runId);
  const moves = ranked.movement;
  return {
    run,
    pareto: ranked.pareto,
    totals: ranked.totals,
    movement: { up: moves.filter((m) => m.from! > m.to), down: moves.filter((m) => m.from! < m.to) },
  };
}

/** Matrix and composition; the composition's sales are the tier window as of `today` (current figures). */
export function analysisPanels(book: Book, today: string, months: number): AnalysisPanels {
  const { from, to } = tierWindow(today, months);
  return {
    matrix: tierRatingMatrix(book.sqlite),
    composition: currentComposition(book.sqlite, from.slice(0, 7), to.slice(0, 7)),
    compositionWindow: { asOf: today, from, to, months },
  };
}

export function tierAnalysis(book: Book, run: TierRunSummary | null, today: string, months: number): TierAnalysis {
  return { ...tierRanking(book, run), ...analysisPanels(book, today, months) };
}
