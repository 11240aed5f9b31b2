// Collection trips (上门催收) and the collections desk's second-pass channels: run planning, the
// printable run sheet, visit outcomes, the dunning ladder's credit-hold action, and the letters'
// output folder. Merged into contract.ts. Main validates everything; money in fen.
import { z } from 'zod';
import { channel } from './channel';
import { id, isoDate } from '../schemas/common';
import { PRINT_LANGS } from '../types-statements';
import {
  VISIT_OUTCOMES,
  type DunningActionRow,
  type RunCustomer,
  type RunListRow,
  type RunOut,
  type RunStopOut,
} from '../types-collection-runs';
import { RECEIPT_METHODS } from '../types-receivables';

const fen = z
  .number({ message: 'invalid_money' })
  .int('invalid_money')
  .positive('must_be_positive')
  .max(1e13, 'out_of_range');
const regionCode = z.string().trim().min(1, 'required').max(20, 'too_long');
const optText = (max: number) => z.string().trim().max(max, 'too_long').nullish();

export const runCreateInput = z
  .object({
    runDate: isoDate,
    regionCode: regionCode.nullish(),
    customerIds: z.array(id).min(1, 'required').max(200, 'too_many'),
    note: optText(300),
  })
  .strict()
  .refine((v) => new Set(v.customerIds).size === v.customerIds.length, {
    message: 'duplicate',
    path: ['customerIds'],
  });
export type RunCreateInput = z.infer<typeof runCreateInput>;

export const visitOutcomeInput = z
  .object({
    stopId: id,
    outcome: z.enum(VISIT_OUTCOMES, { message: 'invalid_option' }),
    date: isoDate,
    contactName: optText(60),
    note: optText(500),
    /** written_promise: the promise the customer signed */
    promise: z
      .object({ promisedOn: isoDate, amount: fen, promisedBy: optText(100) })
      .strict()
      .nullish(),
    /** payment: the money collected, entered as a receipt */
    payment: z
      .object({
        amount: fen,
        method: z.enum(RECEIPT_METHODS, { message: 'invalid_option' }),
        reference: optText(60),
      })
      .strict()
      .nullish(),
  })
  .strict()
  .refine((v) => v.outcome !== 'written_promise' || !!v.promise, { message: 'required', path: ['promise', 'amount'] })
  .refine((v) => v.outcome !== 'payment' || !!v.payment, { message: 'required', path: ['payment', 'amount'] })
  .refine((v) => !v.promise || v.promise.promisedOn >= v.date, {
    message: 'promise_before_made',
    path: ['promise', 'promisedOn'],
  });
export type VisitOutcomeInput = z.infer<typeof visitOutcomeInput>;

export const collectionRunsChannels = {
  /** customers of a region (or all) with an open balance, in route order, as of a date */
  'collections:run-candidates': channel<RunCustomer[]>()(
    z.object({ asOf: isoDate, regionCode: regionCode.nullish() }).strict(),
  ),
  'collections:run-create': channel<RunOut>()(runCreateInput),
  'collections:runs': channel<RunListRow[]>()(z.object({}).strict().default({})),
  'collections:run': channel<RunOut>()(z.object({ id }).strict()),
  /** the run sheet as print-ready HTML (in-app preview, app fonts) */
  'collections:run-html': channel<{ html: string; fileName: string }>()(
    z.object({ id, lang: z.enum(PRINT_LANGS).optional() }).strict(),
  ),
  /** the run sheet as an A4 PDF (base64) */
  'collections:run-pdf': channel<{ fileName: string; mime: 'application/pdf'; base64: string }>()(
    z.object({ id, lang: z.enum(PRINT_LANGS).optional() }).strict(),
  ),
  'collections:run-outcome': channel<RunStopOut>()(visitOutcomeInput),
  /** customers whose dunning step as of D carries an action (credit hold ...), and whether held */
  'collections:dunning-actions': channel<DunningActionRow[]>()(z.object({ asOf: isoDate }).strict()),
  /** the step's credit hold, after the user's confirmation: each customer on credit hold, audited */
  'collections:dunning-hold': channel<{ held: number; already: number }>()(
    z.object({ asOf: isoDate, customerIds: z.array(id).min(1, 'required').max(1000, 'too_many') }).strict(),
  ),
};
