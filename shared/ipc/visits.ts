// Visit plan and evaluation sheet channels (SPEC §3: 客户访问计划, 准客户 visits, 客户综合评价表).
// Merged into contract.ts. Shapes are checked here; main checks the rules per field (frequency
// cells, month not past, done not in the future, period in order) and a refused change saves nothing.
import { z } from 'zod';
import { channel } from './channel';
import { id, isoDate } from '../schemas/common';
import { fen } from '../schemas/customer';
import { VALUE_TIER_KEYS } from '../types-analysis';
import { EVALUATION_ROWS, type EvaluationFigures, type EvaluationRecord } from '../types-evaluation';
import { PRINT_LANGS, type StatementHtmlOut } from '../types-statements';
import {
  FREQUENCY_UNITS,
  MAX_VISIT_HOLIDAYS,
  PROSPECT_GRADE_KEYS,
  VISIT_ROLES,
  type VisitGenerateOut,
  type VisitListOut,
  type VisitPlanSettings,
  type VisitRow,
} from '../types-visits';

const whole = z.number('invalid_number').int('invalid_number');
const frequency = z
  .object({ times: whole, every: whole, unit: z.enum(FREQUENCY_UNITS, 'invalid_option') })
  .strict()
  .nullable();
const roleRow = z.object(Object.fromEntries(VISIT_ROLES.map((r) => [r, frequency.optional()]))).strict();
const text = (max: number) => z.string().trim().max(max, 'too_long').nullable().optional();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_date');

export interface VisitPlanRun {
  month: string;
  created: number;
  replaced: number;
  customers: number;
  trigger: string;
  operatorName: string | null;
  runAt: string;
}

export const visitsChannels = {
  'visits:plan-settings': channel<VisitPlanSettings>()(z.object({}).strict().default({})),
  'visits:update-plan-settings': channel<VisitPlanSettings>()(
    z
      .object({
        tiers: z
          .object(Object.fromEntries(VALUE_TIER_KEYS.map((t) => [t, roleRow.optional()])))
          .strict()
          .optional(),
        prospects: z
          .object(Object.fromEntries(PROSPECT_GRADE_KEYS.map((g) => [g, frequency.optional()])))
          .strict()
          .optional(),
        /** the whole list of public holidays (replaces the saved one) */
        holidays: z.array(z.string()).max(MAX_VISIT_HOLIDAYS, 'visits.error.holidays').optional(),
        /** the whole list of make-up working days, weekend dates worked (调休上班; replaces the saved one) */
        workdays: z.array(z.string()).max(MAX_VISIT_HOLIDAYS, 'visits.error.workdays').optional(),
      })
      .strict(),
  ),
  /** plan the month's visits from the settings (default: this month) — audited */
  'visits:generate': channel<VisitGenerateOut>()(z.object({ month: month.optional() }).strict()),
  /** the latest plan run (of a month when given) */
  'visits:latest-run': channel<VisitPlanRun | null>()(z.object({ month: month.optional() }).strict().default({})),
  'visits:list': channel<VisitListOut>()(
    z
      .object({
        from: isoDate,
        to: isoDate,
        asOf: isoDate.optional(),
        customerId: id.optional(),
        status: z.array(z.enum(['planned', 'done', 'missed'])).optional(),
        role: z.array(z.enum(VISIT_ROLES)).optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(5000).optional(),
      })
      .strict(),
  ),
  'visits:mark-done': channel<VisitRow>()(
    z.object({ id, doneOn: isoDate, visitedBy: text(40), note: text(500) }).strict(),
  ),
  'visits:undo-done': channel<VisitRow>()(z.object({ id }).strict()),
  'visits:add': channel<VisitRow>()(
    z
      .object({ customerId: id, role: z.enum(VISIT_ROLES, 'invalid_option'), plannedOn: isoDate, note: text(500) })
      .strict(),
  ),

  /** the evaluation sheet's figures from the book for a period (default: the last twelve months) */
  'evaluation:draft': channel<EvaluationFigures>()(
    z.object({ customerId: id, from: isoDate.optional(), to: isoDate.optional() }).strict(),
  ),
  'evaluation:save': channel<EvaluationRecord>()(
    z
      .object({
        customerId: id,
        from: isoDate,
        to: isoDate,
        sellingCost: fen.refine((n) => n >= 0, 'must_not_be_negative').nullable(),
        rows: z
          .array(
            z
              .object({
                key: z.enum(EVALUATION_ROWS),
                comment: text(1000).transform((s) => s || null),
                problem: text(1000).transform((s) => s || null),
                improvement: text(1000).transform((s) => s || null),
              })
              .strict(),
          )
          .max(EVALUATION_ROWS.length),
        summary: text(2000).transform((s) => s || null),
      })
      .strict(),
  ),
  'evaluation:history': channel<EvaluationRecord[]>()(z.object({ customerId: id }).strict()),
  /** print-ready HTML of a saved sheet (A4, company header, bundled font) */
  'evaluation:html': channel<StatementHtmlOut>()(
    z.object({ id, lang: z.enum(PRINT_LANGS).optional(), confirmed: z.boolean().optional() }).strict(),
  ),
  'evaluation:pdf': channel<{ fileName: string; mime: 'application/pdf'; base64: string }>()(
    z.object({ id, lang: z.enum(PRINT_LANGS).optional(), confirmed: z.boolean().optional() }).strict(),
  ),
} as const;
