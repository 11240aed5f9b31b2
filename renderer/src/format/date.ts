// Dates and moments per locale. A calendar date is 'YYYY-MM-DD'; a moment is ISO-8601 UTC.
import dayjs from 'dayjs';
import type { Lang } from '../i18n/types';

export function formatDate(date: string | null | undefined, lang: Lang): string {
  if (!date) return '—';
  const d = dayjs(date);
  if (!d.isValid()) return date;
  return lang === 'en' ? d.format('D MMM YYYY') : d.format('YYYY-MM-DD');
}

export function formatMoment(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const d = dayjs(iso);
  if (!d.isValid()) return iso;
  return lang === 'en' ? d.format('D MMM YYYY HH:mm:ss') : d.format('YYYY-MM-DD HH:mm:ss');
}
