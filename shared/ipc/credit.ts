// Credit management channels (SPEC §4, issue 12). Merged into contract.ts. Figures arrive as
// plain numbers so that the services answer bad figures (negative, weights not summing to 100,
// thresholds not decreasing) with per-field messages; nothing is changed then.
import { z } from 'zod';
import { channel } from './channel';
import { id, isoDate } from '../schemas/common';
import { OPERATOR_ROLES } from '../types';
import { PRINT_LANGS, type StatementHtmlOut } from '../types-statements';
import type {
  CreditBacktestJob,
  CreditBacktestOut,
  CreditOverviewOut,
  CreditProfileOut,
  CreditSettingsOut,
  OperatorRoleOut,
  WorksheetOut,
} from '../types-credit';

const num = z.number().finite();
const text = (max: number) => z.string().max(max, 'too_long');
const approval = z
  .object({ name: z.string().trim().max(40, 'too_long'), password: z.string().max(200, 'too_long') })
  .strict();
const sixC = z
  .object({ character: num, capacity: num, capital: num, collateral: num, conditions: num, continuity: num })
  .strict();

export const worksheetInput = z
  .object({
    sales: z
      .object({ monthlyPurchases: num, supplyShareBp: num, creditPeriodMonths: z.union([z.string().max(20), num]) })
      .strict()
      .optional(),
    workingCapital: z.object({ workingCapital: num, suppliers: num }).strict().optional(),
    currentRatio: z
      .object({
        currentAssets: num,
        currentLiabilities: num,
        baseLimit: num,
        normPermille: num.optional(),
        capPermille: num.optional(),
      })
      .strict()
      .optional(),
    netAsset: z.object({ totalAssets: num, totalLiabilities: num, suppliers: num }).strict().optional(),
    judgement: z
      .object({
        amount: num,
        adjustments: z
          .array(z.object({ reason: text(200), amount: num }).strict())
          .max(20)
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const creditChannels = {
  'credit:profile': channel<CreditProfileOut | null>()(z.object({ customerId: id }).strict()),
  'credit:overview': channel<CreditOverviewOut>()(z.object({ asOf: isoDate.optional() }).strict()),
  'credit:backtest': channel<CreditBacktestOut>()(z.object({ asOf: isoDate.optional() }).strict()),
  /** the back-test off the window's thread: start (or the running one), poll its progress, cancel */
  'credit:backtest-start': channel<CreditBacktestJob>()(z.object({ asOf: isoDate.optional() }).strict()),
  'credit:backtest-progress': channel<CreditBacktestJob | null>()(z.object({}).strict().default({})),
  'credit:backtest-cancel': channel<CreditBacktestJob | null>()(z.object({}).strict().default({})),
  'credit:settings': channel<CreditSettingsOut>()(z.object({}).strict().default({})),
  'credit:update-settings': channel<CreditSettingsOut>()(
    z
      .object({
        weights: sixC.optional(),
        thresholds: z
          .array(z.object({ grade: z.string().max(4), min: num }).strict())
          .max(12)
          .optional(),
        maxDaysOwed: num.nullable().optional(),
        overdueAmountLimit: num.nullable().optional(),
      })
      .strict(),
  ),
  'credit:worksheet': channel<WorksheetOut>()(worksheetInput),
  'credit:decide-limit': channel<{ id: number; creditLimit: number }>()(
    z
      .object({
        customerId: id,
        amount: num,
        method: z.enum(['sales', 'working_capital', 'current_ratio', 'net_asset', 'judgement']),
        effectiveDate: z.string().max(10),
        reason: text(500),
        worksheet: worksheetInput.optional(),
        approval,
      })
      .strict(),
  ),
  'credit:rate': channel<{ id: number; grade: string; score: number; creditRating: string }>()(
    z
      .object({
        customerId: id,
        ratedOn: z.string().max(10),
        scores: sixC,
        note: text(500).nullable().optional(),
        approval,
      })
      .strict(),
  ),
  'credit:set-class': channel<{ creditClass: string }>()(
    z
      .object({
        customerId: id,
        creditClass: z.enum(['A', 'B', 'C']),
        setOn: z.string().max(10),
        reason: text(500).nullable().optional(),
      })
      .strict(),
  ),
  'credit:report': channel<{ id: number; onHold: boolean }>()(
    z
      .object({
        customerId: id,
        reviewedOn: z.string().max(10),
        kind: z.enum(['regular', 'emergency']),
        findings: text(2000),
        putOnHold: z.boolean().optional(),
      })
      .strict(),
  ),
  'credit:investigate': channel<{ id: number }>()(
    z
      .object({
        customerId: id,
        date: z.string().max(10),
        channel: z.string().max(20),
        source: text(200).nullable().optional(),
        findings: text(4000),
        attachments: z.array(text(200)).max(50).optional(),
        warningSigns: z.array(z.string().max(60)).max(60).optional(),
      })
      .strict(),
  ),
  'credit:add-countermeasure': channel<{ id: number }>()(
    z
      .object({
        customerId: id,
        action: z.string().max(30),
        detail: text(1000).nullable().optional(),
        status: z.string().max(20),
        dueDate: z.string().max(10).nullable().optional(),
      })
      .strict(),
  ),
  'credit:update-countermeasure': channel<{ id: number }>()(
    z
      .object({
        id,
        status: z.string().max(20),
        dueDate: z.string().max(10).nullable().optional(),
        detail: text(1000).nullable().optional(),
      })
      .strict(),
  ),
  'credit:set-terms': channel<{ terms: { discountBp: number; discountDays: number; netDays: number } | null }>()(
    z
      .object({
        customerId: id,
        terms: z.object({ discountBp: num, discountDays: num, netDays: num }).strict().nullable(),
      })
      .strict(),
  ),
  'operators:set-role': channel<OperatorRoleOut>()(z.object({ id, role: z.enum(OPERATOR_ROLES) }).strict()),
  /** the printed 资信调查表 of one investigation (A4 HTML for the print pipeline) */
  'credit:investigation-sheet': channel<StatementHtmlOut>()(
    z.object({ investigationId: id, lang: z.enum(PRINT_LANGS).optional(), confirmed: z.boolean().optional() }).strict(),
  ),
} as const;
