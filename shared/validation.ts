// zod issues → AppError / field errors. Issue messages are i18n keys (validation.*).
import type { z } from 'zod';
import { AppError } from './result';

export interface FieldIssue {
  field: string;
  key: string;
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  const seen = new Set<string>();
  return error.issues.map((i) => ({
    field: i.path.map(String).join('.') || '(input)',
    // zod's own messages (unknown keys, wrong types) are not keys; keep them readable.
    key: /^[a-z_]+$/.test(i.message) ? i.message : i.code === 'unrecognized_keys' ? 'unknown_field' : 'invalid',
  })).filter((x) => {
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
};

export function describeIssue(i: FieldIssue): string {
  return `${i.field}: ${ENGLISH[i.key] ?? i.key}`;
}

export function zodToAppError(error: z.ZodError): AppError {
  const issues = issuesOf(error);
  const first = issues[0];
  return new AppError('VALIDATION', issues.map(describeIssue).join('; '), {
    field: first?.field,
    rows: issues.map((i) => ({ row: 0, field: i.field, message: i.key })),
  });
}
