// Receivables settings (accounting standard, provision matrix, cost of capital, credit policy)
// and saved ageing bucket presets, kept as JSON in the `settings` table.
import { serverError } from '../../../shared/messages/server-messages';
import { AppError } from '../../../shared/result';
import { provisionMatrixIssues } from '../../../shared/schemas/provision';
import { issuesToAppError } from '../../../shared/validation';
import { DEFAULT_DUE_BUCKETS, DEFAULT_ISSUE_BUCKETS, validateBucketSet, type BucketSet } from '../../domain/ageing';
import { DEFAULT_CREDIT_POLICY } from '../../domain/credit';
import { DEFAULT_PROVISION_RATES_BP, validateRates } from '../../domain/provision';
import type { AgeingBucketDef, AgeingPreset, ReceivablesSettings } from '../../../shared/types-receivables';
import { settingValue } from '../../db/settings';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { serialize } from '../book-queue';

export const SETTINGS_KEY = 'receivables.settings';
export const PRESETS_KEY = 'receivables.ageing_presets';

export const DEFAULT_AR_SETTINGS: ReceivablesSettings = {
  accountingStandard: 'enterprise',
  provisionBuckets: DEFAULT_ISSUE_BUCKETS.map((b) => ({ ...b })),
  provisionRatesBp: { ...DEFAULT_PROVISION_RATES_BP },
  costOfCapitalBp: 600,
  creditPolicy: { ...DEFAULT_CREDIT_POLICY },
  zeroLimitMeansNone: true,
};

export const BUILT_IN_PRESETS: AgeingPreset[] = [
  {
    name: '逾期账龄（默认）',
    basis: 'due',
    buckets: DEFAULT_DUE_BUCKETS.map((b) => ({ ...b })),
    isDefault: true,
    builtIn: true,
  },
  {
    name: '开票账龄（计提坏账）',
    basis: 'issue',
    buckets: DEFAULT_ISSUE_BUCKETS.map((b) => ({ ...b })),
    isDefault: false,
    builtIn: true,
  },
];

function readJson<T>(ctx: ServiceContext, key: string): T | null {
  const value = settingValue(ctx.book.sqlite, key);
  if (value === null) return null;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}

export function loadArSettings(ctx: ServiceContext): ReceivablesSettings {
  const saved = readJson<Partial<ReceivablesSettings>>(ctx, SETTINGS_KEY) ?? {};
  return {
    ...DEFAULT_AR_SETTINGS,
    ...saved,
    creditPolicy: { ...DEFAULT_AR_SETTINGS.creditPolicy, ...(saved.creditPolicy ?? {}) },
  };
}

export async function getArSettings(ctx: ServiceContext): Promise<ReceivablesSettings> {
  return serialize(ctx, () => loadArSettings(ctx));
}

export function checkBuckets(set: BucketSet, field: string): void {
  const errors = validateBucketSet(set);
  if (errors.length) throw new AppError('VALIDATION', `${field}: ${errors.join('; ')}`, { field });
}

