// Visit plans (客户访问计划, SPEC §3): how often each role visits a customer of each value tier,
// how often prospects of each grade are visited, and the planned visits generated from them.
// Dates YYYY-MM-DD.
import type { TierKey } from './types-analysis';

/** Who visits: account rep 业务员, team lead 组长, section chief 科长, manager 经理, general manager 总经理. */
export const VISIT_ROLES = ['rep', 'team_lead', 'section_chief', 'manager', 'general_manager'] as const;
export type VisitRole = (typeof VISIT_ROLES)[number];

export const PROSPECT_GRADE_KEYS = ['A', 'B', 'C', 'D'] as const;
export type ProspectGradeKey = (typeof PROSPECT_GRADE_KEYS)[number];

export const FREQUENCY_UNITS = ['week', 'month'] as const;
export type FrequencyUnit = (typeof FREQUENCY_UNITS)[number];

/** `times` visits in every period of `every` weeks or months; null = when needed / no planned visits. */
export interface VisitFrequency {
  times: number;
  every: number;
  unit: FrequencyUnit;
}

export interface VisitPlanSettings {
  tiers: Record<TierKey, Record<VisitRole, VisitFrequency | null>>;
  prospects: Record<ProspectGradeKey, VisitFrequency | null>;
  /** public holidays (YYYY-MM-DD): planned visits move off them like off weekends; none when absent */
  holidays?: string[];
  /** make-up working days (调休上班, YYYY-MM-DD): Saturdays or Sundays worked; visits may fall on them */
  workdays?: string[];
}

/** At most this many holidays are kept (several years of public holidays). */
export const MAX_VISIT_HOLIDAYS = 400;

const f = (times: number, every: number, unit: FrequencyUnit = 'month'): VisitFrequency => ({ times, every, unit });

/**
 * SPEC §3's tables. A range ("2–3 a month", "every 1–2 months") is planned at its less frequent
 * end: the plan is the least the table asks for, so a visit counts as missed only below the range.
 */
export const DEFAULT_VISIT_PLAN: VisitPlanSettings = {
  tiers: {
    A: { rep: f(3, 1), team_lead: f(2, 1), section_chief: f(1, 1), manager: f(1, 2), general_manager: f(1, 6) },
    B: { rep: f(2, 1), team_lead: f(1, 1), section_chief: f(1, 2), manager: f(1, 3), general_manager: f(1, 12) },
    C: { rep: f(1, 1), team_lead: f(1, 1), section_chief: null, manager: null, general_manager: null },
  },
  // A: 1–2 a week; B: every other week; C: once a month; D: drop in or phone when passing
  prospects: { A: f(1, 1, 'week'), B: f(1, 2, 'week'), C: f(1, 1), D: null },
};

/** Expected purchase by prospect grade (SPEC §3). */
export const PROSPECT_EXPECTED_PURCHASE: Record<ProspectGradeKey, 'this_month' | '2_3_months' | 'half_year' | 'year'> =
  {
    A: 'this_month',
    B: '2_3_months',
    C: 'half_year',
    D: 'year',
  };

export type VisitStatus = 'planned' | 'done' | 'missed';
/** Where a planned visit came from: the tier plan, the prospect grade, or typed in by hand. */
export type VisitSource = 'tier' | 'prospect' | 'manual';

export interface VisitRow {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  role: VisitRole;
  plannedOn: string;
  source: VisitSource;
  /** the tier or prospect grade the visit was planned for */
  basis: string | null;
  status: VisitStatus;
  doneOn: string | null;
  visitedBy: string | null;
  note: string | null;
}

export interface VisitListOut {
  asOf: string;
  from: string;
  to: string;
  total: number;
  counts: Record<VisitStatus, number>;
  rows: VisitRow[];
}

export interface VisitGenerateOut {
  month: string;
  /** planned visits written */
  created: number;
  /** future planned visits of the month replaced (the plan changed since) */
  replaced: number;
  customers: number;
}
