// The open invoices behind one ageing cell (ageing:drilldown).
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AgeingBucketDef, OpenItemOut } from '@shared/types-receivables';
import { call } from '../../../api/client';
import { formatDate } from '../../../format/date';
import { money } from '../../../format/money';
import { useLang } from '../../../hooks/useLang';
import { Amount, arErrorText, arKeys, bucketLabel } from '../common';

export interface DrillTarget {
  customerId: number;
  customerCode: string;
  customerName: string;
  basis: 'due' | 'issue';
  buckets: AgeingBucketDef[];
  bucket: string | null;
}

export function DrilldownDrawer({
  target,
  asOf,
  onClose,
}: {
  target: DrillTarget | null;
  asOf: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: arKeys.drilldown({ asOf, ...target }),
    queryFn: () =>
      call('ageing:drilldown', {
        asOf,
        basis: target!.basis,
        buckets: target!.buckets,
        customerId: target!.customerId,
        ...(target!.bucket ? { bucket: target!.bucket } : {}),
      }),
    enabled: !!target,
  });
  const def = target?.bucket ? target.buckets.find((b) => b.key === target.bucket) : undefined;
  const bucketText = def
    ? `${t(`ar.ageing.basisShort.${target!.basis}`)} ${bucketLabel(t, def)}`
    : t('ar.ageing.drilldownAll');
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={760}
      title={
        target
          ? t('ar.ageing.drilldownTitle', { code: target.customerCode, name: target.customerName, bucket: bucketText })
          : ''
      }
      extra={
        target && (
          <Button onClick={() => navigate(`/customers/${target.customerId}`)} data-testid="drill-open-customer">
            {t('ar.ageing.openCustomer')}
          </Button>
        )
      }
      data-testid="ageing-drilldown"
    >
      {q.isError && <Alert type="error" title={arErrorText(t, q.error)} />}
      <Table<OpenItemOut>
        size="small"
        rowKey="invoiceId"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={(q.data?.items.length ?? 0) > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        data-testid="drill-items"
        columns={[
          {
            title: t('ar.ledger.number'),
            dataIndex: 'number',
            render: (n: string) => <span className="code">{n}</span>,
          },
          { title: t('ar.ledger.issueDate'), dataIndex: 'issueDate', render: (d: string) => formatDate(d, lang) },
          { title: t('ar.ledger.dueDate'), dataIndex: 'dueDate', render: (d: string) => formatDate(d, lang) },
          {
            title: t('ar.ledger.amount'),
            dataIndex: 'amount',
            align: 'right',
            render: (v: number) => <Amount fen={v} />,
          },
          {
            title: t('ar.ledger.open'),
            dataIndex: 'open',
            align: 'right',
            render: (v: number) => <Amount fen={v} strong />,
          },
          {
            title: target?.basis === 'issue' ? t('ar.ageing.basisIssue') : t('ar.ledger.daysPastDue'),
            key: 'days',
            align: 'right',
            render: (_: unknown, i) => (
              <span className="num">{target?.basis === 'issue' ? i.daysSinceIssue : i.daysPastDue}</span>
            ),
          },
        ]}
        footer={() =>
          q.data ? (
            <b>
              {t('ar.ageing.drilldownTotal', {
                amount: money(q.data.total),
                n: q.data.items.length,
                count: q.data.items.length,
              })}
            </b>
          ) : null
        }
      />
    </Drawer>
  );
}
