// How a complaint's audit entry reads (audit log, customer history): its fields with the complaint
// card's own labels (投诉方式, not the credit investigation's 调查渠道) and its codes in words
// (产品质量, not product_quality). Used by components/ChangeList for entity 'complaint'.
import type { TFunction } from 'i18next';
import { COMPLAINTS_NS, GROUPS as LABEL_GROUPS } from './i18n';

const GROUPS = new Set<string>(LABEL_GROUPS);
const FIELD_ALIASES: Record<string, string> = { customerName: 'customer', invoices: 'invoices' };

/** The field's label on the complaint card, or null when the card has none. */
export function complaintFieldLabel(t: TFunction, key: string): string | null {
  const k = FIELD_ALIASES[key] ?? key;
  const form = t(`${COMPLAINTS_NS}:form.${k}`, { defaultValue: '' });
  if (form) return form;
  const col = t(`${COMPLAINTS_NS}:col.${k}`, { defaultValue: '' });
  return col || null;
}

/** A complaint code (type, status, …) in words, or null when the field holds no code. */
export function complaintValue(t: TFunction, key: string, v: string): string | null {
  if (!GROUPS.has(key)) return null;
  return t(`${COMPLAINTS_NS}:${key}.${v}`, { defaultValue: v });
}
