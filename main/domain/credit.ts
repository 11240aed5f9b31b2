// Credit management, SPEC §4: credit limit methods (each returns the limit in fen with the
// inputs it used, so the decision can be recorded), the 6C rating, and the credit check run
// when an invoice is entered.
// Rounding: every division of money is exact integer arithmetic (BigInt) rounded half away from
// zero to the fen; ratios (bp = 1/10000, permille = 1/1000) are integers.
import { mulDivRound, parseHundredths, type Fen } from '../../shared/money';

function assertFen(v: Fen, field: string, opts: { min?: number } = {}): void {
  if (!Number.isSafeInteger(v)) throw new RangeError(`${field} must be an integer number of fen, got ${v}`);
  if (opts.min !== undefined && v < opts.min) throw new RangeError(`${field} must be at least ${opts.min}, got ${v}`);
}

function assertInt(v: number, field: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(v) || v < min || v > max)
    throw new RangeError(`${field} must be a whole number ${min}–${max}, got ${v}`);
}

/** round(n / d), half away from zero, for BigInt n and positive d. */
function roundDiv(n: bigint, d: bigint): number {
  const neg = n < 0n;
  const a = neg ? -n : n;
  const q = (2n * a + d) / (2n * d);
  const r = Number(neg ? -q : q);
  if (!Number.isSafeInteger(r)) throw new RangeError('amount out of range');
  return r === 0 ? 0 : r;
}

// ---------------------------------------------------------------------------------------------
// Credit limit methods

export type CreditLimitMethod = 'sales' | 'working_capital' | 'current_ratio' | 'net_asset' | 'judgement';

export interface CreditLimitResult<I> {
  method: CreditLimitMethod;
  limit: Fen;
  inputs: I;
}

export interface SalesMethodInputs {
  /** Customer's total purchases per month. */
  monthlyPurchases: Fen;
  /** Our share of its supply in basis points (3000 = 30 %). */
  supplyShareBp: number;
  /** Credit period in months; up to two decimals ("1.5" or 1.5 = a month and a half), read exactly. */
  creditPeriodMonths: number | string;
}

/** 销售额测定法: monthly purchases × our supply share × credit period in months. */
export function salesMethodLimit(inputs: SalesMethodInputs): CreditLimitResult<SalesMethodInputs> {
  assertFen(inputs.monthlyPurchases, 'monthly purchases', { min: 0 });
  assertInt(inputs.supplyShareBp, 'supply share (bp)', 0, 10_000);
  let hundredths: number;
  try {
    hundredths = parseHundredths(inputs.creditPeriodMonths);
  } catch {
    hundredths = -1;
  }
  if (hundredths < 0) {
    throw new RangeError(
      `credit period must be a non-negative number of months with at most 2 decimals, got ${inputs.creditPeriodMonths}`,
    );
  }
  const limit = roundDiv(
    BigInt(inputs.monthlyPurchases) * BigInt(inputs.supplyShareBp) * BigInt(hundredths),
    1_000_000n,
  );
  return { method: 'sales', limit, inputs: { ...inputs } };
}

/** 周转资产分割法: working capital ÷ number of suppliers (0 when working capital is negative). */
export function workingCapitalLimit(inputs: {
  workingCapital: Fen;
  suppliers: number;
}): CreditLimitResult<{ workingCapital: Fen; suppliers: number }> {
  assertFen(inputs.workingCapital, 'working capital');
  assertInt(inputs.suppliers, 'number of suppliers', 1);
  const limit = inputs.workingCapital <= 0 ? 0 : roundDiv(BigInt(inputs.workingCapital), BigInt(inputs.suppliers));
  return { method: 'working_capital', limit, inputs: { ...inputs } };
}

export interface NetAssetInputs {
  totalAssets: Fen;
  totalLiabilities: Fen;
  suppliers: number;
}

