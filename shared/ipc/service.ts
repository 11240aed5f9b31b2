// Service and loyalty channels (SPEC §7): follow-up tasks, satisfaction records, loyalty type
// on the card, and the loyalty distribution. Merged into contract.ts. Inputs are checked here for
// shape; main checks the rules per field (score 1–5, no future survey dates) and saves nothing
// when refused.
import { z } from 'zod';
import { channel } from './channel';
import { id, isoDate } from '../schemas/common';
import {
  LOYALTY_TYPES,
  SURVEY_CHANNELS,
  type CustomerLoyalty,
  type CustomerService,
  type LoyaltyDistribution,
  type SatisfactionRecord,
  type ServiceTask,
} from '../types-service';

const text = (max: number) => z.string().max(max, 'too_long');
const surveyScore = z.number('invalid_number').int('invalid_number').min(1, 'out_of_range').max(5, 'out_of_range');

export const serviceChannels = {
  /** the card's service section: tasks, satisfaction records, loyalty (as of today unless given) */
  'service:customer': channel<CustomerService>()(z.object({ customerId: id, asOf: isoDate.optional() }).strict()),
  'service:create-task': channel<ServiceTask>()(
    z
      .object({
        customerId: id,
        title: z.string().trim().min(1, 'required').max(100, 'too_long'),
        dueOn: isoDate,
        assignee: text(40).optional(),
        note: text(500).optional(),
      })
      .strict(),
  ),
  /** done on a date with its result, or open again (doneOn null) */
  'service:complete-task': channel<ServiceTask>()(
    z.object({ id, version: z.number().int(), doneOn: isoDate.nullable(), result: text(500).optional() }).strict(),
  ),
  'service:add-satisfaction': channel<SatisfactionRecord>()(
    z
      .object({
        customerId: id,
        surveyedOn: isoDate,
        score: surveyScore,
        channel: z.enum(SURVEY_CHANNELS, 'invalid_option'),
        note: text(500).optional(),
      })
      .strict(),
  ),
  /** a record edited on the card: the same fields as when added (its customer stays) */
  'service:update-satisfaction': channel<SatisfactionRecord>()(
    z
      .object({
        id,
        surveyedOn: isoDate,
        score: surveyScore,
        channel: z.enum(SURVEY_CHANNELS, 'invalid_option'),
        note: text(500).optional(),
      })
      .strict(),
  ),
  'service:delete-satisfaction': channel<{ id: number }>()(z.object({ id }).strict()),
  /** type null: back to the computed type */
  'service:set-loyalty': channel<CustomerLoyalty>()(
    z
      .object({ customerId: id, type: z.enum(LOYALTY_TYPES, 'invalid_option').nullable(), note: text(200).optional() })
      .strict(),
  ),
  'service:loyalty-distribution': channel<LoyaltyDistribution>()(
    z.object({ asOf: isoDate.optional() }).strict().default({}),
  ),
} as const;
