// Tier counts and shares, the tier × credit-rating matrix (cells open the filtered customer
// list) and the tier movement lists.
import { Table, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { MatrixCell, TierMovementRow } from '@shared/types-analysis';
import { money } from '../../format/money';
import { matrixTable, tierShares } from '../../reports/pareto-series';
import { ANALYSIS_NS } from './i18n';
import { TierTag } from './TierTag';

const pct = (v: number) => `${v.toFixed(1)}%`;

export function TierCounts({ totals }: { totals: { tier: string; customers: number; sales: number }[] }) {
  const { t } = useTranslation(ANALYSIS_NS);
  const rows = tierShares(totals);
  const sum = { customers: rows.reduce((s, r) => s + r.customers, 0), sales: rows.reduce((s, r) => s + r.sales, 0) };
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="tier"
      dataSource={rows}
      data-testid="tier-counts"
      columns={[
        { title: t('counts.tier'), dataIndex: 'tier', render: (v: string) => <TierTag tier={v} /> },
        { title: t('counts.customers'), dataIndex: 'customers', align: 'right' },
        { title: t('counts.customerShare'), dataIndex: 'customerShare', align: 'right', render: pct },
        { title: t('counts.sales'), dataIndex: 'sales', align: 'right', render: (v: number) => money(v) },
        { title: t('counts.salesShare'), dataIndex: 'salesShare', align: 'right', render: pct },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0}>{t('counts.total')}</Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            {sum.customers}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} />
          <Table.Summary.Cell index={3} align="right">
            {money(sum.sales)}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} />
        </Table.Summary.Row>
      )}
    />
  );
}

export function TierMatrix({ cells }: { cells: MatrixCell[] }) {
  const { t } = useTranslation(ANALYSIS_NS);
  const navigate = useNavigate();
  const m = useMemo(() => matrixTable(cells), [cells]);
  const open = (tier: string, rating: string) =>
    navigate(`/customers?tier=${encodeURIComponent(tier)}&rating=${encodeURIComponent(rating)}`);
  return (
    <>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('matrix.hint')}
      </Typography.Text>
      <Table
        size="small"
        pagination={false}
        rowKey="tier"
        dataSource={m.rows}
        scroll={{ x: 'max-content' }}
        data-testid="tier-matrix"
        columns={[
          {
            title: t('matrix.tier'),
            dataIndex: 'tier',
            fixed: 'left',
            render: (v: string) => (v === 'none' ? t('matrix.none') : <TierTag tier={v} />),
          },
          ...m.ratings.map((rating) => ({
            title: rating === 'none' ? t('notRated') : rating,
            key: rating,
            align: 'right' as const,
            render: (_: unknown, row: (typeof m.rows)[number]) => {
              const c = row.cells[rating];
              if (!c) return <span style={{ color: '#bbb' }}>—</span>;
              return (
                <a
                  onClick={() => open(row.tier, rating)}
                  data-testid={`matrix-${row.tier}-${rating}`}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {c.customers} / {money(c.open)}
                </a>
              );
            },
          })),
        ]}
      />
    </>
  );
}

export function MovementList({ rows, testid }: { rows: TierMovementRow[]; testid: string }) {
  const { t } = useTranslation(ANALYSIS_NS);
  const navigate = useNavigate();
  return (
    <Table
      size="small"
      rowKey="customerId"
      dataSource={rows}
      data-testid={testid}
      pagination={rows.length > 8 ? { pageSize: 8, size: 'small', showSizeChanger: false } : false}
      locale={{ emptyText: t('movement.none') }}
      onRow={(r) => ({ onClick: () => navigate(`/customers/${r.customerId}`), style: { cursor: 'pointer' } })}
      columns={[
        {
          title: t('pareto.customer'),
          dataIndex: 'customerName',
          ellipsis: true,
          render: (v: string, r) => `${r.customerCode} ${v}`,
        },
        { title: t('movement.from'), dataIndex: 'from', width: 80, render: (v: string | null) => <TierTag tier={v} /> },
        { title: t('movement.to'), dataIndex: 'to', width: 80, render: (v: string) => <TierTag tier={v} /> },
        {
          title: t('movement.avg'),
          dataIndex: 'averageMonthly',
          align: 'right',
          width: 170,
          render: (v: number) => money(v),
        },
      ]}
    />
  );
}
