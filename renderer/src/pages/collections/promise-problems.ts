// The promise import's row problems (main/services/collections/import-promises.ts writes them in
// English for the CLI) in the page's language: each known message maps to a key of 'collruns'.
import type { TFunction } from 'i18next';

const PATTERNS: [RegExp, string, (m: RegExpMatchArray) => Record<string, string>][] = [
  [/^is required$/, 'required', () => ({})],
  [/^required column is missing$/, 'missing_column', () => ({})],
  [/^unknown customer (.*)$/, 'unknown_customer', (m) => ({ code: m[1] })],
  [/^customer (.*) is terminated and read-only$/, 'terminated', (m) => ({ code: m[1] })],
  [/^"(.*)" is not a date YYYY-MM-DD$/, 'not_a_date', (m) => ({ value: m[1] })],
  [/^promised date .* is before the date the promise was made/, 'before_made', () => ({})],
  [/^amount must be positive/, 'not_positive', () => ({})],
  [/^form must be written or verbal/, 'bad_form', () => ({})],
  [/^is longer than 100 characters$/, 'too_long', () => ({})],
];

export function promiseProblemText(t: TFunction, message: string): string {
  for (const [re, key, values] of PATTERNS) {
    const m = message.match(re);
    if (m) return t(`promises.problems.${key}`, values(m));
  }
  // the money parser's own messages: not an amount of yuan
  return /amount|money|yuan|decimal/i.test(message) ? t('promises.problems.bad_amount') : message;
}
