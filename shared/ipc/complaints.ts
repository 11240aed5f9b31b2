// Complaint channels (客户投诉与索赔, SPEC §8). Merged into contract.ts. Main validates everything:
// the renderer is untrusted. Messages are i18n keys (validation.*); money is integer fen.
import { z } from 'zod';
import { channel } from './channel';
import { id, isoDate } from '../schemas/common';
import type { CreditNoteRow } from '../types-receivables';
import {
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  RESOLUTIONS,
  RESPONSIBILITIES,
  SUPPLIER_CLAIM_STATUSES,
  type ComplaintAnalysis,
  type ComplaintDetail,
  type ComplaintRow,
  type ReplyDays,
} from '../types-complaints';

/** Money in fen, zero allowed (no compensation); negative amounts are refused per field. */
const fenOrZero = z
  .number()
  .int('invalid_money')
  .min(0, 'must_not_be_negative')
  .max(999_999_999_999_99, 'out_of_range');
const person = z.string().trim().max(40, 'too_long').nullable().optional();
const optionalDate = isoDate.nullable().optional();

/** Fields a user edits on the record card; all optional on update. */
const editable = {
  receivedOn: isoDate,
  channel: z.enum(COMPLAINT_CHANNELS, 'invalid_option'),
  type: z.enum(COMPLAINT_TYPES, 'invalid_option'),
  description: z.string().trim().min(1, 'required').max(4000, 'too_long'),
  severity: z.enum(COMPLAINT_SEVERITIES, 'invalid_option'),
  /** empty: received on + the severity's reply days (settings) */
  replyBy: optionalDate,
  repliedOn: optionalDate,
  receivedBy: person,
  followUpBy: person,
  replyPerson: person,
  responsibility: z.enum(RESPONSIBILITIES, 'invalid_option').nullable().optional(),
  resolution: z.enum(RESOLUTIONS, 'invalid_option').nullable().optional(),
  compensation: fenOrZero.optional(),
  supplierClaim: fenOrZero.optional(),
  supplierClaimStatus: z.enum(SUPPLIER_CLAIM_STATUSES, 'invalid_option').optional(),
  satisfaction: z.number().int('invalid_number').min(1, 'out_of_range').max(5, 'out_of_range').nullable().optional(),
  followUpOn: optionalDate,
  disputesInvoices: z.boolean().optional(),
  invoiceIds: z.array(id).max(200, 'too_many').optional(),
  note: z.string().trim().max(2000, 'too_long').nullable().optional(),
  /** the compensation is above the disputed invoices' total and the user confirmed it */
  confirmedOverInvoices: z.boolean().optional(),
};

export const complaintCreateInput = z.object({ customerId: id, ...editable }).strict();
export const complaintUpdateInput = z
  .object({ id, version: z.number().int().positive(), data: z.object(editable).partial().strict() })
  .strict();

const filter = z
  .object({
    customerId: id.optional(),
    status: z.array(z.enum(COMPLAINT_STATUSES, 'invalid_option')).max(10).optional(),
    type: z.array(z.enum(COMPLAINT_TYPES, 'invalid_option')).max(10).optional(),
    responsibility: z.array(z.enum(RESPONSIBILITIES, 'invalid_option')).max(10).optional(),
    overdueReply: z.boolean().optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();

const days = z.number().int('invalid_number').min(0, 'must_not_be_negative').max(365, 'out_of_range');

export const complaintsChannels = {
  'complaints:list': channel<{ total: number; rows: ComplaintRow[] }>()(
    z
      .object({
        filter: filter.optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  'complaints:get': channel<ComplaintDetail>()(z.object({ id }).strict()),
  'complaints:create': channel<ComplaintDetail>()(complaintCreateInput),
  'complaints:update': channel<ComplaintDetail>()(complaintUpdateInput),
  /** move the status forward (received → investigating → resolved → closed) on a date */
  'complaints:move': channel<ComplaintDetail>()(
    z.object({ id, to: z.enum(COMPLAINT_STATUSES, 'invalid_option'), date: isoDate.optional() }).strict(),
  ),
  /** confirm the compensation / refund: writes the claim credit note (kind claim) on the customer */
  'complaints:confirm-claim': channel<{ complaint: ComplaintDetail; creditNote: CreditNoteRow }>()(
    z.object({ id, date: isoDate.optional(), confirmedOverInvoices: z.boolean().optional() }).strict(),
  ),
  /** void the confirmed claim; voidCreditNote also voids its credit note (offered, not forced) */
  'complaints:void-claim': channel<ComplaintDetail>()(
    z
      .object({ id, reason: z.string().trim().min(1, 'required').max(500, 'too_long'), voidCreditNote: z.boolean() })
      .strict(),
  ),
  /** the complaint a claim credit note came from (the receivables side offers to void its claim) */
  'complaints:by-credit-note': channel<ComplaintRow | null>()(z.object({ creditNoteId: id }).strict()),
  'complaints:analysis': channel<ComplaintAnalysis>()(
    z.object({ from: isoDate.optional(), to: isoDate.optional() }).strict(),
  ),
  'complaints:settings': channel<{ replyDays: ReplyDays }>()(z.object({}).strict().default({})),
  'complaints:set-settings': channel<{ replyDays: ReplyDays }>()(
    z.object({ replyDays: z.object({ low: days, normal: days, high: days, urgent: days }).strict() }).strict(),
  ),
} as const;
