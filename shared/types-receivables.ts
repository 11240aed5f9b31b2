// Receivables data shapes that cross IPC (outputs). Money is integer fen, dates YYYY-MM-DD.

export const RECEIPT_METHODS = [
  'cash',
  'bank_transfer',
  'bank_acceptance_bill',
  'commercial_bill',
  'cheque',
  'offset',
] as const;
export type ReceiptMethod = (typeof RECEIPT_METHODS)[number];
export const CREDIT_NOTE_KINDS = ['return', 'allowance', 'claim'] as const;
export type CreditNoteKind = (typeof CREDIT_NOTE_KINDS)[number];
export const NOTE_KINDS = ['bank_acceptance', 'commercial'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
export const NOTE_STATES = ['held', 'honoured', 'endorsed', 'discounted', 'dishonoured'] as const;
export type NoteState = (typeof NOTE_STATES)[number];
/** Notes that still count in the credit exposure (not yet settled). */
export const UNSETTLED_NOTE_STATES: readonly NoteState[] = ['held', 'dishonoured'];

export interface InvoiceRow {
  id: number;
  customerId: number;
  customerCode: string;
  number: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  description: string | null;
  open: number;
  settledOn: string | null;
  overrideReason: string | null;
  voidedAt: string | null;
  voidReason: string | null;
}

export interface ReceiptRow {
  id: number;
  customerId: number;
  customerCode: string;
  number: string | null;
  date: string;
  amount: number;
  method: ReceiptMethod;
  reference: string | null;
  namedInvoiceId: number | null;
  unapplied: number;
  voidedAt: string | null;
  voidReason: string | null;
}

export interface CreditNoteRow {
  id: number;
  customerId: number;
  number: string;
  date: string;
  amount: number;
  kind: CreditNoteKind;
  invoiceId: number | null;
  reason: string | null;
  unapplied: number;
  voidedAt: string | null;
}

export interface WriteOffRow {
  id: number;
  customerId: number;
  invoiceId: number;
  invoiceNumber: string;
  date: string;
  amount: number;
  approvedBy: string;
  reason: string;
  recovered: number;
  voidedAt: string | null;
}

export interface NoteReceivableRow {
  id: number;
  customerId: number;
  number: string;
  kind: NoteKind;
  drawer: string;
  issueDate: string;
  maturityDate: string;
  amount: number;
  state: NoteState;
  stateDate: string;
}

export interface AllocationRow {
  id: number;
  invoiceId: number;
  invoiceNumber: string;
  receiptId: number | null;
  creditNoteId: number | null;
  writeOffId: number | null;
  amount: number;
  date: string;
  kind: string;
  createdAt: string;
}

export interface CreditReasonOut {
  code: 'over_limit' | 'near_limit' | 'on_hold' | 'overdue' | 'no_limit' | 'max_days_owed' | 'overdue_amount';
  severity: 'warn' | 'block';
  message: string;
}

export interface CreditCheckOut {
  customerId: number;
  status: 'ok' | 'warn' | 'block';
  reasons: CreditReasonOut[];
  openReceivables: number;
  unsettledNotes: number;
  exposure: number;
  projected: number;
  limit: number | null;
  available: number | null;
  oldestOverdueDays: number;
  onHold: boolean;
}

export interface InvoiceCreated {
  invoice: InvoiceRow;
  credit: CreditCheckOut;
  /** The credit check blocked and the operator overrode it with this reason. */
  overridden: string | null;
}

export interface ReceiptCreated {
  receipt: ReceiptRow;
  allocations: AllocationRow[];
}

export interface AgeingBucketDef {
  key: string;
  from: number | null;
  to: number | null;
}

export interface AgeingReportRow {
  customerId: number;
  customerCode: string;
  customerName: string;
  buckets: Record<string, number>;
  unapplied: number;
  total: number;
  creditLimit: number;
  /** total ÷ limit in basis points (10000 = 100 %); null without a limit. */
  limitUsedBp: number | null;
}

export interface AgeingReportOut {
  asOf: string;
  basis: 'due' | 'issue';
  currency: string;
  buckets: AgeingBucketDef[];
  rows: AgeingReportRow[];
  totals: { buckets: Record<string, number>; unapplied: number; total: number };
  /** How it was computed: 'current' (from open amounts) or 'as_of' (rebuilt from allocations). */
  method: 'current' | 'as_of';
  ms: number;
}

/**
 * `ageing:report` as it crosses IPC: the same report by columns. 42,000 row objects cost the main
 * process about 18 MB of short-lived heap per report; columns of plain numbers a tenth of that.
 * The renderer's client turns it back into rows (shared/ipc/wire.ts).
 */
export interface AgeingReportWire extends Omit<AgeingReportOut, 'rows'> {
  /** typed arrays in the app (structured clone), plain arrays after JSON (browser mode) */
  columns: {
    customerId: ArrayLike<number>;
    code: string[];
    name: string[];
    /** rows × buckets.length amounts, row-major */
    cells: ArrayLike<number>;
    unapplied: ArrayLike<number>;
    total: ArrayLike<number>;
    creditLimit: ArrayLike<number>;
    /** NaN (null after JSON) without a credit limit */
    limitUsedBp: ArrayLike<number | null>;
  };
}

export interface OpenItemOut {
  invoiceId: number;
  number: string;
  issueDate: string;
  dueDate: string;
  amount: number;
  open: number;
  daysPastDue: number;
  daysSinceIssue: number;
  bucket: string;
}

export interface DrilldownOut {
  asOf: string;
  basis: 'due' | 'issue';
  customerId: number;
  customerCode: string;
  customerName: string;
  bucket: string | null;
  items: OpenItemOut[];
  total: number;
}

export interface TieOutOut {
  asOf: string;
  /** Σ open invoices as of the date (the bucket columns). */
  agedInvoices: number;
  /** Unapplied credits (≤ 0): receipts and credit notes not applied, over-credits. */
  unapplied: number;
  /** agedInvoices + unapplied: the ageing report's total. */
  ageingTotal: number;
  /** Σ invoices − receipts − credit notes − write-offs (+ recoveries), dated on or before. */
  ledgerBalance: number;
  /** ageingTotal − ledgerBalance: 0 when the books agree. */
  difference: number;
  /** Notes receivable held on that date: a separate asset (应收票据), not in the ageing. */
  notesReceivable: { count: number; amount: number };
  /** Documents dated after the date: entered, but not part of the position. */
  documentsAfter: {
    invoices: number;
    invoiced: number;
    receipts: number;
    received: number;
    credits: number;
    credited: number;
    writtenOff: number;
  };
  explanation: string[];
}

export interface LedgerLine {
  date: string;
  kind: 'invoice' | 'receipt' | 'credit_note' | 'write_off' | 'recovery';
  id: number;
  number: string;
  description: string | null;
  debit: number;
  credit: number;
  balance: number;
  voided: boolean;
}

export interface CustomerLedgerOut {
  customerId: number;
  customerCode: string;
  customerName: string;
  asOf: string;
  lines: LedgerLine[];
  allocations: AllocationRow[];
  openItems: OpenItemOut[];
  credits: {
    kind: 'receipt' | 'credit_note';
    id: number;
    number: string | null;
    date: string;
    amount: number;
    unapplied: number;
  }[];
  /** The customer's write-offs (void ones too), `recovered` as of the date. */
  writeOffs: WriteOffRow[];
  balance: number;
  open: number;
  unapplied: number;
  notes: NoteReceivableRow[];
}

export interface AgeingPreset {
  name: string;
  basis: 'due' | 'issue';
  buckets: AgeingBucketDef[];
  isDefault: boolean;
  builtIn: boolean;
}

export interface CreditPolicyOut {
  overLimit: 'warn' | 'block';
  nearLimitBp: number | null;
  onHold: 'warn' | 'block';
  maxOverdueDays: number | null;
  overdue: 'warn' | 'block';
  noLimit: 'ok' | 'warn' | 'block';
}

export interface ReceivablesSettings {
  /** small_enterprise = 小企业会计准则 (direct write-off), enterprise = 企业会计准则 (provision matrix). */
  accountingStandard: 'small_enterprise' | 'enterprise';
  provisionBuckets: AgeingBucketDef[];
  provisionRatesBp: Record<string, number>;
  /** Annual cost of capital in basis points (600 = 6 %). */
  costOfCapitalBp: number;
  creditPolicy: CreditPolicyOut;
  /** A zero credit limit means "no approved limit" (no_limit check) rather than a limit of 0. */
  zeroLimitMeansNone: boolean;
}

export interface DashboardOut {
  asOf: string;
  totalReceivable: number;
  overdue: number;
  notDue: number;
  overdueShareBp: number | null;
  unapplied: number;
  net: number;
  period: {
    from: string;
    to: string;
    days: number;
    opening: number;
    sales: number;
    collected: number;
    otherCredits: number;
    closing: number;
    averageDailyBalance: number;
  };
  dso: number | null;
  collectionRate: { ratio: number | null; bp: number | null };
  cost: {
    costOfCapitalBp: number;
    opportunityCost: number;
    provision: number;
    total: number;
    standard: 'small_enterprise' | 'enterprise';
    provisionLines: {
      key: string;
      from: number | null;
      to: number | null;
      amount: number;
      rateBp: number;
      provision: number;
    }[];
  };
  trend: { month: string; date: string; balance: number }[];
  topOverdue: { customerId: number; customerCode: string; customerName: string; overdue: number; total: number }[];
  ms: number;
}

/** A running invoice / receipt import (`imports:progress`; null when none runs). */
export interface ImportProgressOut {
  kind: 'invoices' | 'receipts';
  fileName: string;
  /** reading (rows checked and written as read), then, for receipts, applying them */
  phase: 'reading' | 'applying';
  /** data rows read so far */
  rows: number;
  /** receipts: customers whose receipts are applied, of how many */
  customersDone: number;
  customersTotal: number;
}

export interface ArImportSummary {
  imported: number;
  created: number;
  updated: number;
  amount: number;
  allocations?: number;
  applied?: number;
  unapplied?: number;
  ms: number;
}
