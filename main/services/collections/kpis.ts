// The collections KPIs for the receivables dashboard, on the report worker for a big book (run-report.ts).
import type { CollectionsKpisOut } from '../../../shared/types-collections-kpis';
import { runCollectionsReport } from './run-report';
import type { ServiceContext } from '../context';

export async function collectionsKpisReport(
  ctx: ServiceContext,
  q: { asOf?: string; from: string; to: string },
): Promise<CollectionsKpisOut> {
  const asOf = q.asOf ?? ctx.clock.today();
  return runCollectionsReport(ctx, 'collections:kpis', { asOf, from: q.from, to: q.to });
}
