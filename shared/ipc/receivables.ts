// Receivables channels (invoices, receipts, allocations, ageing, KPIs). Merged into contract.ts.
// Main validates everything here: the renderer is untrusted. Money is integer fen.
import { z } from 'zod';
import { channel } from './channel';
import { importFileInput } from './files';
import { id, isoDate } from '../schemas/common';
import { provisionMatrixIssues } from '../schemas/provision';
import type { ExportFile } from '../types';
import {
  CREDIT_NOTE_KINDS,
  NOTE_KINDS,
  NOTE_STATES,
  RECEIPT_METHODS,
  type AgeingPreset,
  type AgeingReportOut,
  type AgeingReportWire,
  type AllocationRow,
  type ArImportSummary,
  type ImportProgressOut,
  type CreditCheckOut,
  type CreditNoteRow,
  type CustomerLedgerOut,
  type DashboardOut,
  type DrilldownOut,
  type InvoiceCreated,
  type InvoiceRow,
  type NoteReceivableRow,
  type ReceiptCreated,
  type ReceiptRow,
  type ReceivablesSettings,
  type TieOutOut,
  type WriteOffRow,
} from '../types-receivables';

const fen = z.number().int('invalid_money').positive('must_be_positive').max(999_999_999_999_99, 'out_of_range');
const docNumber = z.string().trim().min(1, 'required').max(40, 'too_long');
const reason = z.string().trim().min(1, 'required').max(500, 'too_long');
const text = (max: number) => z.string().trim().max(max, 'too_long');
const basis = z.enum(['due', 'issue'], 'invalid_option');
const bucket = z
  .object({
    key: z.string().trim().min(1, 'required').max(30, 'too_long'),
    from: z.number().int('invalid_number').min(-100_000, 'out_of_range').max(100_000, 'out_of_range').nullable(),
    to: z.number().int('invalid_number').min(-100_000, 'out_of_range').max(100_000, 'out_of_range').nullable(),
  })
  .strict();
const buckets = z.array(bucket).min(1, 'required').max(20, 'too_many');
const ageingQuery = {
  asOf: isoDate,
  basis: basis.optional(),
  buckets: buckets.optional(),
  preset: z.string().max(60).optional(),
};
const creditSource = {
  receiptId: id.optional(),
  creditNoteId: id.optional(),
  invoiceId: id,
  amount: fen.optional(),
};
const severity = z.enum(['warn', 'block'], 'invalid_option');

