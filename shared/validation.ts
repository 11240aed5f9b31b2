// zod issues → AppError / field errors. Issue messages are i18n keys (validation.*).
import type { z } from 'zod';
import { AppError } from './result';

export interface FieldIssue {
  field: string;
  key: string;
  /** for messages that name something, e.g. { bucket: 3 } (a custom issue's params) */
  values?: Record<string, string | number>;
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  const seen = new Set<string>();
  return error.issues
    .map((i) => ({
      field: i.path.map(String).join('.') || '(input)',
      // zod's own messages (unknown keys, wrong types) are not keys; keep them readable.
      key: /^[a-z_]+$/.test(i.message) ? i.message : i.code === 'unrecognized_keys' ? 'unknown_field' : 'invalid',
      ...(i.code === 'custom' && i.params ? { values: i.params as Record<string, string | number> } : {}),
    }))
    .filter((x) => {
      // one message per field and problem (a malformed date fails both its pattern and its calendar check)
      const k = `${x.field}\u0000${x.key}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
}

const ENGLISH: Record<string, string> = {
  required: 'is required',
  too_long: 'is too long',
  invalid_code: 'must be letters, digits, - or _',
  invalid_date: 'must be a date YYYY-MM-DD',
  invalid_money: 'must be an amount with at most 2 decimals',
  must_not_be_negative: 'must not be negative',
  invalid_option: 'is not one of the allowed values',
  invalid_phone: 'is not a phone number',
  invalid_email: 'is not an e-mail address',
  invalid_number: 'must be a whole number',
  out_of_range: 'is out of range',
  one_key_payer: 'only one contact can be the key person for payment',
  unknown_field: 'is not a known field',
  too_many: 'has too many entries',
  invalid: 'is invalid',
  must_be_positive: 'must be greater than zero',
  invalid_period: 'the period ends before it starts',
  edge_positive: 'bucket {bucket}: the upper limit must be a whole number of days, 1 or more',
  edge_increasing: "bucket {bucket}: the upper limit must be more than bucket {prev}'s ({prevTo} days)",
  edge_last_open: 'bucket {bucket}: the last bucket has no upper limit',
  bucket_first_open: 'bucket {bucket}: the first bucket starts at day 0 (no lower limit)',
  bucket_from: 'bucket {bucket}: must start on day {from}, the day after the previous bucket ends',
  bucket_key_twice: 'bucket {bucket}: the same bucket appears twice',
  rate_missing: 'bucket {bucket}: needs a provision rate',
  weight_range: 'must be a whole number 0–100',
  weights_sum: 'the six weights must add up to 100 (now {sum})',
  threshold_grades: 'one minimum per grade AAA … C is needed',
  threshold_range: 'must be 0–100',
  threshold_decreasing: "must be below {above}'s minimum ({aboveMin})",
  score_range: 'must be 0–100',
};

export function describeIssue(i: FieldIssue): string {
  const text = (ENGLISH[i.key] ?? i.key).replace(/\{(\w+)\}/g, (m, k: string) =>
    i.values && k in i.values ? String(i.values[k]) : m,
  );
  return `${i.field}: ${text}`;
}

/** Field issues (from zod or a service's own check) as one VALIDATION error, one row per issue. */
export function issuesToAppError(issues: FieldIssue[]): AppError {
  return new AppError('VALIDATION', issues.map(describeIssue).join('; '), {
    field: issues[0]?.field,
    rows: issues.map((i) => ({ row: 0, field: i.field, message: i.key, ...(i.values ? { values: i.values } : {}) })),
  });
}

export function zodToAppError(error: z.ZodError): AppError {
  return issuesToAppError(issuesOf(error));
}
