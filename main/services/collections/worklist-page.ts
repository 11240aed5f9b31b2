// One page of today's worklist for the window (reports/collections/worklist-kept.ts): the first
// screenful is a slice of the kept rows; the rest as the user scrolls.
import type { WorklistPage } from '../../../shared/types-worklist-page';
import type { ServiceContext } from '../context';
import { runCollectionsReport } from './run-report';

export async function worklistPageReport(
  ctx: ServiceContext,
  q: { asOf?: string; offset: number; limit: number },
): Promise<WorklistPage> {
  const asOf = q.asOf ?? ctx.clock.today();
  return runCollectionsReport(ctx, 'collections:worklist-page', { asOf, offset: q.offset, limit: q.limit });
}
