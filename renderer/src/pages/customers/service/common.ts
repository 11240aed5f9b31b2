// Shared bits of the card's service section: the query key, the invalidation after a write, and
// server field errors onto a form.
import type { FormInstance } from 'antd';
import type { QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { ApiError } from '../../../api/client';
import { errorText, issueText } from '../../../format/errors';

export const serviceKey = (customerId: number) => ['service', 'customer', customerId] as const;

export function invalidateService(qc: QueryClient, customerId: number): void {
  void qc.invalidateQueries({ queryKey: serviceKey(customerId) });
  void qc.invalidateQueries({ queryKey: ['service', 'distribution'] });
  void qc.invalidateQueries({ queryKey: ['collections'] }); // tasks sit on the calendar
}

/** Puts VALIDATION rows on the form's fields; returns text for anything else (or null). */
export function showServerErrors(form: FormInstance, t: TFunction, e: unknown): string | null {
  if (e instanceof ApiError && e.code === 'VALIDATION' && e.rows?.length) {
    const fields = new Set(Object.keys(form.getFieldsValue()));
    const left: string[] = [];
    for (const r of e.rows) {
      const text = issueText(t, r.message, r.values);
      if (fields.has(r.field)) form.setFields([{ name: r.field, errors: [text] }]);
      else left.push(text);
    }
    return left.length ? left.join('；') : null;
  }
  return errorText(t, e);
}
