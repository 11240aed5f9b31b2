// The customer card's first tab (概览): balance, overdue, credit used against the limit,
// available credit, tier and rating, DSO and days late, a small ageing chart, the 12-month
// sales and receipts trend and the recent activity timeline.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, Progress, Row, Skeleton, Statistic, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import { money } from '../../format/money';
import { useLang } from '../../hooks/useLang';
import { axisMoney } from '../../reports/dashboard-series';
import { creditUse, monthLabel } from '../../reports/overview-series';
import { ANALYSIS_NS } from './i18n';
import { TierTag } from './TierTag';

export function CustomerOverviewTab({ customerId }: { customerId: number }) {
  const { t } = useTranslation(ANALYSIS_NS);
  const { t: tc } = useTranslation();
  const [lang] = useLang();
  const q = useQuery({
    queryKey: ['analysis', 'customer-overview', customerId],
    queryFn: () => call('analysis:customer-overview', { customerId }),
  });
  if (q.isPending) return <Skeleton active />;
  if (q.isError) return <Alert type="error" title={errorText(tc, q.error)} />;
  const o = q.data;
  const use = creditUse(o.creditUsed, o.creditLimit, o.hasLimit);
  const stat = (title: string, value: string, testid: string, extra?: React.ReactNode, danger?: boolean) => (
    <Col xs={12} md={8} xl={4}>
      <Statistic
        title={title}
        value={value}
        valueStyle={{
          fontSize: 20,
          color: danger ? '#cf1322' : undefined,
          fontVariantNumeric: 'tabular-nums',
        }}
        data-testid={testid}
      />
      {extra}
    </Col>
  );
  const trend = o.trend.map((m) => ({
    ...m,
    label: monthLabel(m.month, lang),
  }));
  const ageing = o.ageing.map((b) => ({
    ...b,
    label: tc(`ar.bucket.${b.key}`),
  }));
  return (
    <div data-testid="customer-overview">
      <Row gutter={[16, 16]}>
        {stat(
          t('overview.balance'),
          money(o.balance),
          'ov-balance',
          o.unapplied ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('overview.unapplied', { amount: money(o.unapplied) })}
            </Typography.Text>
          ) : null,
        )}
        {stat(t('overview.overdue'), money(o.overdue), 'ov-overdue', null, o.overdue > 0)}
        {stat(
          t('overview.available'),
          o.available === null ? t('overview.noLimit') : money(o.available),
          'ov-available',
          null,
          (o.available ?? 0) < 0,
        )}
        {stat(t('overview.dso'), o.dsoDays === null ? '—' : t('overview.days', { n: o.dsoDays }), 'ov-dso')}
        {stat(
          t('overview.daysLate'),
          o.averageDaysLate === null ? '—' : t('overview.days', { n: o.averageDaysLate }),
          'ov-days-late',
        )}
        <Col xs={12} md={8} xl={4}>
          <div className="ant-statistic-title" style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 4 }}>
            {t('overview.tier')} / {t('overview.rating')}
          </div>
          <span style={{ fontSize: 20 }}>
            <TierTag tier={o.valueTier} testid="ov-tier" />{' '}
            <span data-testid="ov-rating">{o.creditRating ?? t('notRated')}</span>
          </span>
        </Col>
        <Col span={24}>
          <Typography.Text>
            {t('overview.creditUsed')}: {money(o.creditUsed)} /{' '}
            {o.hasLimit ? money(o.creditLimit) : t('overview.noLimit')}
            {use.over && <Typography.Text type="danger"> · {t('overview.overLimit')}</Typography.Text>}
          </Typography.Text>
          <Progress
            percent={use.percent}
            showInfo={use.hasLimit}
            status={use.over ? 'exception' : 'normal'}
            strokeColor={use.percent >= 90 ? '#d48806' : undefined}
            data-testid="ov-credit-bar"
          />
        </Col>
        <Col xs={24} lg={9}>
          <Card size="small" title={t('overview.ageing')}>
            {ageing.every((b) => b.amount === 0) ? (
              <Empty description={t('overview.noOpen')} style={{ height: 200, paddingTop: 40 }} />
            ) : (
              <div style={{ height: 200 }}>
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={ageing} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#eef1f5" />
                    <XAxis
                      dataKey="label"
                      tick={{ fontSize: 11 }}
                      interval={0}
                      angle={-25}
                      textAnchor="end"
                      height={48}
                    />
                    <YAxis tick={{ fontSize: 11 }} tickFormatter={(v: number) => axisMoney(v, lang)} width={56} />
                    <Tooltip formatter={(v) => money(Number(v))} />
                    <Bar dataKey="amount" fill="#1f5fbf" isAnimationActive={false} name={t('overview.balance')} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('overview.trend')}>
            <div style={{ height: 200 }}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={trend} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#eef1f5" />
                  <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
                  <YAxis tick={{ fontSize: 11 }} tickFormatter={(v: number) => axisMoney(v, lang)} width={56} />
                  <Tooltip formatter={(v) => money(Number(v))} />
                  <Legend wrapperStyle={{ fontSize: 12 }} />
                  <Bar dataKey="sales" name={t('overview.sales')} fill="#1d5fd1" isAnimationActive={false} />
                  <Bar dataKey="receipts" name={t('overview.receipts')} fill="#52c41a" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('overview.activity')}>
            {o.activity.length === 0 ? (
              <Empty description={t('overview.noActivity')} />
            ) : (
              <Timeline
                data-testid="ov-activity"
                items={o.activity.map((a) => ({
                  color: a.kind === 'invoice' ? 'blue' : a.kind === 'receipt' ? 'green' : 'gray',
                  content: (
                    <span>
                      <span className="code">{a.date}</span> · {t(`overview.kind.${a.kind}`)} {a.ref ?? ''}{' '}
                      {a.amount !== null && a.kind !== 'slip_returned' ? money(a.amount) : ''}
                    </span>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
