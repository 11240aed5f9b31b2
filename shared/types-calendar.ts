// One item on the collection calendar (催收日历). Every area that puts work on the calendar
// (receivables, promises, collection records, visit plans, credit reviews, statements,
// complaints) produces these through a source in main/reports/calendar/sources.ts.
export const CALENDAR_ITEM_KINDS = [
  'invoice_due',
  'promise',
  'call',
  'visit',
  'credit_review',
  'statement_run',
  'slip_followup',
  'complaint_followup',
  'service_followup',
] as const;
export type CalendarItemKind = (typeof CALENDAR_ITEM_KINDS)[number];

export interface CalendarItem {
  kind: CalendarItemKind;
  /** YYYY-MM-DD the item falls on */
  date: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  /** money in fen where the item has an amount (invoice_due: open amount; promise: promised amount) */
  amount?: number;
  /** e.g. a promise's pending|kept|partly_kept|broken, or planned|done|missed for visits */
  status?: string;
  /** id of the record behind the item in its own table (promise id, visit id, ...) */
  refId?: number;
  /** short text shown on the calendar (already in the book's words: invoice number, contact...) */
  label?: string;
  /** true when the work is done; open items dated before the as-of date are overdue */
  done?: boolean;
}