export const receivablesChannels = {
  'invoices:create': channel<InvoiceCreated>()(
    z
      .object({
        customerId: id,
        number: docNumber,
        issueDate: isoDate,
        dueDate: isoDate.nullable().optional(),
        amount: fen,
        description: text(500).nullable().optional(),
        /** needed when the credit check blocks; logged */
        overrideReason: text(500).nullable().optional(),
        /** a credit manager's approval of a blocked invoice (name + password); logged */
        approval: z
          .object({ name: z.string().trim().max(40), password: z.string().max(200) })
          .strict()
          .nullable()
          .optional(),
      })
      .strict(),
  ),
  'invoices:void': channel<InvoiceRow>()(z.object({ id, reason }).strict()),
  'invoices:list': channel<{ total: number; rows: InvoiceRow[] }>()(
    z
      .object({
        customerId: id.optional(),
        openOnly: z.boolean().optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  'invoices:import': channel<ArImportSummary>()(importFileInput),

  'receipts:create': channel<ReceiptCreated>()(
    z
      .object({
        customerId: id,
        date: isoDate,
        amount: fen,
        method: z.enum(RECEIPT_METHODS, 'invalid_option'),
        reference: text(100).nullable().optional(),
        number: text(40).nullable().optional(),
        /** the invoice this receipt names: paid first */
        invoiceId: id.nullable().optional(),
      })
      .strict(),
  ),
  'receipts:void': channel<ReceiptRow>()(z.object({ id, reason }).strict()),
  'receipts:list': channel<{ total: number; rows: ReceiptRow[] }>()(
    z
      .object({
        customerId: id.optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  'receipts:import': channel<ArImportSummary>()(importFileInput),
  /** the import running now (answered while it runs: it reads no table) */
  'imports:progress': channel<ImportProgressOut | null>()(z.object({}).strict()),

  'allocations:apply': channel<AllocationRow>()(z.object(creditSource).strict()),
  'allocations:unapply': channel<AllocationRow>()(z.object(creditSource).strict()),

  'credit-notes:create': channel<{ creditNote: CreditNoteRow; allocations: AllocationRow[] }>()(
    z
      .object({
        customerId: id,
        number: docNumber,
        date: isoDate,
        amount: fen,
        kind: z.enum(CREDIT_NOTE_KINDS, 'invalid_option'),
        invoiceId: id.nullable().optional(),
        reason: text(500).nullable().optional(),
      })
      .strict(),
  ),
  'credit-notes:void': channel<CreditNoteRow>()(z.object({ id, reason }).strict()),

  'write-offs:create': channel<WriteOffRow>()(
    z
      .object({
        invoiceId: id,
        date: isoDate,
        amount: fen.optional(),
        approvedBy: z.string().trim().min(1, 'required').max(40, 'too_long'),
        reason,
      })
      .strict(),
  ),
  'write-offs:recover': channel<{ writeOff: WriteOffRow; receipt: ReceiptCreated }>()(
    z
      .object({
        writeOffId: id,
        date: isoDate,
        amount: fen,
        method: z.enum(RECEIPT_METHODS, 'invalid_option'),
        reference: text(100).nullable().optional(),
        /** why / how it was recovered; kept in the audit log */
        note: text(500).nullable().optional(),
      })
      .strict(),
  ),
  'write-offs:void': channel<WriteOffRow>()(z.object({ id, reason }).strict()),

  'notes:create': channel<NoteReceivableRow>()(
    z
      .object({
        customerId: id,
        number: docNumber,
        kind: z.enum(NOTE_KINDS, 'invalid_option'),
        drawer: z.string().trim().min(1, 'required').max(100, 'too_long'),
        issueDate: isoDate,
        maturityDate: isoDate,
        amount: fen,
      })
      .strict(),
  ),
  'notes:set-state': channel<NoteReceivableRow>()(
    z
      .object({
        id,
        state: z.enum(NOTE_STATES, 'invalid_option').exclude(['held']),
        date: isoDate,
        note: text(500).optional(),
      })
      .strict(),
  ),
  'notes:list': channel<NoteReceivableRow[]>()(z.object({ customerId: id.optional() }).strict()),

  'ledger:customer': channel<CustomerLedgerOut>()(z.object({ customerId: id, asOf: isoDate.optional() }).strict()),

  'ageing:report': channel<AgeingReportOut, AgeingReportWire>()(
    z
      .object({
        ...ageingQuery,
        /** rebuild from allocation rows even when open amounts would do (checks) */ rebuild: z.boolean().optional(),
      })
      .strict(),
  ),
  'ageing:drilldown': channel<DrilldownOut>()(
    z.object({ ...ageingQuery, customerId: id, bucket: z.string().max(30).optional() }).strict(),
  ),
  'ageing:tie-out': channel<TieOutOut>()(z.object({ asOf: isoDate }).strict()),
  'ageing:export': channel<ExportFile>()(
    z
      .object({
        ...ageingQuery,
        format: z.enum(['csv', 'xlsx']),
        locale: z.enum(['zh-CN', 'en']).optional(),
        /** show confidential/top-secret customers' credit limits: requires confirmed: true */
        includeSensitive: z.boolean().optional(),
        confirmed: z.boolean().optional(),
      })
      .strict(),
  ),
  'ageing:presets': channel<AgeingPreset[]>()(z.object({}).strict().default({})),
  'ageing:save-preset': channel<AgeingPreset[]>()(
    z
      .object({
        name: z.string().trim().min(1, 'required').max(60, 'too_long'),
        basis,
        buckets,
        isDefault: z.boolean().optional(),
      })
      .strict(),
  ),
  'ageing:delete-preset': channel<AgeingPreset[]>()(
    z.object({ name: z.string().trim().min(1, 'required').max(60, 'too_long') }).strict(),
  ),

  'receivables:dashboard': channel<DashboardOut>()(
    z.object({ asOf: isoDate.optional(), from: isoDate.optional(), to: isoDate.optional() }).strict(),
  ),
  'receivables:settings': channel<ReceivablesSettings>()(z.object({}).strict().default({})),
  'receivables:update-settings': channel<ReceivablesSettings>()(
    z
      .object({
        accountingStandard: z.enum(['small_enterprise', 'enterprise']),
        provisionBuckets: buckets,
        provisionRatesBp: z.record(
          z.string().max(30),
          z.number().int('invalid_number').min(0, 'out_of_range').max(10_000, 'out_of_range'),
        ),
        costOfCapitalBp: z.number().int().min(0).max(10_000),
        creditPolicy: z
          .object({
            overLimit: severity,
            nearLimitBp: z.number().int().min(0).max(10_000).nullable(),
            onHold: severity,
            maxOverdueDays: z.number().int().min(0).max(3650).nullable(),
            overdue: severity,
            noLimit: z.enum(['ok', 'warn', 'block']),
          })
          .partial()
          .strict(),
        zeroLimitMeansNone: z.boolean(),
      })
      .partial()
      .strict()
      .superRefine((v, ctx) => {
        // the provision matrix's edges and rates, one issue per field naming the bucket
        if (!v.provisionBuckets) return;
        for (const i of provisionMatrixIssues(v.provisionBuckets, v.provisionRatesBp))
          ctx.addIssue({ code: 'custom', path: i.path, message: i.key, params: i.values });
      }),
  ),

  'credit:check': channel<CreditCheckOut>()(z.object({ customerId: id, amount: fen.optional() }).strict()),
} as const;
