// 今日催收: customers to contact today, ranked by the explained score; each row says why it is
// there; one click opens the collection record form for the customer.
import { Button, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { groupDigits } from '../../format/digits';
import { money } from '../../format/money';
import type { WorklistReason, WorklistRow } from '@shared/types-collections';
import { useToday, useCt } from './common';
import { RecordModal } from './RecordModal';
import { useWorklistPages } from './useWorklistPages';
import './i18n';

export function WorklistPage() {
  const t = useCt();
  const asOf = useToday();
  const [logFor, setLogFor] = useState<WorklistRow | null>(null);
  // one page at a time, ranked in main (useWorklistPages.ts)
  const q = useWorklistPages(asOf);
  const reason = (r: WorklistReason) =>
    t(`worklist.reasons.${r.key}`, {
      amount: r.amount !== undefined ? money(r.amount) : '',
      date: r.date ?? '',
      level: r.level ?? '',
      ref: r.ref ?? '',
    });
  return (
    <div className="page" data-testid="worklist-page">
      <Typography.Title level={3}>
        {t('worklist.title')} · {asOf}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('worklist.intro')}</Typography.Paragraph>
      <Table<WorklistRow>
        rowKey="customerId"
        size="small"
        loading={q.isLoading}
        dataSource={q.rows}
        onScroll={q.onScroll}
        pagination={false}
        virtual
        scroll={{ y: 600 }}
        locale={{ emptyText: t('worklist.empty') }}
        columns={[
          {
            title: t('worklist.customer'),
            key: 'c',
            width: 220,
            render: (_, r) => (
              <Link to={`/customers/${r.customerId}`}>
                {r.customerCode} {r.customerName}
              </Link>
            ),
          },
          {
            title: t('worklist.overdue'),
            dataIndex: 'overdue',
            width: 130,
            align: 'right',
            render: (v: number) => money(v),
          },
          { title: t('worklist.days'), dataIndex: 'daysOverdue', width: 90, align: 'right' },
          {
            title: t('worklist.level'),
            dataIndex: 'level',
            width: 70,
            align: 'right',
            render: (v: number | null) => v ?? '—',
          },
          {
            title: t('worklist.risk'),
            dataIndex: 'riskMilli',
            width: 90,
            align: 'right',
            render: (v: number, r) => (
              <Tooltip
                title={t('worklist.riskWhy', {
                  broken: r.brokenPromises,
                  partly: r.partlyKeptPromises,
                  late: r.averageDaysLate,
                })}
              >
                {(v / 1000).toFixed(2)}
              </Tooltip>
            ),
          },
          {
            title: t('worklist.score'),
            dataIndex: 'score',
            width: 110,
            align: 'right',
            render: (v: string) => groupDigits(v), // exact decimal digits, past 2^53 at the caps
          },
          {
            title: t('worklist.why'),
            key: 'why',
            render: (_, r) =>
              r.reasons.map((x, i) => (
                <Tag
                  key={i}
                  color={x.key === 'in_dispute' || x.key === 'slip_disagrees' ? 'orange' : undefined}
                  style={{ whiteSpace: 'normal' }} // long reasons (English) wrap instead of being clipped
                >
                  {reason(x)}
                </Tag>
              )),
          },
          {
            title: '',
            key: 'log',
            width: 110,
            render: (_, r) => (
              <Button size="small" type="primary" onClick={() => setLogFor(r)} data-testid={`log-${r.customerCode}`}>
                {t('worklist.log')}
              </Button>
            ),
          },
        ]}
      />
      <RecordModal
        customer={logFor ? { id: logFor.customerId, code: logFor.customerCode, name: logFor.customerName } : null}
        open={!!logFor}
        onClose={() => setLogFor(null)}
        defaultDate={asOf}
      />
    </div>
  );
}