/** 净资产分割法: (total assets − total liabilities) ÷ number of suppliers (0 when insolvent). */
export function netAssetLimit(inputs: NetAssetInputs): CreditLimitResult<NetAssetInputs & { netAssets: Fen }> {
  assertFen(inputs.totalAssets, 'total assets', { min: 0 });
  assertFen(inputs.totalLiabilities, 'total liabilities', { min: 0 });
  assertInt(inputs.suppliers, 'number of suppliers', 1);
  const netAssets = inputs.totalAssets - inputs.totalLiabilities;
  const limit = netAssets <= 0 ? 0 : roundDiv(BigInt(netAssets), BigInt(inputs.suppliers));
  return { method: 'net_asset', limit, inputs: { ...inputs, netAssets } };
}

export interface CurrentRatioInputs {
  currentAssets: Fen;
  currentLiabilities: Fen;
  /** The limit the customer would get at the norm ratio. */
  baseLimit: Fen;
  /** Norm current ratio in permille (default 2000 = 2.0). */
  normPermille?: number;
  /** Cap on the multiplier in permille (default 1500 = 1.5×). */
  capPermille?: number;
}

/**
 * 流动比率法: limit = base limit × min(current ratio ÷ norm ratio, cap). With no current
 * liabilities the ratio is unbounded and the cap applies.
 */
export function currentRatioLimit(
  inputs: CurrentRatioInputs,
): CreditLimitResult<Required<CurrentRatioInputs> & { currentRatio: number | null; capped: boolean }> {
  const normPermille = inputs.normPermille ?? 2000;
  const capPermille = inputs.capPermille ?? 1500;
  assertFen(inputs.currentAssets, 'current assets', { min: 0 });
  assertFen(inputs.currentLiabilities, 'current liabilities', { min: 0 });
  assertFen(inputs.baseLimit, 'base limit', { min: 0 });
  assertInt(normPermille, 'norm ratio (permille)', 1);
  assertInt(capPermille, 'cap (permille)', 0);
  const base = BigInt(inputs.baseLimit);
  const ca = BigInt(inputs.currentAssets);
  const cl = BigInt(inputs.currentLiabilities);
  const norm = BigInt(normPermille);
  const cap = BigInt(capPermille);
  // factor = (ca / cl) ÷ (norm / 1000); capped when factor > cap / 1000 ⇔ ca·10⁶ > cap·cl·norm.
  const capped = cl === 0n || ca * 1_000_000n > cap * cl * norm;
  const limit = capped ? roundDiv(base * cap, 1000n) : roundDiv(base * ca * 1000n, cl * norm);
  return {
    method: 'current_ratio',
    limit,
    inputs: {
      ...inputs,
      normPermille,
      capPermille,
      currentRatio: inputs.currentLiabilities === 0 ? null : inputs.currentAssets / inputs.currentLiabilities,
      capped,
    },
  };
}

export interface JudgementInputs {
  /** Amount set by judgement of profitability, safety, liquidity, sales capacity, purchasing, staff. */
  amount: Fen;
  /** Notes on each factor considered. */
  factors?: Record<string, string>;
  /** Step-by-step adjustments from the payment record (positive or negative). */
  adjustments?: { reason: string; amount: Fen }[];
}

/** 综合判断法: judged amount plus the adjustments, never below 0. */
export function judgementLimit(inputs: JudgementInputs): CreditLimitResult<JudgementInputs> {
  assertFen(inputs.amount, 'judged amount', { min: 0 });
  let limit = inputs.amount;
  for (const a of inputs.adjustments ?? []) {
    assertFen(a.amount, `adjustment "${a.reason}"`);
    limit += a.amount;
  }
  return {
    method: 'judgement',
    limit: Math.max(0, limit),
    inputs: { ...inputs, adjustments: [...(inputs.adjustments ?? [])] },
  };
}

// ---------------------------------------------------------------------------------------------
// 6C rating

export type SixC = 'character' | 'capacity' | 'capital' | 'collateral' | 'conditions' | 'continuity';
export const SIX_C: readonly SixC[] = ['character', 'capacity', 'capital', 'collateral', 'conditions', 'continuity'];
export const SIX_C_LABELS: Record<SixC, string> = {
  character: '品质',
  capacity: '能力',
  capital: '资本',
  collateral: '担保',
  conditions: '环境',
  continuity: '连续性',
};

