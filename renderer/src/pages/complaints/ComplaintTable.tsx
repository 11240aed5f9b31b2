// The complaints table (list page and the customer card's tab): overdue replies highlighted,
// amounts right-aligned, server-side paging (100,000 complaints page through quickly).
import { Table, Tag } from 'antd';
import type { ComplaintRow } from '@shared/types-complaints';
import { money } from '../../format/money';
import { useCT } from './common';

const STATUS_COLOR: Record<string, string> = {
  received: 'blue',
  investigating: 'orange',
  resolved: 'green',
  closed: 'default',
};

export function ComplaintTable(props: {
  rows: ComplaintRow[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, size: number) => void;
  onOpen: (row: ComplaintRow) => void;
  showCustomer?: boolean;
  testId?: string;
}) {
  const t = useCT();
  return (
    <Table<ComplaintRow>
      data-testid={props.testId ?? 'complaints-table'}
      rowKey="id"
      size="small"
      loading={props.loading}
      dataSource={props.rows}
      scroll={{ x: 1185 }}
      rowClassName={(r) => (r.overdueReply ? 'complaint-overdue' : '')}
      onRow={(r) => ({ onClick: () => props.onOpen(r), style: { cursor: 'pointer' } })}
      locale={{ emptyText: t('empty') }}
      pagination={{
        current: props.page,
        pageSize: props.pageSize,
        total: props.total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (n) => t('total', { n }),
        onChange: props.onPage,
      }}
      columns={[
        { key: 'number', title: t('col.number'), dataIndex: 'number', width: 100, fixed: 'left' },
        ...(props.showCustomer !== false
          ? [
              {
                key: 'customer',
                title: t('col.customer'),
                width: 180,
                ellipsis: true,
                render: (_: unknown, r: ComplaintRow) => `${r.customerCode} ${r.customerName}`,
              },
            ]
          : []),
        { key: 'receivedOn', title: t('col.receivedOn'), dataIndex: 'receivedOn', width: 105 },
        { key: 'type', title: t('col.type'), width: 110, render: (_, r) => t(`type.${r.type}`) },
        {
          key: 'replyBy',
          title: t('col.replyBy'),
          width: 120,
          render: (_, r) => (
            <span>
              {r.replyBy}
              {r.overdueReply && (
                <Tag color="red" style={{ marginInlineStart: 6 }}>
                  {t('overdue')}
                </Tag>
              )}
            </span>
          ),
        },
        {
          key: 'status',
          title: t('col.status'),
          width: 130,
          render: (_, r) => (
            <span>
              <Tag color={STATUS_COLOR[r.status]}>{t(`status.${r.status}`)}</Tag>
              {r.disputesInvoices && r.status !== 'resolved' && r.status !== 'closed' && (
                <Tag color="volcano">{t('disputes')}</Tag>
              )}
            </span>
          ),
        },
        {
          key: 'responsibility',
          title: t('col.responsibility'),
          width: 125,
          render: (_, r) => (r.responsibility ? t(`responsibility.${r.responsibility}`) : '—'),
        },
        {
          key: 'followUpBy',
          title: t('col.followUpBy'),
          dataIndex: 'followUpBy',
          width: 90,
          render: (v: string | null) => v ?? '—',
        },
        {
          key: 'compensation',
          title: t('col.compensation'),
          width: 120,
          align: 'right',
          render: (_, r) => (r.compensation ? money(r.compensation) : '—'),
        },
        {
          key: 'creditNote',
          title: t('col.creditNote'),
          width: 140,
          render: (_, r) =>
            r.creditNoteNumber && !r.claimVoidedAt ? (
              <span style={r.creditNoteVoid ? { textDecoration: 'line-through' } : undefined}>
                {r.creditNoteNumber}
              </span>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
