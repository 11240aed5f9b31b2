// 留档分析: counts and compensation by type, month and responsibility (recharts; shaping in
// reports/complaints-series.ts), the customers with most complaints, average days to resolve,
// supplier claim-backs outstanding.
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Space, Statistic, Table } from 'antd';
import { DatePicker } from '../../components/TypedDatePicker';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { call } from '../../api/client';
import { money } from '../../format/money';
import { useLang } from '../../hooks/useLang';
import { axisMoney } from '../../reports/dashboard-series';
import {
  averageResolveDays,
  byMonth,
  byResponsibility,
  byType,
  totals,
  type SeriesPoint,
} from '../../reports/complaints-series';
import { complaintKeys, useCT } from './common';

function SeriesChart({
  data,
  label,
  testId,
}: {
  data: (SeriesPoint & { label: string })[];
  label: (k: 'count' | 'amount') => string;
  testId: string;
}) {
  const [lang] = useLang();
  if (!data.some((d) => d.count)) return <Empty style={{ height: 220 }} />;
  return (
    <div data-testid={testId} style={{ width: '100%', height: 230 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#eef1f5" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
          <YAxis yAxisId="n" tick={{ fontSize: 12 }} allowDecimals={false} width={36} />
          <YAxis
            yAxisId="a"
            orientation="right"
            tick={{ fontSize: 12 }}
            tickFormatter={(v: number) => axisMoney(v, lang)}
            width={64}
          />
          <Tooltip
            formatter={(v, name) =>
              name === 'amount' ? [money(Number(v)), label('amount')] : [String(v), label('count')]
            }
          />
          <Legend formatter={(v: string) => label(v as 'count' | 'amount')} wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="n" dataKey="count" fill="#1f5fbf" isAnimationActive={false} />
          <Bar yAxisId="a" dataKey="amount" fill="#f0a05a" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function AnalysisPanel() {
  const t = useCT();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const q = useQuery({
    queryKey: [...complaintKeys.all, 'analysis', from, to],
    queryFn: () => call('complaints:analysis', { from, to }),
  });
  const rows = useMemo(() => q.data?.rows ?? [], [q.data]);
  const label = (k: 'count' | 'amount') => t(`analysis.${k}`);
  const types = byType(rows).map((p) => ({ ...p, label: t(`type.${p.key}`) }));
  const months = byMonth(rows, from, to).map((p) => ({ ...p, label: p.key }));
  const resp = byResponsibility(rows).map((p) => ({
    ...p,
    label: p.key === 'unassigned' ? t('analysis.unassigned') : t(`responsibility.${p.key}`),
  }));
  const avg = averageResolveDays(rows);
  const tot = totals(rows);
  const resolved = rows.reduce((s, r) => s + r.resolvedCount, 0);
  const sc = q.data?.supplierClaims;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="complaints-analysis">
      <DatePicker.RangePicker value={range} onChange={(v) => setRange(v as never)} allowEmpty={[true, true]} />
      <Row gutter={[12, 12]}>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('analysis.totalCount')} value={tot.count} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('analysis.totalAmount')} value={money(tot.amount)} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic title={t('analysis.avgResolve')} value={avg === null ? '—' : `${avg} ${t('analysis.days')}`} />
            <span className="muted">{t('analysis.resolved', { n: resolved })}</span>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card size="small">
            <Statistic
              title={t('analysis.supplierOutstanding')}
              value={sc ? `${money(sc.outstandingAmount)}（${sc.outstandingCount}）` : '—'}
            />
            <span className="muted">
              {t('analysis.supplierRecovered')}: {sc ? money(sc.recoveredAmount) : '—'}
            </span>
          </Card>
        </Col>
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('analysis.byType')}>
            <SeriesChart data={types} label={label} testId="chart-type" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('analysis.byResponsibility')}>
            <SeriesChart data={resp} label={label} testId="chart-responsibility" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('analysis.byMonth')}>
            <SeriesChart data={months} label={label} testId="chart-month" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('analysis.topCustomers')}>
            <Table
              size="small"
              rowKey="customerId"
              pagination={false}
              dataSource={q.data?.topCustomers ?? []}
              columns={[
                {
                  key: 'c',
                  title: t('col.customer'),
                  ellipsis: true,
                  render: (_, r) => `${r.customerCode} ${r.customerName}`,
                },
                { key: 'n', title: t('analysis.count'), dataIndex: 'count', width: 90, align: 'right' },
                {
                  key: 'a',
                  title: t('analysis.amount'),
                  width: 130,
                  align: 'right',
                  render: (_, r) => money(r.compensation),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
