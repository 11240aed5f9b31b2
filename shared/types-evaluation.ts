// The comprehensive evaluation sheet (客户综合评价表, SPEC §3): per customer, nine rows with the
// book's figures where the book has them and the user's comment / problem / improvement.
// Money in fen; shares in basis points; dates YYYY-MM-DD.
import type { VisitStatus } from './types-visits';

export const EVALUATION_ROWS = [
  'order_size',
  'order_count',
  'sales_share',
  'selling_cost',
  'credit_cost',
  'view_of_us',
  'support',
  'visit_plan',
  'payment_delays',
] as const;
export type EvaluationRowKey = (typeof EVALUATION_ROWS)[number];

/** What the book says about the customer in the period (filled in, never typed). */
export interface EvaluationFigures {
  customerId: number;
  from: string;
  to: string;
  asOf: string;
  /** invoices issued in the period, voided excluded */
  invoices: number;
  sales: number;
  /** sales ÷ invoices, rounded half away from zero; null without invoices */
  averageOrder: number | null;
  /** all customers' sales in the period */
  bookSales: number;
  shareBp: number | null;
  /** credit cost = receivables cost of its balance: opportunity cost of the average balance + provision on its open invoices */
  averageBalance: number;
  costOfCapitalBp: number;
  opportunityCost: number;
  provision: number;
  creditCost: number;
  /** planned visits in the period by status as of asOf, and the tier / prospect grade they follow */
  visits: Record<VisitStatus, number>;
  valueTier: string | null;
  prospectGrade: string | null;
  /** invoices settled in the period: amount-weighted average days late; late ones counted */
  averageDaysLate: number | null;
  lateInvoices: number;
  /** open and overdue as of asOf */
  overdueNow: number;
}

export interface EvaluationRowInput {
  key: EvaluationRowKey;
  comment: string | null;
  problem: string | null;
  improvement: string | null;
}

export interface EvaluationInput {
  customerId: number;
  from: string;
  to: string;
  /** 销售费用: not in the book, typed by the user (fen); null = not given */
  sellingCost: number | null;
  rows: EvaluationRowInput[];
  summary: string | null;
}

export interface EvaluationRecord extends EvaluationInput {
  id: number;
  customerCode: string;
  customerName: string;
  evaluatedOn: string;
  evaluator: string | null;
  createdAt: string;
  figures: EvaluationFigures;
}
