// The credit file of one customer and the mutations that change it (each refreshes the file,
// the customer and the overview).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { approvalErrorText } from './ApprovalFields';
import type { Channel, InputOf, OutputOf } from '@shared/ipc/contract';
import { CREDIT_NS } from './i18n';

export const creditKey = (id: number) => ['credit', 'profile', id] as const;

export function useCreditProfile(customerId: number) {
  return useQuery({ queryKey: creditKey(customerId), queryFn: () => call('credit:profile', { customerId }) });
}

export function useCreditWrite<C extends Channel>(channel: C, customerId: number, onDone?: (out: OutputOf<C>) => void) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation(CREDIT_NS);
  const { t: tg } = useTranslation();
  return useMutation({
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSuccess: (out) => {
      void qc.invalidateQueries({ queryKey: creditKey(customerId) });
      void qc.invalidateQueries({ queryKey: ['credit', 'overview'] });
      void qc.invalidateQueries();
      void message.success(t('tab.saved'));
      onDone?.(out);
    },
    // field errors go under their fields (the caller's onError); the rest (a viewer, a missing role) as a message
    onError: (e) => {
      if (e instanceof ApiError && (e.code === 'VALIDATION' || e.field?.startsWith('approval.'))) return;
      void message.error(approvalErrorText(tg, e));
    },
  });
}
