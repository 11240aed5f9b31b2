// Statement channels (对账单, printing, batch runs, confirmation slips) and the customer cards.
// Merged into contract.ts. Main validates everything: the renderer is untrusted. Money is
// integer fen; printing a confidential / top-secret customer needs confirmed: true.
import { z } from 'zod';
import { channel } from './channel';
import { id, isoDate } from '../schemas/common';
import {
  CARD_KINDS,
  PRINT_LANGS,
  STATEMENT_STYLES,
  type ConfirmationRow,
  type StatementBatchJob,
  type StatementData,
  type StatementHtmlOut,
  type StatementPdfOut,
  type StatementSentRow,
} from '../types-statements';

const code = z.string().trim().min(1, 'required').max(32, 'too_long');
const fsPath = z
  .string()
  .trim()
  .min(1, 'required')
  .max(1000, 'too_long')
  .refine((s) => !s.includes('\0'), 'invalid_option');

const statementQuery = {
  customerId: id.optional(),
  customerCode: code.optional(),
  from: isoDate,
  to: isoDate,
  style: z.enum(STATEMENT_STYLES).optional(),
  includeVoided: z.boolean().optional(),
};
const who = (v: { customerId?: number; customerCode?: string }) =>
  v.customerId !== undefined || v.customerCode !== undefined;
const period = (v: { from: string; to: string }) => v.from <= v.to;
const printOpts = { lang: z.enum(PRINT_LANGS).optional(), confirmed: z.boolean().optional() };

const query = z
  .object(statementQuery)
  .strict()
  .refine(who, { message: 'required', path: ['customerId'] })
  .refine(period, { message: 'invalid_period', path: ['from'] });
const printQuery = z
  .object({ ...statementQuery, ...printOpts })
  .strict()
  .refine(who, { message: 'required', path: ['customerId'] })
  .refine(period, { message: 'invalid_period', path: ['from'] });

export const statementsChannels = {
  /** statement data (in-app view; no confirmation needed: nothing leaves the app) */
  'statements:data': channel<StatementData>()(query),
  /** print-ready HTML for the in-app preview (iframe srcdoc; the bundled font served by the app) */
  'statements:html': channel<StatementHtmlOut>()(printQuery),
  /** the statement as PDF (base64), recorded as sent unless markSent: false */
  'statements:pdf': channel<StatementPdfOut>()(
    z
      .object({ ...statementQuery, ...printOpts, markSent: z.boolean().optional() })
      .strict()
      .refine(who, { message: 'required', path: ['customerId'] })
      .refine(period, { message: 'invalid_period', path: ['from'] }),
  ),
  /** record a statement printed from the preview as sent (for the confirmation loop) */
  'statements:mark-sent': channel<StatementSentRow[]>()(
    z
      .object({ customerId: id, from: isoDate, to: isoDate, style: z.enum(STATEMENT_STYLES).optional() })
      .strict()
      .refine(period, { message: 'invalid_period', path: ['from'] }),
  ),
  'statements:batch-start': channel<StatementBatchJob>()(
    z
      .object({
        from: isoDate,
        to: isoDate,
        style: z.enum(STATEMENT_STYLES).optional(),
        lang: z.enum(PRINT_LANGS).optional(),
        filter: z
          .object({
            regions: z.array(z.string().trim().max(20)).max(500).optional(),
            valueTiers: z
              .array(z.enum(['A', 'B', 'C']))
              .max(3)
              .optional(),
            overdueOnly: z.boolean().optional(),
            codes: z.array(code).max(100_000).optional(),
            includeZero: z.boolean().optional(),
          })
          .strict()
          .optional(),
        output: z.enum(['per_customer', 'combined']),
        dir: fsPath,
        confirmed: z.boolean().optional(),
      })
      .strict()
      .refine(period, { message: 'invalid_period', path: ['from'] }),
  ),
  /** polled by the UI (about every 300 ms) while a batch runs */
  'statements:batch-progress': channel<StatementBatchJob | null>()(z.object({}).strict().default({})),
  'statements:batch-cancel': channel<StatementBatchJob | null>()(z.object({}).strict().default({})),
  /** record a returned confirmation slip (回执) */
  'statements:confirm': channel<ConfirmationRow>()(
    z
      .object({
        statementId: id.optional(),
        customerId: id.optional(),
        periodTo: isoDate.optional(),
        result: z.enum(['agrees', 'disagrees']),
        statedDifference: z
          .number()
          .int('invalid_money')
          .min(-999_999_999_999_99, 'out_of_range')
          .max(999_999_999_999_99, 'out_of_range')
          .nullable()
          .optional(),
        note: z.string().trim().max(1000, 'too_long').nullable().optional(),
        receivedOn: isoDate,
        scan: z
          .object({
            fileName: z.string().trim().min(1).max(260),
            mime: z
              .string()
              .max(100)
              .regex(/^(image\/(png|jpeg|gif|webp|tiff)|application\/pdf)$/, 'invalid_option'),
            base64: z.string().max(14_000_000, 'too_long'),
          })
          .strict()
          .nullable()
          .optional(),
        scanPath: fsPath.nullable().optional(),
      })
      .strict()
      .refine((v) => v.statementId !== undefined || v.customerId !== undefined, {
        message: 'required',
        path: ['statementId'],
      }),
  ),
  /** a customer's confirmation history (all slips), or all open disagreements */
  'statements:confirmations': channel<ConfirmationRow[]>()(
    z.object({ customerId: id.optional(), openDisagreements: z.boolean().optional() }).strict(),
  ),
  'statements:resolve': channel<ConfirmationRow>()(
    z.object({ id, resolution: z.string().trim().min(1, 'required').max(1000, 'too_long') }).strict(),
  ),
  'statements:scan': channel<{ fileName: string; mime: string; base64: string } | null>()(z.object({ id }).strict()),
  /** statements sent and not yet returned (latest per customer unless latestOnly: false) */
  'statements:outstanding': channel<StatementSentRow[]>()(
    z.object({ customerId: id.optional(), latestOnly: z.boolean().optional() }).strict(),
  ),
  /** print-ready HTML of the customer cards (资料卡) */
  'cards:html': channel<StatementHtmlOut>()(
    z.object({ customerId: id, kinds: z.array(z.enum(CARD_KINDS)).max(5).optional(), ...printOpts }).strict(),
  ),
} as const;
