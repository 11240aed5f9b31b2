// Collections settings (promise grace days, slip follow-up days; JSON in `settings`) and the
// dunning ladder (dunning_levels). Changes are transactional and audited with before/after.
import {
  COLLECTIONS_SETTINGS_KEY,
  collectionsSettings,
  ladderRows,
  type CollectionsSettings,
} from '../../db/collections-store';
import { replaceLadderRows, saveCollectionsSettings } from '../../db/collections/settings';
import type { LadderStepOut } from '../../../shared/types-collections';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { read, write } from '../book-queue';

export async function getCollectionsSettings(ctx: ServiceContext): Promise<CollectionsSettings> {
  return read(ctx, (sqlite) => collectionsSettings(sqlite));
}

export async function updateCollectionsSettings(
  ctx: ServiceContext,
  patch: Partial<CollectionsSettings>,
): Promise<CollectionsSettings> {
  return write(ctx, async (trx, sqlite) => {
    const before = collectionsSettings(sqlite);
    const after = { ...before, ...patch };
    saveCollectionsSettings(sqlite, after);
    await writeAudit(ctx, trx, {
      entity: 'settings',
      entityId: COLLECTIONS_SETTINGS_KEY,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

export async function getLadder(ctx: ServiceContext): Promise<LadderStepOut[]> {
  return read(ctx, (sqlite) => ladderRows(sqlite) as LadderStepOut[]);
}

/** Replaces the ladder (validated by ladderInput: levels 1..n, days strictly increasing). */
export async function updateLadder(ctx: ServiceContext, steps: LadderStepOut[]): Promise<LadderStepOut[]> {
  return write(ctx, async (trx, sqlite) => {
    const before = ladderRows(sqlite);
    replaceLadderRows(sqlite, steps);
    const after = ladderRows(sqlite);
    await writeAudit(ctx, trx, { entity: 'dunning_ladder', entityId: 'ladder', action: 'update', before, after });
    return after as LadderStepOut[];
  });
}
