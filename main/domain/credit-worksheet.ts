// Credit-limit worksheet (信用限度测算表, SPEC §4): the five methods side by side from one set of
// figures. Each method is computed when its figures are given; bad figures (negative amounts,
// zero suppliers, shares over 100 %) come back as per-field issues and that method has no result.
import { parseHundredths } from '../../shared/money';
import type { FieldIssue } from '../../shared/validation';
import {
  currentRatioLimit,
  judgementLimit,
  netAssetLimit,
  salesMethodLimit,
  workingCapitalLimit,
  type CreditLimitMethod,
} from './credit';
import { validateNonNegative } from './credit-rules';

export interface WorksheetInputs {
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

export const WORKSHEET_METHODS: readonly { key: keyof WorksheetInputs; method: CreditLimitMethod }[] = [
  { key: 'sales', method: 'sales' },
  { key: 'workingCapital', method: 'working_capital' },
  { key: 'currentRatio', method: 'current_ratio' },
  { key: 'netAsset', method: 'net_asset' },
  { key: 'judgement', method: 'judgement' },
];

export interface WorksheetResult {
  /** limit in fen per method; null when the method's figures were not given or are bad */
  limits: Record<CreditLimitMethod, number | null>;
  issues: FieldIssue[];
}

function prefixed(prefix: string, issues: FieldIssue[]): FieldIssue[] {
  return issues.map((i) => ({ ...i, field: `${prefix}.${i.field}` }));
}

export function validateWorksheet(w: WorksheetInputs): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (w.sales) {
    const s = w.sales;
    issues.push(
      ...prefixed(
        'sales',
        validateNonNegative({ monthlyPurchases: s.monthlyPurchases, supplyShareBp: s.supplyShareBp }),
      ),
    );
    if (Number.isSafeInteger(s.supplyShareBp) && s.supplyShareBp > 10_000)
      issues.push({ field: 'sales.supplyShareBp', key: 'out_of_range' });
    let months = -1;
    try {
      months = parseHundredths(s.creditPeriodMonths);
    } catch {
      months = -1;
    }
    if (months < 0)
      issues.push({
        field: 'sales.creditPeriodMonths',
        key: String(s.creditPeriodMonths).trim().startsWith('-') ? 'must_not_be_negative' : 'invalid_number',
      });
  }
  if (w.workingCapital)
    issues.push(...prefixed('workingCapital', validateNonNegative(w.workingCapital, { positive: ['suppliers'] })));
  if (w.currentRatio) {
    const c = w.currentRatio;
    issues.push(
      ...prefixed(
        'currentRatio',
        validateNonNegative(
          {
            currentAssets: c.currentAssets,
            currentLiabilities: c.currentLiabilities,
            baseLimit: c.baseLimit,
            normPermille: c.normPermille,
            capPermille: c.capPermille,
          },
          { positive: ['normPermille'] },
        ),
      ),
    );
  }
  if (w.netAsset) issues.push(...prefixed('netAsset', validateNonNegative(w.netAsset, { positive: ['suppliers'] })));
  if (w.judgement) {
    issues.push(...prefixed('judgement', validateNonNegative({ amount: w.judgement.amount })));
    (w.judgement.adjustments ?? []).forEach((a, i) => {
      if (!Number.isSafeInteger(a.amount))
        issues.push({ field: `judgement.adjustments.${i}.amount`, key: 'invalid_number' });
      if (!a.reason?.trim()) issues.push({ field: `judgement.adjustments.${i}.reason`, key: 'required' });
    });
  }
  return issues;
}

/** All five methods side by side; a method with bad or missing figures has null. */
export function computeWorksheet(w: WorksheetInputs): WorksheetResult {
  const issues = validateWorksheet(w);
  const bad = (key: string) => issues.some((i) => i.field.startsWith(`${key}.`));
  const limits: Record<CreditLimitMethod, number | null> = {
    sales: null,
    working_capital: null,
    current_ratio: null,
    net_asset: null,
    judgement: null,
  };
  if (w.sales && !bad('sales')) limits.sales = salesMethodLimit(w.sales).limit;
  if (w.workingCapital && !bad('workingCapital')) limits.working_capital = workingCapitalLimit(w.workingCapital).limit;
  if (w.currentRatio && !bad('currentRatio')) limits.current_ratio = currentRatioLimit(w.currentRatio).limit;
  if (w.netAsset && !bad('netAsset')) limits.net_asset = netAssetLimit(w.netAsset).limit;
  if (w.judgement && !bad('judgement')) limits.judgement = judgementLimit(w.judgement).limit;
  return { limits, issues };
}
