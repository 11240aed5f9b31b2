// Regions (区域): code, name, area limits. Customers carry a region code and route sequence.
import type { Region } from '../../shared/types';
import { writeAudit } from './audit';
import type { ServiceContext } from './context';

export async function listRegions(ctx: ServiceContext): Promise<Region[]> {
  return ctx.book.db.selectFrom('regions').select(['code', 'name', 'area']).orderBy('code').execute();
}

export async function upsertRegion(ctx: ServiceContext, r: Region): Promise<Region> {
  await ctx.book.db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('regions')
      .select(['code', 'name', 'area'])
      .where('code', '=', r.code)
      .executeTakeFirst();
    await trx
      .insertInto('regions')
      .values({ ...r, created_at: ctx.clock.now().toISOString() })
      .onConflict((oc) => oc.column('code').doUpdateSet({ name: r.name, area: r.area }))
      .execute();
    await writeAudit(ctx, trx, {
      entity: 'region',
      entityId: r.code,
      action: before ? 'update' : 'create',
      before,
      after: r,
    });
  });
  return r;
}
