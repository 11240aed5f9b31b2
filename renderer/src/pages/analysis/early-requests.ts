// The 客户分析 page's first requests start together with its code chunk (routes/lazy-pages.tsx),
// not after the chunk has loaded and the page has rendered once: main ranks the book while the
// browser fetches and compiles the page and recharts (one round trip less before the Pareto bars).
// Each answer is handed out once, to the page's first query, and only while fresh; a failed one
// is not used (the page asks again and shows that error).
import type { OutputOf } from '@shared/ipc/contract';
import { call } from '../../api/client';

const FRESH_FOR_MS = 10_000;

type Early = {
  ranking: OutputOf<'analysis:ranking'>;
  settings: OutputOf<'analysis:tier-settings'>;
};
let started: { at: number; answers: { [K in keyof Early]?: Promise<Early[K]> } } | null = null;

export function startAnalysisRequests(now = performance.now()): void {
  const answers = {
    ranking: call('analysis:ranking', {}),
    settings: call('analysis:tier-settings', {}),
  };
  // an answer nobody takes must not surface as an unhandled rejection
  for (const a of Object.values(answers)) a.catch(() => undefined);
  started = { at: now, answers };
}

/** The early answer of `key` (once), or a fresh call. */
export function analysisRequest<K extends keyof Early>(
  key: K,
  ask: () => Promise<Early[K]>,
  now = performance.now(),
): Promise<Early[K]> {
  const early = started && now - started.at <= FRESH_FOR_MS ? started.answers[key] : undefined;
  if (started) delete started.answers[key];
  return early ? early.catch(() => ask()) : ask();
}
