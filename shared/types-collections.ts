// Shapes of the collections area (催收): promises to pay, dunning list, calendar, collection
// records. Money in fen, dates YYYY-MM-DD. The CLI JSON of promises / dunning / calendar is a
// fixed interface (issue #13); the IPC answers carry a few more fields.
import type { CalendarItem } from './types-calendar';

export const PROMISE_STATUSES = ['pending', 'kept', 'partly_kept', 'broken'] as const;
export type PromiseStatusKey = (typeof PROMISE_STATUSES)[number];
export const PROMISE_FORMS = ['written', 'verbal'] as const;
export type PromiseForm = (typeof PROMISE_FORMS)[number];

export const COLLECTION_CHANNELS = [
  'call',
  'visit',
  'letter',
  'sms_wechat',
  'email',
  'lawyer_letter',
  'lawsuit',
] as const;
export type CollectionChannel = (typeof COLLECTION_CHANNELS)[number];
/** 收款手段 (SPEC §5). */
export const COLLECTION_METHODS = [
  'scheduled',
  'advising',
  'relationship',
  'service',
  'inside_contact',
  'third_party',
  'information',
  'persistence',
  'agency',
  'legal',
  'automated',
] as const;
export type CollectionMethod = (typeof COLLECTION_METHODS)[number];
/** 策略 (SPEC §5). */
export const COLLECTION_TACTICS = ['reasoning', 'sympathy', 'attrition', 'provocation', 'carrot_stick'] as const;
export type CollectionTactic = (typeof COLLECTION_TACTICS)[number];
export const DELAY_SIDES = ['company', 'customer', 'salesperson'] as const;
export type DelaySide = (typeof DELAY_SIDES)[number];
export const NEXT_STEPS = ['call', 'visit', 'letter', 'sms_wechat', 'email'] as const;
export type NextStep = (typeof NEXT_STEPS)[number];

export interface PromiseStatusRow {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  madeOn: string;
  promisedOn: string;
  amount: number;
  received: number;
  status: PromiseStatusKey;
  promisedBy: string | null;
  form: string;
  collectionRecordId: number | null;
}

export interface PromiseReport {
  asOf: string;
  rows: PromiseStatusRow[];
}

export interface DunningListRow {
  customerId: number;
  customerCode: string;
  customerName: string;
  daysOverdue: number;
  overdue: number;
  level: number | null;
  paused: boolean;
  /** why paused: a pending promise, a dispute */
  pausedBy: ('promise' | 'dispute')[];
}

export interface DunningReport {
  asOf: string;
  rows: DunningListRow[];
}

export interface CalendarDayOut {
  date: string;
  due: number;
  items: CalendarItem[];
}

export interface CalendarReport {
  from: string;
  to: string;
  asOf: string;
  days: CalendarDayOut[];
}

export interface LadderStepOut {
  level: number;
  days: number;
  name: string;
  letterTemplate: string;
  action: 'none' | 'credit_hold' | 'stop_supply' | 'legal';
}

export interface CollectionRecordOut {
  id: number;
  customerId: number;
  date: string;
  contactId: number | null;
  contactName: string | null;
  channel: CollectionChannel;
  method: string | null;
  tactic: string | null;
  outcome: string | null;
  delaySide: string | null;
  delayReason: string | null;
  nextStep: string | null;
  nextDate: string | null;
  operatorName: string | null;
  source: string | null;
}

export type WorklistReasonKey =
  | 'due_today'
  | 'promise_due_today'
  | 'promise_broken'
  | 'ladder_step'
  | 'call_planned'
  | 'visit_planned'
  | 'slip_not_returned'
  | 'in_dispute'
  | 'slip_disagrees';

export interface WorklistReason {
  key: WorklistReasonKey;
  date?: string;
  amount?: number;
  level?: number;
  /** in_dispute: the complaint number (TS-…) that disputes invoices */
  ref?: string;
}

export interface WorklistRow {
  customerId: number;
  customerCode: string;
  customerName: string;
  overdue: number;
  daysOverdue: number;
  level: number | null;
  brokenPromises: number;
  partlyKeptPromises: number;
  averageDaysLate: number;
  /** risk × 1000 (1000 = no extra risk) */
  riskMilli: number;
  /** the ranking score's exact decimal digits (it passes 2^53 at the money caps), e.g. "64727" */
  score: string;
  reasons: WorklistReason[];
}

export interface CustomerCollectionsOut {
  asOf: string;
  promises: PromiseStatusRow[];
  records: CollectionRecordOut[];
  keptRate: { kept: number; decided: number; rate: number | null };
}
