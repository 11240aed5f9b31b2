// The collections KPIs for the receivables dashboard, read between writes (the per-book queue).
import type { CollectionsKpisOut } from '../../../shared/types-collections-kpis';
import { collectionsKpis } from '../../reports/collections/kpis';
import { read } from '../book-queue';
import type { ServiceContext } from '../context';

export async function collectionsKpisReport(
  ctx: ServiceContext,
  q: { asOf?: string; from: string; to: string },
): Promise<CollectionsKpisOut> {
  const asOf = q.asOf ?? ctx.clock.today();
  return read(ctx, () => collectionsKpis(ctx.book, { asOf, from: q.from, to: q.to }));
}