/** Default weights (sum 100): character and capacity weigh most, as in common practice. */
export const DEFAULT_6C_WEIGHTS: Readonly<Record<SixC, number>> = {
  character: 25,
  capacity: 20,
  capital: 20,
  collateral: 10,
  conditions: 10,
  continuity: 15,
};

export type CreditGrade = 'AAA' | 'AA' | 'A' | 'BBB' | 'BB' | 'B' | 'CCC' | 'CC' | 'C' | 'D';

/** Minimum weighted score per grade, best first; below the last → D. */
export const DEFAULT_GRADE_THRESHOLDS: readonly { grade: CreditGrade; min: number }[] = [
  { grade: 'AAA', min: 90 },
  { grade: 'AA', min: 80 },
  { grade: 'A', min: 70 },
  { grade: 'BBB', min: 60 },
  { grade: 'BB', min: 50 },
  { grade: 'B', min: 40 },
  { grade: 'CCC', min: 30 },
  { grade: 'CC', min: 20 },
  { grade: 'C', min: 10 },
];

export function validateThresholds(thresholds: readonly { grade: string; min: number }[]): string[] {
  const errors: string[] = [];
  thresholds.forEach((t, i) => {
    if (!Number.isFinite(t.min) || t.min < 0 || t.min > 100) errors.push(`${t.grade}: minimum must be 0–100`);
    if (i > 0 && !(t.min < thresholds[i - 1].min))
      errors.push(`${t.grade}: minimum must be below ${thresholds[i - 1].grade}'s`);
  });
  return errors;
}

export interface SixCRating {
  scores: Record<SixC, number>;
  weights: Record<SixC, number>;
  /** Weighted score 0–100, rounded to 2 decimals for display (the grade uses the exact value). */
  score: number;
  /** The weighted score × 100 as an integer (half away from zero), as stored in credit_ratings.score_x100. */
  scoreX100: number;
  grade: CreditGrade;
}

/** Weighted 6C score and grade. Scores 0–100; weights ≥ 0 with a positive sum. */
export function rate6C(
  scores: Record<SixC, number>,
  weights: Readonly<Record<SixC, number>> = DEFAULT_6C_WEIGHTS,
  thresholds: readonly { grade: CreditGrade; min: number }[] = DEFAULT_GRADE_THRESHOLDS,
): SixCRating {
  const errors = validateThresholds(thresholds);
  if (errors.length) throw new RangeError(`invalid grade thresholds: ${errors.join('; ')}`);
  let num = 0;
  let den = 0;
  for (const k of SIX_C) {
    const s = scores[k];
    const w = weights[k];
    if (!Number.isSafeInteger(s) || s < 0 || s > 100)
      throw new RangeError(`${k} score must be a whole number 0–100, got ${s}`);
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`${k} weight must be a whole number ≥ 0, got ${w}`);
    num += s * w;
    den += w;
  }
  if (den <= 0) throw new RangeError('the 6C weights must not all be zero');
  // score ≥ min ⇔ num ≥ min × den: exact for integer scores and weights (no division).
  const grade = thresholds.find((t) => num >= t.min * den)?.grade ?? 'D';
  // scores and weights are whole numbers (as the settings and the rating form allow): exact
  const scoreX100 = mulDivRound(num, 100, den);
  return {
    scores: { ...scores },
    weights: { ...weights },
    score: scoreX100 / 100,
    scoreX100,
    grade,
  };
}

export function gradeFor(
  score: number,
  thresholds: readonly { grade: CreditGrade; min: number }[] = DEFAULT_GRADE_THRESHOLDS,
): CreditGrade {
  return thresholds.find((t) => score >= t.min)?.grade ?? 'D';
}

// ---------------------------------------------------------------------------------------------
// Credit check at invoice entry

export type CheckSeverity = 'warn' | 'block';

