// 客户忠诚度分布 (SPEC §7) on the analysis page: customers per loyalty type as bars, and a table of
// customers, hand-set ones, sales and shares; with the average satisfaction and open follow-ups.
// Loaded on its own query, so the rest of the page does not wait for it.
import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { AfterPaint } from '../../components/AfterPaint';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import { money } from '../../format/money';
import { loyaltySlices, scoreText, type LoyaltySlice } from '../../reports/loyalty-series';
import { LOYALTY_COLOURS } from '../customers/service/LoyaltySection';
import { SERVICE_NS } from '../customers/service/i18n';

/** enabled: false until the page's first paint is in (the server answers one call at a time) */
export function LoyaltyPanel({ enabled = true }: { enabled?: boolean }) {
  const { t } = useTranslation(SERVICE_NS);
  const { t: tg } = useTranslation();
  const q = useQuery({
    queryKey: ['service', 'distribution'],
    queryFn: () => call('service:loyalty-distribution', {}),
    enabled,
  });
  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" title={errorText(tg, q.error)} />;
  const d = q.data;
  const rows = loyaltySlices(d).map((r) => ({ ...r, label: t(`loyalty.type.${r.type}`) }));
  const avg = scoreText(d.averageScore100);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="loyalty-panel">
      <Space wrap size="large">
        <Typography.Text type="secondary">{t('panel.window', { from: d.from, to: d.to })}</Typography.Text>
        <Typography.Text>{avg ? t('panel.avgScore', { avg, count: d.scores }) : t('panel.noScores')}</Typography.Text>
        <Typography.Text type={d.overdueTasks > 0 ? 'danger' : undefined}>
          {t('panel.tasks', { count: d.openTasks, open: d.openTasks, overdue: d.overdueTasks })}
        </Typography.Text>
      </Space>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 3fr)', gap: 16 }}>
        <div style={{ width: '100%', height: 200 }} data-testid="loyalty-chart">
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={rows} margin={{ top: 20, right: 16, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#eef1f5" />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
              <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={48} />
              <Tooltip formatter={(v) => [String(v), t('panel.customers')]} />
              <Bar dataKey="customers" isAnimationActive={false} maxBarSize={64}>
                {rows.map((r) => (
                  <Cell key={r.type} fill={LOYALTY_COLOURS[r.type]} />
                ))}
                <LabelList
                  dataKey="customerShare"
                  position="top"
                  formatter={(v) => `${Number(v).toFixed(1)}%`}
                  style={{ fontSize: 12 }}
                />
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
        <AfterPaint>
          <Table<LoyaltySlice & { label: string }>
            size="small"
            rowKey="type"
            dataSource={rows}
            pagination={false}
            data-testid="loyalty-table"
            columns={[
              {
                title: t('panel.type'),
                dataIndex: 'label',
                render: (v: string, r) => <span style={{ color: LOYALTY_COLOURS[r.type] }}>{v}</span>,
              },
              { title: t('panel.customers'), dataIndex: 'customers', align: 'right', width: 80 },
              {
                title: t('panel.customerShare'),
                dataIndex: 'customerShare',
                align: 'right',
                width: 90,
                render: (v: number) => `${v.toFixed(1)}%`,
              },
              { title: t('panel.manual'), dataIndex: 'manual', align: 'right', width: 100 },
              { title: t('panel.sales'), dataIndex: 'sales', align: 'right', render: (v: number) => money(v) },
              {
                title: t('panel.salesShare'),
                dataIndex: 'salesShare',
                align: 'right',
                width: 90,
                render: (v: number) => `${v.toFixed(1)}%`,
              },
            ]}
          />
        </AfterPaint>
      </div>
    </Space>
  );
}
