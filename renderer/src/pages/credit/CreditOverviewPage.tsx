// Route #/credit — the credit overview (信用总览): over / near the limit, reviews due, recent
// downgrades, grade distribution, limit utilisation, and the grade back-test (BacktestCard).
import { Card, Col, Row, Spin, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import { money } from '../../format/money';
import { bpText, gradeSeries, utilisationSeries } from '../../reports/credit-series';
import type { CreditOverviewOut } from '@shared/types-credit';
import { BacktestCard } from './BacktestCard';
import { CREDIT_NS } from './i18n';

type Row = CreditOverviewOut['overLimit'][number];

const TONES: Record<string, string> = { green: '#52c41a', amber: '#faad14', red: '#ff4d4f' };

export function CreditOverviewPage() {
  const { t } = useTranslation(CREDIT_NS);
  const q = useQuery({ queryKey: ['credit', 'overview'], queryFn: () => call('credit:overview', {}) });
  if (q.isPending) return <Spin style={{ margin: 48 }} />;
  if (q.isError) return <div className="page">{errorText(t, q.error)}</div>;
  const o = q.data;
  const nameCol = {
    title: t('col.name'),
    key: 'name',
    // a Chinese company name needs room (it stood one character a line in a half-width card)
    width: 180,
    render: (_: unknown, r: Row) => (
      <Link to={`/customers/${r.customerId}`}>
        <span className="code">{r.customerCode}</span> {r.customerName}
      </Link>
    ),
  };
  const positionCols = [
    nameCol,
    { title: t('col.rating'), dataIndex: 'rating', width: 80, render: (v: string | null) => v ?? '—' },
    {
      title: t('col.limit'),
      dataIndex: 'creditLimit',
      width: 130,
      align: 'right' as const,
      render: (v: number | null) => money(v),
    },
    {
      title: t('col.exposure'),
      dataIndex: 'exposure',
      width: 130,
      align: 'right' as const,
      render: (v: number) => money(v),
    },
    {
      title: t('col.utilisation'),
      dataIndex: 'utilisationBp',
      width: 90,
      align: 'right' as const,
      render: (v: number | null) => bpText(v),
    },
  ];
  const grades = gradeSeries(o.grades);
  const util = utilisationSeries(o.utilisation, (b) => t(`overview.bands.${b}`));
  return (
    <div className="page" data-testid="credit-overview">
      <div className="page-title-row">
        <h1>{t('overview.title')}</h1>
        <Typography.Text type="secondary">
          {t('overview.asOf')} {o.asOf} · {t('overview.customers')} {o.customers.toLocaleString()} ·{' '}
          {t('overview.took', { ms: o.ms })}
        </Typography.Text>
        <div className="spacer" />
        <Link to="/credit/settings" data-testid="credit-settings-link">
          {t('settings.link')}
        </Link>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('overview.grades')} size="small">
            <div style={{ height: 220 }} data-testid="credit-grade-chart">
              <ResponsiveContainer>
                <BarChart data={grades} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="grade" />
                  <YAxis allowDecimals={false} width={40} />
                  <Tooltip />
                  <Bar dataKey="customers" name={t('col.customers')} fill="#1677ff" isAnimationActive={false}>
                    <LabelList dataKey="customers" position="top" />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('overview.utilisation')} size="small">
            <div style={{ height: 220 }} data-testid="credit-util-chart">
              <ResponsiveContainer>
                <BarChart data={util} margin={{ top: 16, right: 8, bottom: 0, left: 0 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" />
                  <YAxis allowDecimals={false} width={40} />
                  <Tooltip />
                  <Bar dataKey="customers" name={t('col.customers')} isAnimationActive={false}>
                    {util.map((u) => (
                      <Cell key={u.band} fill={TONES[u.tone]} />
                    ))}
                    <LabelList dataKey="customers" position="top" />
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
        <Col xs={24} xxl={12}>
          <Card title={`${t('overview.overLimit')} (${o.overLimit.length})`} size="small">
            <Table<Row>
              size="small"
              rowKey="customerCode"
              dataSource={o.overLimit}
              columns={positionCols}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              locale={{ emptyText: t('overview.none') }}
              data-testid="credit-over"
            />
          </Card>
        </Col>
        <Col xs={24} xxl={12}>
          <Card title={`${t('overview.nearLimit')} (${o.nearLimit.length})`} size="small">
            <Table<Row>
              size="small"
              rowKey="customerCode"
              dataSource={o.nearLimit}
              columns={positionCols}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              locale={{ emptyText: t('overview.none') }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={`${t('overview.reviewsDue')} (${o.reviewsDue.length})`} size="small">
            <Table
              size="small"
              rowKey="customerCode"
              dataSource={o.reviewsDue}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              locale={{ emptyText: t('overview.none') }}
              data-testid="credit-reviews-due"
              columns={[
                nameCol,
                { title: t('col.creditClass'), dataIndex: 'creditClass', width: 90 },
                {
                  title: t('col.nextReview'),
                  dataIndex: 'nextReviewDue',
                  width: 150,
                  render: (v: string, r: Row & { overdue: boolean }) => (
                    <span>
                      {v} {r.overdue && <Tag color="red">{t('overview.overdue')}</Tag>}
                    </span>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={`${t('overview.downgrades')} (${o.downgrades.length})`} size="small">
            <Table
              size="small"
              rowKey={(r) => `${r.customerCode}-${r.ratedOn}`}
              dataSource={o.downgrades}
              pagination={{ pageSize: 8, hideOnSinglePage: true }}
              locale={{ emptyText: t('overview.none') }}
              columns={[
                nameCol as never,
                { title: t('col.previous'), dataIndex: 'previous', width: 80 },
                { title: t('col.grade'), dataIndex: 'grade', width: 80 },
                { title: t('col.ratedOn'), dataIndex: 'ratedOn', width: 110 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <BacktestCard />
        </Col>
      </Row>
    </div>
  );
}
