// zod schemas of the collections forms (promise, collection record, ladder, settings), used by
// the IPC contract (main validates) and the renderer's forms. Messages are i18n keys.
import { z } from 'zod';
import { id, isoDate } from './common';
import {
  COLLECTION_CHANNELS,
  COLLECTION_METHODS,
  COLLECTION_TACTICS,
  DELAY_SIDES,
  NEXT_STEPS,
  PROMISE_FORMS,
} from '../types-collections';

const fen = z
  .number({ message: 'invalid_money' })
  .int('invalid_money')
  .positive('must_be_positive')
  .max(1e13, 'out_of_range');
const text = (max: number) => z.string().trim().max(max, 'too_long');
const optText = (max: number) => text(max).nullish();

/** A promise's own fields (made on the record's date when it comes with a record). */
export const promiseFields = {
  promisedOn: isoDate,
  amount: fen,
  promisedBy: optText(100),
  form: z.enum(PROMISE_FORMS, { message: 'invalid_option' }).default('verbal'),
  note: optText(500),
};

export const promiseInput = z
  .object({ customerId: id, madeOn: isoDate, ...promiseFields, collectionRecordId: id.nullish() })
  .strict()
  .refine((v) => v.promisedOn >= v.madeOn, { message: 'promise_before_made', path: ['promisedOn'] });
export type PromiseInput = z.infer<typeof promiseInput>;

export const collectionRecordInput = z
  .object({
    customerId: id,
    date: isoDate,
    contactId: id.nullish(),
    contactName: optText(60),
    channel: z.enum(COLLECTION_CHANNELS, { message: 'invalid_option' }),
    method: z.enum(COLLECTION_METHODS, { message: 'invalid_option' }).nullish(),
    tactic: z.enum(COLLECTION_TACTICS, { message: 'invalid_option' }).nullish(),
    outcome: optText(500),
    delaySide: z.enum(DELAY_SIDES, { message: 'invalid_option' }).nullish(),
    delayReason: optText(300),
    nextStep: z.enum(NEXT_STEPS, { message: 'invalid_option' }).nullish(),
    nextDate: isoDate.nullish(),
    /** a promise made in this contact (made on the record's date) */
    promise: z.object(promiseFields).strict().nullish(),
  })
  .strict()
  .refine((v) => !v.nextStep || !!v.nextDate, { message: 'required', path: ['nextDate'] })
  .refine((v) => !v.nextDate || v.nextDate >= v.date, { message: 'next_before_date', path: ['nextDate'] })
  .refine((v) => !v.promise || v.promise.promisedOn >= v.date, {
    message: 'promise_before_made',
    path: ['promise', 'promisedOn'],
  });
export type CollectionRecordInput = z.infer<typeof collectionRecordInput>;

export const ladderStepInput = z
  .object({
    level: z.number().int().min(1).max(20),
    days: z
      .number({ message: 'invalid_number' })
      .int('invalid_number')
      .min(1, 'out_of_range')
      .max(3650, 'out_of_range'),
    name: text(40).min(1, 'required'),
    letterTemplate: text(40).min(1, 'required'),
    action: z.enum(['none', 'credit_hold', 'stop_supply', 'legal'], { message: 'invalid_option' }),
  })
  .strict();

export const ladderInput = z
  .object({ steps: z.array(ladderStepInput).min(1, 'required').max(10, 'too_many') })
  .strict()
  .superRefine((v, ctx) => {
    v.steps.forEach((s, i) => {
      if (s.level !== i + 1) ctx.addIssue({ code: 'custom', message: 'invalid', path: ['steps', i, 'level'] });
      if (i > 0 && s.days <= v.steps[i - 1].days)
        ctx.addIssue({
          code: 'custom',
          message: 'ladder_days_increasing',
          path: ['steps', i, 'days'],
          params: { level: i + 1, prev: v.steps[i - 1].days },
        });
    });
  });

export const collectionsSettingsInput = z
  .object({
    promiseGraceDays: z.number().int('invalid_number').min(0, 'must_not_be_negative').max(90, 'out_of_range'),
    slipFollowUpDays: z.number().int('invalid_number').min(1, 'out_of_range').max(180, 'out_of_range'),
  })
  .partial()
  .strict();
