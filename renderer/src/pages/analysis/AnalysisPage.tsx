// 客户分析: value tiers (recompute, settings), the Pareto chart, tier counts and shares, the
// tier × credit-rating matrix, tier movement and the customer composition.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Collapse, Row, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { errorText } from '../../format/errors';
import { CompositionPanel } from './CompositionPanel';
import { LoyaltyPanel } from './LoyaltyPanel';
import { SERVICE_NS } from '../customers/service/i18n';
import { ANALYSIS_NS } from './i18n';
import { ParetoChart } from './ParetoChart';
import { TierSettingsForm } from './TierSettingsForm';
import { MovementList, TierCounts, TierMatrix } from './TierTables';

export function AnalysisPage() {
  const { t } = useTranslation(ANALYSIS_NS);
  const { t: tc } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  // the ranking paints first; matrix and composition read the whole book and arrive after it
  const overview = useQuery({ queryKey: ['analysis', 'ranking'], queryFn: () => call('analysis:ranking', {}) });
  const panels = useQuery({
    queryKey: ['analysis', 'panels'],
    queryFn: () => call('analysis:panels', {}),
    enabled: overview.isSuccess,
  });
  const p = panels.data;
  const settings = useQuery({ queryKey: ['analysis', 'settings'], queryFn: () => call('analysis:tier-settings', {}) });
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
          <Collapse
            size="small"
            items={[{ key: 's', label: t('settings.title'), children: <TierSettingsForm settings={s} /> }]}
          />
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
              {o && <TierCounts totals={o.totals} />}
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('matrix.title')}>
              {p ? <TierMatrix cells={p.matrix} /> : <Skeleton active paragraph={{ rows: 3 }} />}
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t('movement.title')}>
              <Row gutter={12}>
                <Col span={12}>
                  <Typography.Text strong>{t('movement.up')}</Typography.Text>
                  {o && <MovementList rows={o.movement.up} testid="movement-up" />}
                </Col>
                <Col span={12}>
                  <Typography.Text strong>{t('movement.down')}</Typography.Text>
                  {o && <MovementList rows={o.movement.down} testid="movement-down" />}
                </Col>
              </Row>
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t('composition.title')}>
              {p ? (
                <CompositionPanel
                  composition={p.composition}
                  salesWindow={p.compositionWindow}
                  tiersAsOf={run?.asOf ?? null}
                />
              ) : (
                <Skeleton active paragraph={{ rows: 4 }} />
              )}
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t('panel.title', { ns: SERVICE_NS })}>
              <LoyaltyPanel enabled={overview.isSuccess} />
            </Card>
          </Col>
        </Row>
      </Space>
    </div>
  );
}
