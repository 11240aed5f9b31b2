// Shared bits of the complaint screens: the namespace hook, query keys, per-field errors.
import type { QueryClient } from '@tanstack/react-query';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { errorText } from '../../format/errors';
import { COMPLAINTS_NS } from './i18n';

export function useCT() {
  return useTranslation(COMPLAINTS_NS).t;
}

export const complaintKeys = { all: ['complaints'] as const };

/** After a complaint write: complaints, and receivables (a claim writes a credit note), are stale. */
export function invalidateComplaints(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: complaintKeys.all });
  void qc.invalidateQueries({ queryKey: ['ar'] });
}

/**
 * Shows a VALIDATION error's messages beside their fields (in the page's language). Returns the
 * text of anything that has no field on the form (the caller shows it as a message).
 */
export function showFieldErrors(t: TFunction, form: FormInstance, e: unknown, fields: string[]): string | null {
  if (e instanceof ApiError && e.code === 'VALIDATION' && e.rows?.length) {
    const rest: string[] = [];
    const byField = new Map<string, string[]>();
    for (const r of e.rows) {
      const text = t(`validation.${r.message}`, { ns: 'translation', defaultValue: r.message, ...r.values });
      if (fields.includes(r.field)) byField.set(r.field, [...(byField.get(r.field) ?? []), text]);
      else rest.push(text);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    return rest.length ? rest.join('；') : null;
  }
  return errorText(t, e);
}
