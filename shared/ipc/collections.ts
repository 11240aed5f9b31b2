// Collections channels (催收: promises, collection records, dunning ladder and letters, calendar,
// today's worklist). Merged into contract.ts. Main validates everything; money in fen.
import { z } from 'zod';
import { channel } from './channel';
import { importFileInput } from './files';
import { id, isoDate } from '../schemas/common';
import { collectionRecordInput, collectionsSettingsInput, ladderInput, promiseInput } from '../schemas/collections';
import type {
  CalendarReport,
  CollectionRecordOut,
  CustomerCollectionsOut,
  DunningReport,
  LadderStepOut,
  PromiseReport,
  WorklistRow,
} from '../types-collections';
import type { CollectionsKpisOut } from '../types-collections-kpis';
import type { DunningPage } from '../types-dunning-page';
import type { CalendarPageReport } from '../types-calendar-page';
import type { WorklistPage } from '../types-worklist-page';

const asOfOnly = z.object({ asOf: isoDate }).strict();

/** Calendar filters (region, operator who last worked the customer, value tier); all optional. */
const calendarFilter = {
  regionCode: z.string().trim().min(1).max(20, 'too_long').optional(),
  operator: z.string().trim().min(1).max(60, 'too_long').optional(),
  tier: z.enum(['A', 'B', 'C']).optional(),
};
const lettersDir = z
  .string()
  .trim()
  .min(1, 'required')
  .max(1000, 'too_long')
  .refine((s) => !s.includes('\0'), 'invalid_option');

export interface LetterJob {
  state: 'running' | 'done' | 'cancelled' | 'failed';
  asOf: string;
  level: number;
  total: number;
  produced: number;
  dir: string;
  files: string[];
  error: string | null;
}

export const collectionsChannels = {
  'collections:promises': channel<PromiseReport>()(z.object({ asOf: isoDate, customerId: id.optional() }).strict()),
  'collections:promise-create': channel<{ id: number }>()(promiseInput),
  'collections:promises-import': channel<{ imported: number; created: number; updated: number; amount: number }>()(
    importFileInput,
  ),
  'collections:record-create': channel<{ record: CollectionRecordOut; promiseId: number | null }>()(
    collectionRecordInput,
  ),
  'collections:customer': channel<CustomerCollectionsOut>()(
    z.object({ customerId: id, asOf: isoDate.optional() }).strict(),
  ),
  'collections:dunning': channel<DunningReport>()(asOfOnly),
  'collections:dunning-page': channel<DunningPage>()(
    z
      .object({
        asOf: isoDate,
        level: z.union([z.literal('all'), z.literal('none'), z.number().int().min(1).max(99)]),
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(1_000),
      })
      .strict(),
  ),
  'collections:calendar': channel<CalendarReport>()(
    z
      .object({ from: isoDate, to: isoDate, asOf: isoDate.optional(), ...calendarFilter })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'invalid_period', path: ['from'] })
      .refine((v) => v.from >= '0001-01-01' && daysApart(v.from, v.to) <= 400, {
        message: 'out_of_range',
        path: ['to'],
      }),
  ),
  /** what the calendar screens show: the month/week grid's first `perDay` items per day, or every item (perDay null) */
  'collections:calendar-page': channel<CalendarPageReport>()(
    z
      .object({
        from: isoDate,
        to: isoDate,
        asOf: isoDate.optional(),
        perDay: z.number().int().min(1).max(50).nullable(),
        ...calendarFilter,
      })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'invalid_period', path: ['from'] })
      .refine((v) => daysApart(v.from, v.to) <= 62, { message: 'out_of_range', path: ['to'] }),
  ),
  'collections:calendar-ics': channel<{ fileName: string; text: string }>()(
    z
      .object({
        from: isoDate,
        to: isoDate,
        asOf: isoDate.optional(),
        lang: z.enum(['zh-CN', 'en']).optional(),
        ...calendarFilter,
      })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'invalid_period', path: ['from'] }),
  ),
  'collections:worklist': channel<{ asOf: string; rows: WorklistRow[] }>()(
    z.object({ asOf: isoDate.optional() }).strict(),
  ),
  'collections:worklist-page': channel<WorklistPage>()(
    z
      .object({
        asOf: isoDate.optional(),
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(1_000),
      })
      .strict(),
  ),
  'collections:ladder': channel<LadderStepOut[]>()(z.object({}).strict().default({})),
  'collections:ladder-update': channel<LadderStepOut[]>()(ladderInput),
  'collections:settings': channel<{ promiseGraceDays: number; slipFollowUpDays: number }>()(
    z.object({}).strict().default({}),
  ),
  'collections:settings-update': channel<{ promiseGraceDays: number; slipFollowUpDays: number }>()(
    collectionsSettingsInput,
  ),
  'collections:message': channel<{ text: string }>()(
    z.object({ customerId: id, asOf: isoDate, lang: z.enum(['zh-CN', 'en']).optional() }).strict(),
  ),
  /** batch 催款函: customers at exactly `level`, not paused, as of `asOf` (optionally only some) */
  'collections:letters-start': channel<LetterJob>()(
    z
      .object({
        asOf: isoDate,
        level: z.number().int().min(1).max(20),
        output: z.enum(['per_customer', 'combined']),
        customerIds: z.array(id).max(100000).optional(),
        lang: z.enum(['zh-CN', 'en']).optional(),
        /** the folder chosen by the user (default: letters/ under the user-data folder) */
        dir: lettersDir.optional(),
      })
      .strict(),
  ),
  'collections:letters-progress': channel<LetterJob | null>()(z.object({}).strict().default({})),
  'collections:letters-cancel': channel<LetterJob | null>()(z.object({}).strict().default({})),
  'collections:kpis': channel<CollectionsKpisOut>()(
    z
      .object({ asOf: isoDate.optional(), from: isoDate, to: isoDate })
      .strict()
      .refine((v) => v.from <= v.to, { message: 'invalid_period', path: ['from'] }),
  ),
};

function daysApart(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
