// Customer analysis (客户分析, SPEC §3): value tier settings, runs and the analysis page's data.
// Money is integer fen; dates YYYY-MM-DD.
export const VALUE_TIER_KEYS = ['A', 'B', 'C'] as const;
export type TierKey = (typeof VALUE_TIER_KEYS)[number];
export const TIER_METHODS = ['pareto', 'threshold'] as const;
export type TierMethodKind = (typeof TIER_METHODS)[number];

export interface TierSettings {
  /** window length in whole months, 3–6 */
  months: number;
  method: TierMethodKind;
  /** Pareto: cumulative share limits in percent (A ≤ aPercent, B ≤ bPercent) */
  aPercent: number;
  bPercent: number;
  /** 等级标准额: average monthly sales thresholds in fen (A ≥ aMin, B ≥ bMin; bMin < aMin) */
  aMin: number;
  bMin: number;
}

export const DEFAULT_TIER_SETTINGS: TierSettings = {
  months: 3,
  method: 'pareto',
  aPercent: 80,
  bPercent: 95,
  aMin: 10_000_00,
  bMin: 2_000_00,
};

export interface TierRunSummary {
  id: number;
  asOf: string;
  months: number;
  method: TierMethodKind;
  from: string;
  to: string;
  counts: Record<TierKey, number>;
  trigger: 'manual' | 'monthly';
  operatorName: string | null;
  computedAt: string;
}

export interface TierMovement {
  customerId: number;
  customerCode: string;
  customerName: string;
  from: TierKey | null;
  to: TierKey;
  averageMonthly: number;
}

export interface TierMovementRow {
  customerId: number;
  customerCode: string;
  customerName: string;
  from: string | null;
  to: string;
  averageMonthly: number;
}

/** One cell of the tier × credit-rating matrix (null: not computed / not rated). */
export interface MatrixCell {
  tier: string | null;
  rating: string | null;
  customers: number;
  /** open receivables, fen */
  open: number;
}

export interface CompositionRow {
  key: string | null;
  customers: number;
  /** net sales in the composition window (compositionWindow), fen */
  sales: number;
}

/** The whole months the composition's sales cover: the tier window as of today (current figures). */
export interface CompositionWindow {
  asOf: string;
  from: string;
  to: string;
  months: number;
}

import type { ParetoSeries } from './pareto-series';

export interface TierAnalysis {
  run: TierRunSummary | null;
  /** the latest run's ranking as the Pareto chart's bars (at most about 80, exact cumulative sums) */
  pareto: ParetoSeries;
  totals: { tier: string; customers: number; sales: number }[];
  movement: { up: TierMovementRow[]; down: TierMovementRow[] };
  matrix: MatrixCell[];
  composition: {
    nature: CompositionRow[];
    region: CompositionRow[];
    industry: CompositionRow[];
    tier: CompositionRow[];
  };
  compositionWindow: CompositionWindow;
}

/** What the analysis page paints first: the latest run's ranking, totals and movement. */
export type TierRanking = Pick<TierAnalysis, 'run' | 'pareto' | 'totals' | 'movement'>;
/** The panels read from the whole book (loaded after the ranking): matrix and composition. */
export type AnalysisPanels = Pick<TierAnalysis, 'matrix' | 'composition' | 'compositionWindow'>;

/** The customer card's overview (概览), as of a date. Money in fen. */
export interface CustomerOverview {
  customerId: number;
  asOf: string;
  balance: number;
  open: number;
  unapplied: number;
  overdue: number;
  creditLimit: number;
  /** false when the customer has no limit (0 with the setting 'a limit of 0 means no limit') */
  hasLimit: boolean;
  /** balance above zero, the part of the limit in use */
  creditUsed: number;
  /** limit − used (negative when over the limit); null without a limit */
  available: number | null;
  valueTier: string | null;
  valueTierOn: string | null;
  creditRating: string | null;
  /** days sales outstanding over the last 90 days (balance ÷ sales × 90), null without sales */
  dsoDays: number | null;
  /** amount-weighted average days paid after the due date, invoices settled in the last 12 months */
  averageDaysLate: number | null;
  ageing: { key: string; amount: number }[];
  /** the last 12 months (oldest first): invoices issued and receipts received */
  trend: { month: string; sales: number; receipts: number }[];
  activity: {
    date: string;
    kind: 'invoice' | 'receipt' | 'credit_note' | 'statement_sent' | 'slip_returned';
    ref: string | null;
    amount: number | null;
    note: string | null;
  }[];
}
