// Shared bits of the collections pages: the namespace's t(), query keys, today.
import { useAppInfo } from '../../hooks/queries';
import { useTranslation } from 'react-i18next';
import { COLLECTIONS_NS } from './i18n';

export function useCt() {
  return useTranslation(COLLECTIONS_NS).t;
}

export const qkCollections = ['collections'] as const;
/** The app's today (the book's clock in main), so the pages agree with the reports. */
export function useToday(): string {
  const info = useAppInfo();
  return info.data?.today ?? new Date().toISOString().slice(0, 10);
}

/** Colours per calendar item kind (calendar events, tags). */
export const KIND_COLOURS: Record<string, string> = {
  invoice_due: '#1677ff',
  promise: '#13a8a8',
  call: '#fa8c16',
  visit: '#722ed1',
  credit_review: '#eb2f96',
  statement_run: '#8c8c8c',
  slip_followup: '#a0d911',
  complaint_followup: '#f5222d',
  service_followup: '#2f54eb',
};

export const STATUS_COLOURS: Record<string, string> = {
  pending: 'processing',
  kept: 'success',
  partly_kept: 'warning',
  broken: 'error',
};
