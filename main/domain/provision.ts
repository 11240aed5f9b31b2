// Bad-debt provision (坏账准备), SPEC §2 "Ageing". Two accounting standards:
//  - 小企业会计准则 (small_enterprise): no provision; bad debts are written off directly when
//    they happen (直接转销法), so the provision is always 0;
//  - 企业会计准则 (enterprise): provision matrix by age since issue (账龄分析法).
// Rounding: each bucket's provision = round(bucket amount × rate bp ÷ 10000), half away from
// zero (四舍五入), once per bucket (not per invoice) so the total carries at most one rounding
// per bucket; the total is the sum of the rounded bucket amounts.
import { applyRateBp, type Fen } from '../../shared/money';
import { assertBucketSet, bucketFor, DEFAULT_ISSUE_BUCKETS, type BucketSet, type OpenItem } from './ageing';

export type AccountingStandard = 'small_enterprise' | 'enterprise';

export const ACCOUNTING_STANDARD_LABELS: Record<AccountingStandard, string> = {
  small_enterprise: '小企业会计准则',
  enterprise: '企业会计准则',
};

/** Rates in basis points (500 = 5 %) by issue-date bucket key. */
export const DEFAULT_PROVISION_RATES_BP: Readonly<Record<string, number>> = {
  'y0-1': 500,
  'y1-2': 1000,
  'y2-3': 3000,
  'y3-4': 5000,
  'y4-5': 8000,
  over_5y: 10_000,
};

export interface ProvisionLine {
  key: string;
  from: number | null;
  to: number | null;
  /** Open receivable in the bucket. */
  amount: Fen;
  rateBp: number;
  provision: Fen;
}

export interface ProvisionResult {
  standard: AccountingStandard;
  method: 'direct_write_off' | 'ageing_matrix';
  lines: ProvisionLine[];
  receivable: Fen;
  provision: Fen;
}

export interface ProvisionOptions {
  standard?: AccountingStandard;
  buckets?: BucketSet;
  ratesBp?: Readonly<Record<string, number>>;
}

export function validateRates(buckets: BucketSet, ratesBp: Readonly<Record<string, number>>): string[] {
  const errors: string[] = [];
  for (const b of buckets) {
    const r = ratesBp[b.key];
    if (r === undefined) errors.push(`no provision rate for bucket ${b.key}`);
    else if (!Number.isSafeInteger(r) || r < 0 || r > 10_000)
      errors.push(`rate for ${b.key} must be 0–10000 basis points, got ${r}`);
  }
  return errors;
}

/**
 * Provision on open invoices aged by days since issue (unapplied credits are not aged and carry
 * no provision). Takes the open items of positionAsOf / ageCustomer, for one or many customers.
 */
export function computeProvision(
  items: readonly Pick<OpenItem, 'open' | 'daysSinceIssue'>[],
  opts: ProvisionOptions = {},
): ProvisionResult {
  const standard = opts.standard ?? 'enterprise';
  const buckets = opts.buckets ?? DEFAULT_ISSUE_BUCKETS;
  const ratesBp = opts.ratesBp ?? DEFAULT_PROVISION_RATES_BP;
  assertBucketSet(buckets);
  const direct = standard === 'small_enterprise';
  if (!direct) {
    const errors = validateRates(buckets, ratesBp);
    if (errors.length) throw new RangeError(errors.join('; '));
  }
  const amounts = new Map<string, Fen>(buckets.map((b) => [b.key, 0]));
  let receivable = 0;
  for (const it of items) {
    if (it.open <= 0) continue;
    const k = bucketFor(it.daysSinceIssue, buckets);
    amounts.set(k, amounts.get(k)! + it.open);
    receivable += it.open;
  }
  const lines = buckets.map((b): ProvisionLine => {
    const amount = amounts.get(b.key)!;
    const rateBp = direct ? 0 : ratesBp[b.key];
    return { key: b.key, from: b.from, to: b.to, amount, rateBp, provision: applyRateBp(amount, rateBp) };
  });
  return {
    standard,
    method: direct ? 'direct_write_off' : 'ageing_matrix',
    lines,
    receivable,
    provision: lines.reduce((s, l) => s + l.provision, 0),
  };
}
