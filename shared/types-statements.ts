// Data shapes of customer statements (对账单), printing, batch runs and returned confirmation
// slips (回执) that cross IPC. Money is integer fen, dates YYYY-MM-DD, moments ISO-8601 UTC.
import type { CompanySettings } from './types';
import type { Confidentiality } from './customer-fields';
import type { OpenItemOut } from './types-receivables';

export const STATEMENT_STYLES = ['balance_forward', 'open_item'] as const;
export type StatementStyle = (typeof STATEMENT_STYLES)[number];
export const PRINT_LANGS = ['zh-CN', 'en'] as const;
export type PrintLang = (typeof PRINT_LANGS)[number];
export const CARD_KINDS = ['basic', 'management', 'address', 'grade', 'complaint'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

export type StatementLineKind = 'invoice' | 'receipt' | 'credit_note' | 'write_off' | 'recovery';

export interface StatementLineOut {
  date: string;
  kind: StatementLineKind;
  number: string;
  debit: number;
  credit: number;
  /** Running balance after this line (a void line leaves it unchanged). */
  balance: number;
  /** Present (true) only on voided documents shown with includeVoided: zero effect. */
  void?: boolean;
  /** Present (true) only on an invoice the customer disputes as of `to` (an open complaint). */
  disputed?: boolean;
}

/** An open invoice as of the statement's end date: the same shape as the ageing drill-down. */
export type StatementOpenItem = OpenItemOut & {
  /** disputed as of `to` (an open complaint that disputes it) */ disputed?: boolean;
};

/** Something the customer disputes as of `to`: an open complaint that disputes invoices, or a returned slip that disagrees. */
export interface StatementDispute {
  source: 'complaint' | 'slip';
  /** complaint number, or the statement period end the slip answered */
  ref: string;
  receivedOn: string;
  /** invoice numbers the complaint disputes */
  invoices: string[];
  statedDifference: number | null;
  note: string | null;
}

export interface StatementCredit {
  kind: 'receipt' | 'credit_note' | 'write_off';
  number: string;
  date: string;
  amount: number;
  /** Part not applied to any invoice as of `to` (positive). */
  unapplied: number;
}

export interface StatementCustomerBlock {
  id: number;
  code: string;
  name: string;
  address: string | null;
  phone: string | null;
  confidentiality: Confidentiality;
  /** The contact marked as key person for payment (付款关键人), else the first contact. */
  keyContact: { name: string; title: string | null; phone: string | null } | null;
  paymentTermsDays: number;
  /** cash-discount terms (credit area, e.g. 2/10 n/30), printed under the payment terms; absent when none */
  cashDiscount?: { discountBp: number; discountDays: number; netDays: number };
}

export interface StatementData {
  customerCode: string;
  from: string;
  to: string;
  style: StatementStyle;
  currency: string;
  /** Balance of every document dated before `from`. */
  opening: number;
  /** Balance-forward lines (both styles carry them; the open-item print leaves them out). */
  lines: StatementLineOut[];
  closing: number;
  closingInWords: string;
  /** Ageing of the closing position as of `to` (days past due); Σ buckets + unapplied = total = closing. */
  ageing: {
    buckets: Record<string, number>;
    unapplied: number;
    total: number;
    keys: { key: string; from: number | null; to: number | null }[];
  };
  openItems: StatementOpenItem[];
  /** Unapplied credits as of `to` (open-item style shows them under the open invoices). */
  credits: StatementCredit[];
  company: CompanySettings;
  customer: StatementCustomerBlock;
  /** Voided documents were listed (zero effect). */
  includesVoided: boolean;
  /** Open disputes as of `to` (the dunning ladder pauses for this customer); absent when none. */
  disputes?: StatementDispute[];
  ms: number;
}

export interface StatementQuery {
  customerId?: number;
  customerCode?: string;
  from: string;
  to: string;
  style?: StatementStyle;
  includeVoided?: boolean;
}

export interface StatementHtmlOut {
  html: string;
  title: string;
  fileName: string;
}

export interface StatementPdfOut {
  fileName: string;
  mime: 'application/pdf';
  base64: string;
  pages: number | null;
  /** statements_sent row when the PDF was recorded as sent */
  sentId: number | null;
}

// ---- batch -------------------------------------------------------------------------------

export interface StatementBatchFilter {
  regions?: string[];
  valueTiers?: string[];
  overdueOnly?: boolean;
  codes?: string[];
  /** with explicit codes zero balances print anyway; otherwise they are left out unless this is set */
  includeZero?: boolean;
}

export interface StatementBatchInput {
  from: string;
  to: string;
  style?: StatementStyle;
  lang?: PrintLang;
  filter?: StatementBatchFilter;
  output: 'per_customer' | 'combined';
  dir: string;
  /** include confidential / top-secret customers (else they are skipped and logged) */
  confirmed?: boolean;
}

export type BatchLogStatus = 'produced' | 'skipped' | 'failed';

export interface BatchLogEntry {
  customerCode: string;
  customerName: string;
  status: BatchLogStatus;
  file: string | null;
  closing: number | null;
  message: string | null;
  /** the message as a key of shared/messages/server-messages.ts, shown in the user's language */
  messageKey?: string;
}

export interface StatementBatchJob {
  runId: number;
  state: 'running' | 'done' | 'cancelled' | 'failed';
  total: number;
  processed: number;
  produced: number;
  skipped: number;
  failed: number;
  percent: number;
  current: string | null;
  dir: string;
  output: 'per_customer' | 'combined';
  combinedFile: string | null;
  startedAt: string;
  finishedAt: string | null;
  message: string | null;
  log: BatchLogEntry[];
}

export interface StatementRunRow {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  operatorName: string | null;
  kind: 'single' | 'batch';
  from: string;
  to: string;
  state: string;
  produced: number;
  skipped: number;
  failed: number;
  dir: string | null;
}

// ---- sent statements and confirmation slips (回执) ----------------------------------------

export interface StatementSentRow {
  id: number;
  runId: number | null;
  customerId: number;
  customerCode: string;
  customerName: string;
  from: string;
  to: string;
  style: StatementStyle;
  closing: number;
  sentAt: string;
  file: string | null;
  /** days since it was sent (as of today) */
  daysOut: number;
}

export type ConfirmationResult = 'agrees' | 'disagrees';

export interface ConfirmationRow {
  id: number;
  statementId: number | null;
  customerId: number;
  customerCode: string;
  customerName: string;
  periodTo: string;
  /** the closing balance the statement showed (null when no sent statement is linked) */
  closing: number | null;
  result: ConfirmationResult;
  /** the difference the customer states (fen; customer's figure − ours, as written on the slip) */
  statedDifference: number | null;
  note: string | null;
  receivedOn: string;
  scan: { name: string; mime: string; size: number; stored: 'blob' | 'path'; path: string | null } | null;
  recordedAt: string;
  recordedBy: string | null;
  resolvedAt: string | null;
  resolution: string | null;
}

export interface ConfirmInput {
  statementId?: number;
  customerId?: number;
  periodTo?: string;
  result: ConfirmationResult;
  statedDifference?: number | null;
  note?: string | null;
  receivedOn: string;
  scan?: { fileName: string; mime: string; base64: string } | null;
  scanPath?: string | null;
}
