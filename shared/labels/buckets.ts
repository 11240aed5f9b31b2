// Ageing bucket labels (default due-date and issue-date bucket keys, domain/ageing.ts) in both
// languages: the one source for the screens (renderer i18n `ar.bucket`), printed statements and
// the ageing export. A custom bucket key has no label; callers show the key or its range.
export type LabelLocale = 'zh-CN' | 'en';

export const BUCKET_LABELS: Record<LabelLocale, Record<string, string>> = {
  'zh-CN': {
    not_due: '未到期',
    '1-30': '1–30天',
    '31-60': '31–60天',
    '61-90': '61–90天',
    '91-180': '91–180天',
    '181-365': '181–365天',
    over_365: '365天以上',
    'y0-1': '1年以内',
    'y1-2': '1–2年',
    'y2-3': '2–3年',
    'y3-4': '3–4年',
    'y4-5': '4–5年',
    over_5y: '5年以上',
  },
  en: {
    not_due: 'Not due',
    '1-30': '1–30 days',
    '31-60': '31–60 days',
    '61-90': '61–90 days',
    '91-180': '91–180 days',
    '181-365': '181–365 days',
    over_365: 'Over 365 days',
    'y0-1': 'Within 1 year',
    'y1-2': '1–2 years',
    'y2-3': '2–3 years',
    'y3-4': '3–4 years',
    'y4-5': '4–5 years',
    over_5y: 'Over 5 years',
  },
};

const PAST_DUE = new Set(['1-30', '31-60', '61-90', '91-180', '181-365', 'over_365']);

/** A bucket's label; a custom key is shown as itself. */
export function bucketLabel(key: string, locale: LabelLocale): string {
  return BUCKET_LABELS[locale][key] ?? key;
}

/**
 * A bucket as a column header of a file read without the screen around it (the ageing export):
 * past-due buckets say so in Chinese ("逾期31–60天"); the English export keeps the bare keys.
 */
export function bucketColumnHeader(key: string, locale: LabelLocale): string {
  if (locale === 'en') return key;
  const label = bucketLabel(key, locale);
  return PAST_DUE.has(key) ? `逾期${label}` : label;
}