export interface CreditPolicy {
  /** Exposure after the new invoice above the limit. */
  overLimit: CheckSeverity;
  /** Warn from this share of the limit in basis points (9000 = 90 %); null = never. */
  nearLimitBp: number | null;
  /** Customer on credit hold (停止供货). */
  onHold: CheckSeverity;
  /** Oldest overdue invoice beyond this many days; null = no check. */
  maxOverdueDays: number | null;
  overdue: CheckSeverity;
  /** Customer without an approved limit. */
  noLimit: 'ok' | CheckSeverity;
}

export const DEFAULT_CREDIT_POLICY: Readonly<CreditPolicy> = {
  overLimit: 'block',
  nearLimitBp: 9000,
  onHold: 'block',
  maxOverdueDays: 60,
  overdue: 'warn',
  noLimit: 'warn',
};

export interface CreditCheckInput {
  /** Open receivables now (net of unapplied credit). */
  openReceivables: Fen;
  /** Notes receivable held and not yet settled. */
  unsettledNotes?: Fen;
  /** Amount of the invoice being entered (0 for a plain status check). */
  newAmount?: Fen;
  /** Approved limit; null when none has been approved. */
  limit: Fen | null;
  onHold: boolean;
  /** Days past due of the oldest open invoice (0 when none is overdue). */
  oldestOverdueDays: number;
  policy?: Partial<CreditPolicy>;
}

export type CreditReasonCode =
  'over_limit' | 'near_limit' | 'on_hold' | 'overdue' | 'no_limit' | 'max_days_owed' | 'overdue_amount';

export interface CreditReason {
  code: CreditReasonCode;
  severity: CheckSeverity;
  message: string;
}

export interface CreditCheckResult {
  status: 'ok' | 'warn' | 'block';
  reasons: CreditReason[];
  /** Open receivables + unsettled notes. */
  exposure: Fen;
  /** Exposure with the new invoice. */
  projected: Fen;
  /** Limit − projected (negative when over); null without a limit. */
  available: Fen | null;
}

/** Credit check (SPEC §4 Control). An override of a block is the caller's job (reason + log). */
export function checkCredit(input: CreditCheckInput): CreditCheckResult {
  const policy: CreditPolicy = { ...DEFAULT_CREDIT_POLICY, ...input.policy };
  const notes = input.unsettledNotes ?? 0;
  const newAmount = input.newAmount ?? 0;
  assertFen(input.openReceivables, 'open receivables');
  assertFen(notes, 'unsettled notes', { min: 0 });
  assertFen(newAmount, 'new amount', { min: 0 });
  if (input.limit !== null) assertFen(input.limit, 'credit limit', { min: 0 });
  const exposure = input.openReceivables + notes;
  const projected = exposure + newAmount;
  const reasons: CreditReason[] = [];

  if (input.onHold) reasons.push({ code: 'on_hold', severity: policy.onHold, message: 'customer is on credit hold' });
  if (input.limit === null) {
    if (policy.noLimit !== 'ok')
      reasons.push({ code: 'no_limit', severity: policy.noLimit, message: 'no approved credit limit' });
  } else if (projected > input.limit) {
    reasons.push({
      code: 'over_limit',
      severity: policy.overLimit,
      message: `exposure ${projected} would exceed the limit ${input.limit} by ${projected - input.limit}`,
    });
  } else if (
    policy.nearLimitBp !== null &&
    input.limit > 0 &&
    BigInt(projected) * 10_000n >= BigInt(input.limit) * BigInt(policy.nearLimitBp)
  ) {
    reasons.push({
      code: 'near_limit',
      severity: 'warn',
      message: `exposure ${projected} uses ${policy.nearLimitBp / 100}% or more of the limit ${input.limit}`,
    });
  }
  if (policy.maxOverdueDays !== null && input.oldestOverdueDays > policy.maxOverdueDays) {
    reasons.push({
      code: 'overdue',
      severity: policy.overdue,
      message: `an invoice is ${input.oldestOverdueDays} days overdue (policy: ${policy.maxOverdueDays})`,
    });
  }
  const status = reasons.some((r) => r.severity === 'block') ? 'block' : reasons.length ? 'warn' : 'ok';
  return { status, reasons, exposure, projected, available: input.limit === null ? null : input.limit - projected };
}
