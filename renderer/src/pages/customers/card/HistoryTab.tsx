// customers:history — time, operator, action, before → after per changed field.
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@shared/types';
import { actionLabel, ChangeList } from '../../../components/ChangeList';
import { formatMoment } from '../../../format/date';
import { useCustomerHistory } from '../../../hooks/queries';
import { useLang } from '../../../hooks/useLang';

export function HistoryTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const history = useCustomerHistory(customerId);
  return (
    <Table<AuditEntry>
      data-testid="customer-history"
      size="small"
      rowKey="id"
      loading={history.isPending}
      dataSource={history.data ?? []}
      locale={{ emptyText: t('card.noHistory') }}
      pagination={(history.data?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      columns={[
        {
          title: t('history.at'),
          dataIndex: 'at',
          width: 190,
          render: (at: string) => <span className="num">{formatMoment(at, lang)}</span>,
        },
        {
          title: t('history.operator'),
          dataIndex: 'operatorName',
          width: 120,
          render: (n: string | null) => n ?? t('history.systemOperator'),
        },
        { title: t('history.action'), dataIndex: 'action', width: 150, render: (a: string) => actionLabel(t, a) },
        { title: t('history.changes'), key: 'changes', render: (_: unknown, e) => <ChangeList entry={e} /> },
      ]}
    />
  );
}
