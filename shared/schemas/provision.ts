// The bad-debt provision matrix (坏账计提, days since issue): its buckets are given by upper day
// limits ("edges"). One check for the IPC contract (zod) and the settings service, so a
// problem is reported the same way wherever it is found: one issue per field, naming the bucket
// by its position as the user sees it (1 = the first row).
import type { AgeingBucketDef } from '../types-receivables';

export interface MatrixIssue {
  /** e.g. ['provisionBuckets', 2, 'to'] or ['provisionRatesBp', 'y2-3'] */
  path: (string | number)[];
  /** an i18n key under validation.* (English in shared/validation.ts) */
  key: string;
  values: Record<string, number | string>;
}

/**
 * Edges are strictly increasing whole numbers of days ≥ 1; the first bucket starts unbounded,
 * the last ends unbounded, each starts the day after the previous ends; keys are unique; with
 * rates given, every bucket has one.
 */
export function provisionMatrixIssues(
  buckets: readonly AgeingBucketDef[],
  ratesBp?: Readonly<Record<string, number>>,
): MatrixIssue[] {
  const out: MatrixIssue[] = [];
  const at = (i: number, field: string, key: string, values: Record<string, number | string> = {}) =>
    out.push({ path: ['provisionBuckets', i, field], key, values: { bucket: i + 1, ...values } });
  const last = buckets.length - 1;
  const seen = new Set<string>();
  buckets.forEach((b, i) => {
    const prev = i > 0 ? buckets[i - 1].to : null;
    if (i < last) {
      if (b.to === null || !Number.isSafeInteger(b.to) || b.to < 1) at(i, 'to', 'edge_positive');
      else if (prev !== null && b.to <= prev) at(i, 'to', 'edge_increasing', { prev: i, prevTo: prev });
    } else if (b.to !== null) at(i, 'to', 'edge_last_open');
    if (i === 0 && b.from !== null) at(i, 'from', 'bucket_first_open');
    // a wrong edge above already explains a bad start; only report a start that is off on its own
    if (i > 0 && prev !== null && b.from !== prev + 1 && !(i < last && (b.to === null || b.to <= prev)))
      at(i, 'from', 'bucket_from', { from: prev + 1 });
    if (seen.has(b.key)) at(i, 'key', 'bucket_key_twice');
    seen.add(b.key);
    if (ratesBp && ratesBp[b.key] === undefined)
      out.push({ path: ['provisionRatesBp', b.key], key: 'rate_missing', values: { bucket: i + 1 } });
  });
  return out;
}
