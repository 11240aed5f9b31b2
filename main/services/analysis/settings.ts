// Value tier settings (window months, method, percentages, thresholds), kept in the settings
// table. Every field is checked; a bad field names itself and nothing is saved.
import { AppError } from '../../../shared/result';
import { DEFAULT_TIER_SETTINGS, type TierSettings } from '../../../shared/types-analysis';
import { TIER_MONTHS_MAX, TIER_MONTHS_MIN, tierMethodError, type TierMethod } from '../../domain/tiers';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { serialize } from '../book-queue';
import { settingValue } from '../../db/settings';

export const TIER_SETTINGS_KEY = 'analysis.tiers';

export function loadTierSettings(ctx: ServiceContext): TierSettings {
  const value = settingValue(ctx.book.sqlite, TIER_SETTINGS_KEY);
  if (value === null) return { ...DEFAULT_TIER_SETTINGS };
  try {
    return { ...DEFAULT_TIER_SETTINGS, ...(JSON.parse(value) as Partial<TierSettings>) };
  } catch {
    return { ...DEFAULT_TIER_SETTINGS };
  }
}

export function methodOf(s: TierSettings): TierMethod {
  return s.method === 'threshold'
    ? { kind: 'threshold', aMin: s.aMin, bMin: s.bMin }
    : { kind: 'pareto', aPercent: s.aPercent, bPercent: s.bPercent };
}

/** The first bad field of a settings object, as an AppError (message is an i18n key). */
export function checkTierSettings(s: TierSettings): void {
  if (!Number.isInteger(s.months) || s.months < TIER_MONTHS_MIN || s.months > TIER_MONTHS_MAX) {
    throw new AppError('VALIDATION', 'analysis.error.months', { field: 'months' });
  }
  // both methods' fields are kept valid, so switching the method never meets stale numbers
  const pareto = tierMethodError({ kind: 'pareto', aPercent: s.aPercent, bPercent: s.bPercent });
  if (pareto) throw new AppError('VALIDATION', pareto.message, { field: pareto.field });
  const threshold = tierMethodError({ kind: 'threshold', aMin: s.aMin, bMin: s.bMin });
  if (threshold) throw new AppError('VALIDATION', threshold.message, { field: threshold.field });
}

export async function getTierSettings(ctx: ServiceContext): Promise<TierSettings> {
  return serialize(ctx, () => loadTierSettings(ctx));
}

export async function updateTierSettings(ctx: ServiceContext, patch: Partial<TierSettings>): Promise<TierSettings> {
  return serialize(ctx, async () => {
    const before = loadTierSettings(ctx);
    const after: TierSettings = { ...before, ...patch };
    checkTierSettings(after);
    await ctx.book.db.transaction().execute(async (trx) => {
      const value = JSON.stringify(after);
      await trx
        .insertInto('settings')
        .values({ key: TIER_SETTINGS_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
      await writeAudit(ctx, trx, { entity: 'settings', entityId: 'tiers', action: 'update', before, after });
    });
    return after;
  });
}
