// The dunning ladder's action column (SPEC §5): a customer at a step whose action is credit hold
// (default level 3, 暂停供货) gets a button; after the user confirms, main puts the customer on
// credit hold through the credit area (an emergency credit report, audited).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DunningListRow } from '@shared/types-collections';
import type { DunningActionRow } from '@shared/types-collection-runs';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import { qkCollections } from './common';
import { useRt } from './runs-i18n';

export function useDunningActions(asOf: string) {
  return useQuery({
    queryKey: [...qkCollections, 'dunning-actions', asOf],
    queryFn: () => call('collections:dunning-actions', { asOf }),
    select: (rows) => new Map(rows.map((r) => [r.customerId, r])),
  });
}

export function HoldCell({
  row,
  action,
  asOf,
}: {
  row: DunningListRow;
  action: DunningActionRow | undefined;
  asOf: string;
}) {
  const t = useRt();
  const { t: tApp } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const hold = useMutation({
    mutationFn: () => call('collections:dunning-hold', { asOf, customerIds: [row.customerId] }),
    onSuccess: () => {
      message.success(t('hold.done', { name: row.customerName }));
      void qc.invalidateQueries({ queryKey: qkCollections });
      void qc.invalidateQueries({ queryKey: ['customers'] });
    },
    onError: (e) => message.error(errorText(tApp, e)),
  });
  if (!action) return null;
  if (action.action === 'legal') return <Tag>{t('hold.actions.legal')}</Tag>;
  if (action.onHold) return <Tag color="red">{t('hold.onHold')}</Tag>;
  return (
    <Button
      size="small"
      danger
      loading={hold.isPending}
      data-testid={`dunning-hold-${row.customerCode}`}
      onClick={() =>
        modal.confirm({
          title: t('hold.confirmTitle', { name: row.customerName }),
          content: t('hold.confirmBody', { asOf, level: action.level, action: t(`hold.actions.${action.action}`) }),
          okText: t('hold.ok'),
          okButtonProps: { danger: true, 'data-testid': 'dunning-hold-confirm' } as never,
          onOk: () => hold.mutateAsync(),
        })
      }
    >
      {t('hold.button')}
    </Button>
  );
}
