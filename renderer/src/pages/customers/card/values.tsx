// Display of archive values: profile fields by type, enums by label, "—" for empty.
import type { TFunction } from 'i18next';
import { PROFILE_FIELDS } from '@shared/customer-fields';
import type { Customer } from '@shared/types';
import { formatDate } from '../../../format/date';
import { money } from '../../../format/money';
import type { Lang } from '../../../i18n/types';

export function profileValue(t: TFunction, lang: Lang, c: Customer, key: string): string {
  const f = PROFILE_FIELDS.find((x) => x.key === key);
  const v = c.profile[key];
  if (v === null || v === undefined || v === '') return '—';
  if (!f) return String(v);
  switch (f.type) {
    case 'money':
      return typeof v === 'number' ? money(v) : String(v);
    case 'date':
      return formatDate(String(v), lang);
    case 'select':
      return t(`enums.${key}.${String(v)}`, { defaultValue: String(v) });
    default:
      return String(v);
  }
}

export function dash(v: string | number | null | undefined): string {
  return v === null || v === undefined || v === '' ? '—' : String(v);
}
