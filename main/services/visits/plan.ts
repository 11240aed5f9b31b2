// Generating planned visits for a month from the plan (SPEC §3): ranked customers get the tier ×
// role frequencies, prospects the frequency of their grade (visited by the account rep). Only
// days from today on are planned (a plan made mid-month never starts out "missed"). Running it
// again replaces the month's generated visits that are still open and no longer in the plan
// (say, after a tier moved); done, past and hand-made visits stay. One audited transaction.
import { AppError } from '../../../shared/result';
import type { TierKey } from '../../../shared/types-analysis';
import {
  VISIT_ROLES,
  type ProspectGradeKey,
  type VisitGenerateOut,
  type VisitPlanSettings,
} from '../../../shared/types-visits';
import {
  deleteVisits,
  insertPlanRun,
  insertVisits,
  latestPlanRun,
  openGeneratedVisits,
  planTargets,
  type NewVisit,
  type PlanTarget,
} from '../../db/visits/store';
import { addMonths, maxDate, monthEnd } from '../../domain/dates';
import { holidaySet, plannedVisitDates, visitSeed } from '../../domain/visits';
import { writeAudit } from '../audit';
import { read, write } from '../book-queue';
import type { ServiceContext } from '../context';
import { loadVisitPlan } from './settings';

/** The visits the plan asks for in [from, to] for the given customers (pure over its inputs). */
export function planVisits(targets: PlanTarget[], plan: VisitPlanSettings, from: string, to: string): NewVisit[] {
  const out: NewVisit[] = [];
  const holidays = holidaySet(plan.holidays ?? []);
  const workdays = holidaySet(plan.workdays ?? []); // 调休上班: weekend dates worked
  for (const c of targets) {
    if (c.lifecycle === 'prospect') {
      const g = c.prospectGrade as ProspectGradeKey;
      for (const d of plannedVisitDates(plan.prospects[g] ?? null, visitSeed(c.id, 0), from, to, holidays, workdays))
        out.push({ customerId: c.id, role: 'rep', plannedOn: d, source: 'prospect', basis: g });
      continue;
    }
    const row = plan.tiers[c.valueTier as TierKey];
    if (!row) continue;
    VISIT_ROLES.forEach((role, i) => {
      for (const d of plannedVisitDates(row[role], visitSeed(c.id, i), from, to, holidays, workdays))
        out.push({ customerId: c.id, role, plannedOn: d, source: 'tier', basis: c.valueTier });
    });
  }
  return out;
}

export interface GenerateOptions {
  /** YYYY-MM; default the current month */
  month?: string;
  trigger?: 'manual' | 'monthly';
}

export async function generateVisits(ctx: ServiceContext, opts: GenerateOptions = {}): Promise<VisitGenerateOut> {
  const today = ctx.clock.today();
  const month = opts.month ?? today.slice(0, 7);
  if (month < today.slice(0, 7)) throw new AppError('VALIDATION', 'visits.error.pastMonth', { field: 'month' });
  if (month > addMonths(`${today.slice(0, 7)}-01`, 12).slice(0, 7))
    throw new AppError('VALIDATION', 'visits.error.farMonth', { field: 'month' });
  const from = maxDate(`${month}-01`, today);
  const to = monthEnd(`${month}-01`);
  return write(ctx, async (trx, sqlite) => {
    const plan = loadVisitPlan(ctx);
    const targets = planTargets(sqlite);
    const wanted = planVisits(targets, plan, from, to);
    const key = (v: { customerId: number; role: string; plannedOn: string }) =>
      `${v.customerId}|${v.role}|${v.plannedOn}`;
    const wantedKeys = new Set(wanted.map(key));
    const stale = openGeneratedVisits(sqlite, from, to).filter((v) => !wantedKeys.has(key(v)));
    deleteVisits(
      sqlite,
      stale.map((v) => v.id),
    );
    const at = ctx.clock.now().toISOString();
    const created = insertVisits(sqlite, wanted, at);
    const customers = new Set(wanted.map((v) => v.customerId)).size;
    const out: VisitGenerateOut = { month, created, replaced: stale.length, customers };
    const trigger = opts.trigger ?? 'manual';
    const runId = insertPlanRun(sqlite, {
      ...out,
      trigger,
      operatorName: ctx.session.operator?.name ?? null,
      at,
    });
    await writeAudit(ctx, trx, {
      entity: 'visits',
      entityId: runId,
      action: trigger === 'monthly' ? 'generate-monthly' : 'generate',
      after: { ...out, from, to },
    });
    return out;
  });
}

/** At the start of a month (book open): plan the month once, when a plan was ever made before. */
export async function generateVisitsIfNewMonth(ctx: ServiceContext): Promise<VisitGenerateOut | null> {
  const month = ctx.clock.today().slice(0, 7);
  const last = latestPlanRun(ctx.book.sqlite);
  if (!last || last.month >= month) return null; // never planned: the first plan is the user's
  return generateVisits(ctx, { month, trigger: 'monthly' });
}

/** Book open: the monthly plan must never stop a book from opening. */
export async function generateVisitsOnOpen(ctx: ServiceContext): Promise<void> {
  try {
    await generateVisitsIfNewMonth(ctx);
  } catch (e) {
    console.error('creditdesk: the monthly visit plan failed:', (e as Error).message);
  }
}

export async function latestVisitPlanRun(ctx: ServiceContext, month?: string) {
  return read(ctx, (sqlite) => latestPlanRun(sqlite, month));
}
