// Credit settings (信用政策): 6C weights, grade thresholds, and the control rules at invoice
// entry (max days owed, overdue-amount threshold). Kept as JSON in `settings`; bad input comes
// back as per-field issues and changes nothing.
import { DEFAULT_6C_WEIGHTS, DEFAULT_GRADE_THRESHOLDS, type CreditGrade, type SixC } from '../../domain/credit';
import { validateGradeThresholds, validateWeights, validateNonNegative } from '../../domain/credit-rules';
import { issuesToAppError } from '../../../shared/validation';
import { writeAudit } from '../audit';
import type { ServiceContext } from '../context';
import { assertRole } from './roles';
import { settingValue } from '../../db/credit/lookups';

export const CREDIT_SETTINGS_KEY = 'credit.settings';

export interface CreditSettings {
  weights: Record<SixC, number>;
  thresholds: { grade: CreditGrade; min: number }[];
  /** 最大欠款天数: block new invoices when the oldest open invoice was issued more than N days ago; null = off */
  maxDaysOwed: number | null;
  /** block when the customer's overdue amount (fen) is above this; null = off */
  overdueAmountLimit: number | null;
}

export const DEFAULT_CREDIT_SETTINGS: CreditSettings = {
  weights: { ...DEFAULT_6C_WEIGHTS },
  thresholds: DEFAULT_GRADE_THRESHOLDS.map((t) => ({ ...t })),
  maxDaysOwed: null,
  overdueAmountLimit: null,
};

export function loadCreditSettings(ctx: Pick<ServiceContext, 'book'>): CreditSettings {
  return creditSettingsOf(ctx.book.sqlite);
}

/** The stored credit settings over the defaults (a broken stored value reads as the defaults). */
export function creditSettingsOf(sqlite: Parameters<typeof settingValue>[0]): CreditSettings {
  const value = settingValue(sqlite, CREDIT_SETTINGS_KEY);
  if (value === null) return structuredClone(DEFAULT_CREDIT_SETTINGS);
  try {
    return { ...structuredClone(DEFAULT_CREDIT_SETTINGS), ...(JSON.parse(value) as Partial<CreditSettings>) };
  } catch {
    return structuredClone(DEFAULT_CREDIT_SETTINGS);
  }
}

export function creditSettingsIssues(s: CreditSettings) {
  return [
    ...validateWeights(s.weights),
    ...validateGradeThresholds(s.thresholds),
    ...validateNonNegative({ maxDaysOwed: s.maxDaysOwed, overdueAmountLimit: s.overdueAmountLimit }),
  ];
}

/** Administrators and credit managers change the credit settings; audited with before/after. */
export async function updateCreditSettings(
  ctx: ServiceContext,
  patch: Partial<CreditSettings>,
): Promise<CreditSettings> {
  assertRole(ctx, ['admin', 'credit_manager']);
  const before = loadCreditSettings(ctx);
  const after: CreditSettings = { ...before, ...patch };
  const issues = creditSettingsIssues(after);
  if (issues.length) throw issuesToAppError(issues);
  await ctx.book.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: CREDIT_SETTINGS_KEY, value: JSON.stringify(after) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(after) }))
      .execute();
    await writeAudit(ctx, trx, { entity: 'settings', entityId: CREDIT_SETTINGS_KEY, action: 'update', before, after });
  });
  return after;
}