export async function updateArSettings(
  ctx: ServiceContext,
  patch: Partial<ReceivablesSettings>,
): Promise<ReceivablesSettings> {
  return serialize(ctx, async () => {
    const before = loadArSettings(ctx);
    const after: ReceivablesSettings = {
      ...before,
      ...patch,
      creditPolicy: { ...before.creditPolicy, ...(patch.creditPolicy ?? {}) },
    };
    // rates are kept only for buckets that exist: old keys would linger in the book otherwise;
    // a new bucket must be given a rate (rate_missing below names it)
    after.provisionRatesBp = Object.fromEntries(
      after.provisionBuckets.map((b) => [b.key, after.provisionRatesBp[b.key]]).filter(([, v]) => v !== undefined),
    );
    // the contract checked the patch alone; this checks the merged matrix (e.g. new edges, old rates)
    const issues = provisionMatrixIssues(after.provisionBuckets, after.provisionRatesBp);
    if (issues.length)
      throw issuesToAppError(issues.map((i) => ({ field: i.path.join('.'), key: i.key, values: i.values })));
    checkBuckets(after.provisionBuckets, 'provisionBuckets');
    const rateErrors = validateRates(after.provisionBuckets, after.provisionRatesBp);
    if (rateErrors.length)
      throw new AppError('VALIDATION', `provisionRatesBp: ${rateErrors.join('; ')}`, { field: 'provisionRatesBp' });
    await ctx.book.db.transaction().execute(async (trx) => {
      const value = JSON.stringify(after);
      await trx
        .insertInto('settings')
        .values({ key: SETTINGS_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
      await writeAudit(ctx, trx, { entity: 'settings', entityId: 'receivables', action: 'update', before, after });
    });
    return after;
  });
}

export function loadPresets(ctx: ServiceContext): AgeingPreset[] {
  const saved = readJson<AgeingPreset[]>(ctx, PRESETS_KEY) ?? [];
  const anyDefault = saved.some((p) => p.isDefault);
  return [
    ...BUILT_IN_PRESETS.map((p) => ({ ...p, isDefault: anyDefault ? false : p.isDefault })),
    ...saved.map((p) => ({ ...p, builtIn: false })),
  ];
}

export async function listPresets(ctx: ServiceContext): Promise<AgeingPreset[]> {
  return serialize(ctx, () => loadPresets(ctx));
}

export async function savePreset(
  ctx: ServiceContext,
  input: { name: string; basis: 'due' | 'issue'; buckets: AgeingBucketDef[]; isDefault?: boolean },
): Promise<AgeingPreset[]> {
  return serialize(ctx, async () => {
    if (BUILT_IN_PRESETS.some((p) => p.name === input.name))
      throw serverError('CONFLICT', 'preset_built_in', { name: input.name }, { field: 'name' });
    checkBuckets(input.buckets, 'buckets');
    const saved = (readJson<AgeingPreset[]>(ctx, PRESETS_KEY) ?? []).filter((p) => p.name !== input.name);
    const before = readJson<AgeingPreset[]>(ctx, PRESETS_KEY) ?? [];
    const next = [
      ...saved.map((p) => (input.isDefault ? { ...p, isDefault: false } : p)),
      { name: input.name, basis: input.basis, buckets: input.buckets, isDefault: !!input.isDefault, builtIn: false },
    ];
    await writePresets(ctx, before, next, 'save-preset');
    return loadPresets(ctx);
  });
}

export async function deletePreset(ctx: ServiceContext, name: string): Promise<AgeingPreset[]> {
  return serialize(ctx, async () => {
    const before = readJson<AgeingPreset[]>(ctx, PRESETS_KEY) ?? [];
    if (!before.some((p) => p.name === name))
      throw serverError('NOT_FOUND', 'preset_not_found', { name }, { field: 'name' });
    await writePresets(
      ctx,
      before,
      before.filter((p) => p.name !== name),
      'delete-preset',
    );
    return loadPresets(ctx);
  });
}

async function writePresets(
  ctx: ServiceContext,
  before: AgeingPreset[],
  next: AgeingPreset[],
  action: string,
): Promise<void> {
  await ctx.book.db.transaction().execute(async (trx) => {
    const value = JSON.stringify(next);
    await trx
      .insertInto('settings')
      .values({ key: PRESETS_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
    await writeAudit(ctx, trx, { entity: 'settings', entityId: 'ageing-presets', action, before, after: next });
  });
}

/** Buckets for a report: given explicitly, else a named preset, else the default preset of that basis. */
export function resolveBuckets(
  ctx: ServiceContext,
  basis: 'due' | 'issue',
  opts: { buckets?: AgeingBucketDef[]; preset?: string },
): BucketSet {
  if (opts.buckets) {
    checkBuckets(opts.buckets, 'buckets');
    return opts.buckets;
  }
  const presets = loadPresets(ctx);
  if (opts.preset) {
    const p = presets.find((x) => x.name === opts.preset);
    if (!p) throw serverError('NOT_FOUND', 'preset_not_found', { name: opts.preset }, { field: 'preset' });
    return p.buckets;
  }
  const def = presets.find((p) => p.isDefault && p.basis === basis);
  if (def) return def.buckets;
  return basis === 'issue' ? DEFAULT_ISSUE_BUCKETS : DEFAULT_DUE_BUCKETS;
}
