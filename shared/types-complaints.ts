// Complaints and claims (客户投诉与索赔, SPEC §8): the shapes that cross IPC. Money is integer
// fen, dates YYYY-MM-DD.
export const COMPLAINT_CHANNELS = ['phone', 'letter', 'visit', 'online'] as const;
export const COMPLAINT_TYPES = ['product_quality', 'sales_contract', 'transport', 'service'] as const;
export const COMPLAINT_SEVERITIES = ['low', 'normal', 'high', 'urgent'] as const;
/**
 * Status moves only forward: received → investigating → resolved → closed (steps may be
 * skipped, e.g. a complaint answered on the phone goes straight to resolved). Resolving needs
 * the responsibility and the resolution (分清责任).
 */
export const COMPLAINT_STATUSES = ['received', 'investigating', 'resolved', 'closed'] as const;
export const RESPONSIBILITIES = ['ours', 'supplier', 'carrier', 'customer', 'unclear'] as const;
export const RESOLUTIONS = ['apology', 'replacement', 'repair', 'refund', 'compensation'] as const;
export const SUPPLIER_CLAIM_STATUSES = ['none', 'claimed', 'recovered', 'rejected'] as const;

export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];
export type ComplaintType = (typeof COMPLAINT_TYPES)[number];
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export type Responsibility = (typeof RESPONSIBILITIES)[number];
export type Resolution = (typeof RESOLUTIONS)[number];
export type SupplierClaimStatus = (typeof SUPPLIER_CLAIM_STATUSES)[number];

/** Days from receiving a complaint to the reply, per severity (及时处理). */
export type ReplyDays = Record<ComplaintSeverity, number>;
export const DEFAULT_REPLY_DAYS: ReplyDays = { low: 7, normal: 3, high: 1, urgent: 0 };

export interface ComplaintRow {
  id: number;
  number: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  receivedOn: string;
  channel: ComplaintChannel;
  type: ComplaintType;
  description: string;
  severity: ComplaintSeverity;
  replyBy: string;
  repliedOn: string | null;
  receivedBy: string | null;
  followUpBy: string | null;
  replyPerson: string | null;
  status: ComplaintStatus;
  investigatingOn: string | null;
  resolvedOn: string | null;
  closedOn: string | null;
  responsibility: Responsibility | null;
  resolution: Resolution | null;
  compensation: number;
  claimConfirmedOn: string | null;
  claimVoidedAt: string | null;
  creditNoteId: number | null;
  creditNoteNumber: string | null;
  creditNoteVoid: boolean;
  supplierClaim: number;
  supplierClaimStatus: SupplierClaimStatus;
  satisfaction: number | null;
  followUpOn: string | null;
  disputesInvoices: boolean;
  note: string | null;
  version: number;
  /** reply not given, reply-by date passed (as of today), complaint still open */
  overdueReply: boolean;
}

export interface ComplaintInvoice {
  id: number;
  number: string;
  issueDate: string;
  amount: number;
  open: number;
}

export interface ComplaintDetail extends ComplaintRow {
  invoices: ComplaintInvoice[];
}

export interface ComplaintFilter {
  customerId?: number;
  status?: ComplaintStatus[];
  type?: ComplaintType[];
  responsibility?: Responsibility[];
  overdueReply?: boolean;
  from?: string;
  to?: string;
}

/** The fixed row of `creditdesk complaints --format json`. */
export interface ComplaintCliRow {
  number: string;
  customerCode: string;
  receivedOn: string;
  type: ComplaintType;
  status: ComplaintStatus;
  responsibility: Responsibility | null;
  compensation: number;
  creditNote: string | null;
}

/** Raw figures for 留档分析; the renderer shapes them for charts (reports/complaints-series.ts). */
export interface ComplaintAnalysisRow {
  month: string; // YYYY-MM of received on
  type: ComplaintType;
  responsibility: Responsibility | null;
  status: ComplaintStatus;
  count: number;
  compensation: number;
  /** Σ days from received to resolved, over the `resolvedCount` resolved ones */
  resolveDays: number;
  resolvedCount: number;
}

export interface ComplaintAnalysis {
  from: string | null;
  to: string | null;
  rows: ComplaintAnalysisRow[];
  topCustomers: {
    customerId: number;
    customerCode: string;
    customerName: string;
    count: number;
    compensation: number;
  }[];
  supplierClaims: { outstandingCount: number; outstandingAmount: number; recoveredAmount: number };
}
