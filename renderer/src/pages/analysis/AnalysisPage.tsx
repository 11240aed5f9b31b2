// 客户分析: value tiers (recompute, settings), the Pareto chart, tier counts and shares, the
// tier × credit-rating matrix, tier movement and the customer composition. The chart renders as
// soon as the ranking is in; every other block mounts after it, one per task (AfterPaint), so
// the bars paint first and the page answers the pointer while the rest fills in.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Collapse, Row, Skeleton, Space, Spin, Typography } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { AfterPaint } from '../../components/AfterPaint';
import { errorText } from '../../format/errors';
import { SERVICE_NS } from '../customers/service/i18n';
import { ANALYSIS_NS } from './i18n';
import { analysisRequest } from './early-requests';
import { ParetoChart } from './ParetoChart';
import { TierSettingsForm } from './TierSettingsForm';
import { MovementList, TierCounts, TierMatrix } from './TierTables';

// the panels drawn with recharts load after the bars are on screen: the chart library is not in
// the page's first frame (the Pareto chart is plain SVG)
const CompositionPanel = lazy(async () => ({ default: (await import('./CompositionPanel')).CompositionPanel }));
const LoyaltyPanel = lazy(async () => ({ default: (await import('./LoyaltyPanel')).LoyaltyPanel }));

export function AnalysisPage() {
  const { t } = useTranslation(ANALYSIS_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  // the ranking paints first; matrix and composition read the whole book and arrive after it
  const overview = useQuery({
    queryKey: ['analysis', 'ranking'],
    queryFn: () => analysisRequest('ranking', () => call('analysis:ranking', {})),
  });
  const panels = useQuery({
    queryKey: ['analysis', 'panels'],
    queryFn: () => call('analysis:panels', {}),
    enabled: overview.isSuccess,
  });
  const p = panels.data;
  const settings = useQuery({
    queryKey: ['analysis', 'settings'],
    queryFn: () => analysisRequest('settings', () => call('analysis:tier-settings', {})),
  });
  const recompute = useMutation({
    mutationFn: () => call('analysis:recompute', {}),
    onSuccess: (run) => {
      void message.success(t('recomputed', run.counts));
      void qc.invalidateQueries({ queryKey: ['analysis'] });
      void qc.invalidateQueries({ queryKey: ['customers'] });
    },
    onError: (e) => void message.error(errorText(tc, e)),
  });

  const o = overview.data;
  const run = o?.run ?? null;
  const s = settings.data;
  return (
    <div className="page" data-testid="analysis-page">
      <div className="page-title-row">
        <h1>{t('title')}</h1>
        <div className="spacer" />
        <Button
          type="primary"
          onClick={() => recompute.mutate()}
          loading={recompute.isPending}
          data-testid="tier-recompute"
        >
          {t('recompute')}
        </Button>
      </div>
      {overview.isError && <Alert type="error" title={errorText(tc, overview.error)} />}
      {panels.isError && <Alert type="error" title={errorText(tc, panels.error)} />}
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {run ? (
          <Typography.Text type="secondary" data-testid="tier-last-run">
            {t('lastRun', {
              asOf: run.asOf,
              from: run.from,
              to: run.to,
              months: run.months,
              method: t(`method.${run.method}`),
              who: run.trigger === 'monthly' ? t('lastRunAuto') : (run.operatorName ?? '—'),
            })}
          </Typography.Text>
        ) : (
          o && <Alert type="info" title={t('neverComputed')} data-testid="tier-never" />
        )}
        {s && (
          <AfterPaint>
            <Collapse
              size="small"
              items={[{ key: 's', label: t('settings.title'), children: <TierSettingsForm settings={s} /> }]}
            />
          </AfterPaint>
        )}
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card size="small" title={t('pareto.title')}>
              {o && (
                <ParetoChart
                  series={o.pareto}
                  aPercent={s?.aPercent ?? 80}
                  bPercent={s?.bPercent ?? 95}
                  showShareLines={run?.method !== 'threshold'}
                />
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('counts.title')}>
              {o && (
                <AfterPaint>
                  <TierCounts totals={o.totals} />
                </AfterPaint>
              )}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('matrix.title')}>
              <WhenIn rows={3}>{p && <TierMatrix cells={p.matrix} />}</WhenIn>
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t('movement.title')}>
              <Row gutter={12}>
                <Col span={12}>
                  <Typography.Text strong>{t('movement.up')}</Typography.Text>
                  {o && (
                    <AfterPaint>
                      <MovementList rows={o.movement.up} testid="movement-up" />
                    </AfterPaint>
                  )}
                </Col>
                <Col span={12}>
                  <Typography.Text strong>{t('movement.down')}</Typography.Text>
                  {o && (
                    <AfterPaint>
                      <MovementList rows={o.movement.down} testid="movement-down" />
                    </AfterPaint>
                  )}
                </Col>
              </Row>
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t('composition.title')}>
              <WhenIn rows={4}>
                {p && (
                  <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
                    <CompositionPanel
                      composition={p.composition}
                      salesWindow={p.compositionWindow}
                      tiersAsOf={run?.asOf ?? null}
                    />
                  </Suspense>
                )}
              </WhenIn>
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t('panel.title', { ns: SERVICE_NS })}>
              {overview.isSuccess ? (
                <AfterPaint fallback={<Spin />}>
                  <Suspense fallback={<Spin />}>
                    <LoyaltyPanel />
                  </Suspense>
                </AfterPaint>
              ) : (
                <Spin />
              )}
            </Card>
          </Col>
        </Row>
      </Space>
    </div>
  );
}

/** A panel that arrives after the first paint: a skeleton until its data is in, then its turn. */
function WhenIn({ rows, children }: { rows: number; children: ReactNode }) {
  const skeleton = <Skeleton active paragraph={{ rows }} />;
  return children ? <AfterPaint fallback={skeleton}>{children}</AfterPaint> : skeleton;
}
