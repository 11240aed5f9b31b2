// Credit management answers (SPEC §4) as they cross IPC. Money in fen, dates YYYY-MM-DD.
import type { OperatorRole } from './types';

export type SixCKey = 'character' | 'capacity' | 'capital' | 'collateral' | 'conditions' | 'continuity';
export type Grade = 'AAA' | 'AA' | 'A' | 'BBB' | 'BB' | 'B' | 'CCC' | 'CC' | 'C' | 'D';
export type LimitMethod = 'sales' | 'working_capital' | 'current_ratio' | 'net_asset' | 'judgement';

export interface CreditPositionRow {
  customerCode: string;
  rating: string | null;
  creditClass: string | null;
  creditLimit: number | null;
  exposure: number;
  available: number | null;
  utilisationBp: number | null;
  nextReviewDue: string | null;
  onHold: boolean;
}

export interface CreditSettingsOut {
  weights: Record<SixCKey, number>;
  thresholds: { grade: Grade; min: number }[];
  maxDaysOwed: number | null;
  overdueAmountLimit: number | null;
}

export interface WorksheetInputsIn {
  sales?: { monthlyPurchases: number; supplyShareBp: number; creditPeriodMonths: string | number };
  workingCapital?: { workingCapital: number; suppliers: number };
  currentRatio?: {
    currentAssets: number;
    currentLiabilities: number;
    baseLimit: number;
    normPermille?: number;
    capPermille?: number;
  };
  netAsset?: { totalAssets: number; totalLiabilities: number; suppliers: number };
  judgement?: { amount: number; adjustments?: { reason: string; amount: number }[] };
}

export interface WorksheetOut {
  limits: Record<LimitMethod, number | null>;
  issues: { field: string; key: string; values?: Record<string, string | number> }[];
}

export interface CreditProfileOut {
  position: CreditPositionRow;
  evidence: {
    invoices: number;
    avgDaysLate: number | null;
    largestOverdue: number;
    ledgerMonths: number;
    firstIssue: string | null;
    decidedPromises: number;
    brokenPromises: number;
    /** broken (or partly kept) ÷ decided promises, basis points; null when none decided */
    brokenPromiseRateBp: number | null;
  };
  suggestion:
    | { grade: Grade; key: 'late_payer'; values: { avgDaysLate: number; overDays: number } }
    | { grade: Grade; key: 'broken_promises'; values: { broken: number; decided: number; ratePct: string } }
    | null;
  recentWarningSigns: { key: string; date: string }[];
  history: {
    ratings: {
      id: number;
      ratedOn: string;
      scores: Record<SixCKey, number>;
      weights: Record<SixCKey, number>;
      scoreX100: number;
      grade: Grade;
      note: string | null;
      ratedBy: string | null;
      approvedBy: string | null;
    }[];
    classes: { id: number; creditClass: string; setOn: string; reason: string | null; setBy: string | null }[];
    reviews: {
      id: number;
      reviewedOn: string;
      kind: 'regular' | 'emergency';
      findings: string;
      putOnHold: number;
      reviewedBy: string | null;
    }[];
    decisions: {
      id: number;
      effectiveDate: string;
      amount: number;
      method: string;
      inputs: unknown;
      reason: string;
      source: string;
      decidedBy: string | null;
      approvedBy: string | null;
      decidedAt: string;
    }[];
    investigations: {
      id: number;
      date: string;
      channel: string;
      source: string | null;
      findings: string;
      attachments: string[];
      warningSigns: string[];
      recordedBy: string | null;
    }[];
    countermeasures: {
      id: number;
      action: string;
      detail: string | null;
      status: string;
      dueDate: string | null;
      createdBy: string | null;
      createdAt: string;
      updatedAt: string;
    }[];
    terms: { discountBp: number; discountDays: number; netDays: number } | undefined;
  };
}

type Named = CreditPositionRow & { customerId: number; customerName: string };

export interface CreditOverviewOut {
  asOf: string;
  customers: number;
  overLimit: Named[];
  nearLimit: Named[];
  reviewsDue: (Named & { overdue: boolean })[];
  downgrades: {
    customerCode: string;
    customerName: string;
    customerId: number;
    ratedOn: string;
    grade: string;
    previous: string;
  }[];
  grades: { grade: string; customers: number }[];
  utilisation: { band: string; customers: number }[];
  ms: number;
}

export interface CreditBacktestOut {
  asOf: string;
  rows: { grade: string; customers: number; bad: number; badBp: number | null }[];
  ms: number;
}

/** The back-test as a job (credit:backtest-start / -progress / -cancel): run off the window's thread. */
export interface CreditBacktestJob {
  state: 'running' | 'done' | 'cancelled' | 'failed';
  asOf: string;
  /** slices of customers done / all slices */
  done: number;
  total: number;
  /** customers with a grade counted so far */
  customers: number;
  result: CreditBacktestOut | null;
  /** message of a failed run (an i18n key when the failure is an AppError) */
  error: string | null;
}

export interface OperatorRoleOut {
  id: number;
  name: string;
  role: OperatorRole;
}
