// The visit plan settings (tier × role frequencies, prospect grade frequencies), kept in the
// settings table. Every cell is checked; a bad cell names itself (tiers.A.rep.times) and nothing
// is saved.
import { AppError } from '../../../shared/result';
import { VALUE_TIER_KEYS } from '../../../shared/types-analysis';
import {
  DEFAULT_VISIT_PLAN,
  MAX_VISIT_HOLIDAYS,
  PROSPECT_GRADE_KEYS,
  VISIT_ROLES,
  type VisitFrequency,
  type VisitPlanSettings,
} from '../../../shared/types-visits';
import { settingValue } from '../../db/settings';
import { visitFrequencyError } from '../../domain/visits';
import { writeAudit } from '../audit';
import { serialize } from '../book-queue';
import type { ServiceContext } from '../context';

export const VISIT_PLAN_KEY = 'visits.plan';

const clone = (s: VisitPlanSettings): VisitPlanSettings => JSON.parse(JSON.stringify(s)) as VisitPlanSettings;

export function loadVisitPlan(ctx: ServiceContext): VisitPlanSettings {
  const value = settingValue(ctx.book.sqlite, VISIT_PLAN_KEY);
  const out = clone(DEFAULT_VISIT_PLAN);
  if (value === null) return out;
  try {
    const saved = JSON.parse(value) as Partial<VisitPlanSettings>;
    for (const t of VALUE_TIER_KEYS) Object.assign(out.tiers[t], saved.tiers?.[t] ?? {});
    Object.assign(out.prospects, saved.prospects ?? {});
    if (Array.isArray(saved.holidays)) out.holidays = saved.holidays.filter((d) => isIsoDate(d));
    if (Array.isArray(saved.workdays)) out.workdays = saved.workdays.filter((d) => isIsoDate(d));
  } catch {
    // a damaged value falls back to SPEC's tables
  }
  return out;
}

function fieldError(field: string, f: VisitFrequency | null): void {
  const msg = visitFrequencyError(f);
  if (!msg) return;
  const part = msg.endsWith('times') ? 'times' : msg.endsWith('every') ? 'every' : 'unit';
  throw new AppError('VALIDATION', msg, { field: `${field}.${part}` });
}

export function checkVisitPlan(s: VisitPlanSettings): void {
  for (const t of VALUE_TIER_KEYS) for (const r of VISIT_ROLES) fieldError(`tiers.${t}.${r}`, s.tiers[t][r]);
  for (const g of PROSPECT_GRADE_KEYS) fieldError(`prospects.${g}`, s.prospects[g]);
  checkHolidays(s.holidays ?? []);
  checkWorkdays(s.workdays ?? [], s.holidays ?? []);
}

/** Each holiday a real date (the bad one named by its place in the list as given), at most 400. */
function checkHolidays(holidays: readonly unknown[]): void {
  const bad = holidays.findIndex((d) => !isIsoDate(d));
  if (bad >= 0) throw new AppError('VALIDATION', 'visits.error.holiday', { field: `holidays.${bad}` });
  if (holidays.length > MAX_VISIT_HOLIDAYS)
    throw new AppError('VALIDATION', 'visits.error.holidays', { field: 'holidays' });
}

/**
 * Each make-up working day (调休上班) a real date on a Saturday or Sunday and not also a holiday;
 * the bad one is named by its place in the list.
 */
function checkWorkdays(workdays: readonly unknown[], holidays: readonly string[]): void {
  const problem = (d: unknown) =>
    !isIsoDate(d)
      ? 'visits.error.workday'
      : ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay())
        ? 'visits.error.workdayNotWeekend'
        : holidays.includes(d)
          ? 'visits.error.workdayIsHoliday'
          : null;
  const bad = workdays.findIndex((d) => problem(d) !== null);
  if (bad >= 0) throw new AppError('VALIDATION', problem(workdays[bad])!, { field: `workdays.${bad}` });
  if (workdays.length > MAX_VISIT_HOLIDAYS)
    throw new AppError('VALIDATION', 'visits.error.workdays', { field: 'workdays' });
}

function isIsoDate(d: unknown): d is string {
  if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}

export async function getVisitPlan(ctx: ServiceContext): Promise<VisitPlanSettings> {
  return serialize(ctx, () => loadVisitPlan(ctx));
}

export interface VisitPlanPatch {
  tiers?: Partial<Record<string, Partial<Record<string, VisitFrequency | null>>>>;
  prospects?: Partial<Record<string, VisitFrequency | null>>;
  holidays?: string[];
  workdays?: string[];
}

export async function updateVisitPlan(ctx: ServiceContext, patch: VisitPlanPatch): Promise<VisitPlanSettings> {
  return serialize(ctx, async () => {
    const before = loadVisitPlan(ctx);
    const after = clone(before);
    for (const t of VALUE_TIER_KEYS) Object.assign(after.tiers[t], patch.tiers?.[t] ?? {});
    Object.assign(after.prospects, patch.prospects ?? {});
    if (patch.holidays) {
      checkHolidays(patch.holidays);
      after.holidays = [...new Set(patch.holidays)].sort();
    }
    if (patch.workdays) {
      checkWorkdays(patch.workdays, after.holidays ?? []);
      after.workdays = [...new Set(patch.workdays)].sort();
    } else if (patch.holidays) {
      // a new holiday on a saved make-up working day: the holiday is named
      const both = patch.holidays.findIndex((h) => (after.workdays ?? []).includes(h));
      if (both >= 0) throw new AppError('VALIDATION', 'visits.error.holidayIsWorkday', { field: `holidays.${both}` });
    }
    checkVisitPlan(after);
    await ctx.book.db.transaction().execute(async (trx) => {
      const value = JSON.stringify(after);
      await trx
        .insertInto('settings')
        .values({ key: VISIT_PLAN_KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
      await writeAudit(ctx, trx, { entity: 'settings', entityId: 'visit-plan', action: 'update', before, after });
    });
    return after;
  });
}
