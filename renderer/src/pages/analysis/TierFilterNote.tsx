// Under a value-tier filter (batch statements): how many customers the chosen tiers hold, or
// why the filter selects nobody (tiers never computed, or no customer in those tiers).
import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ANALYSIS_NS } from './i18n';

export function TierFilterNote({ tiers }: { tiers: ('A' | 'B' | 'C')[] }) {
  const { t } = useTranslation(ANALYSIS_NS);
  const run = useQuery({
    queryKey: ['analysis', 'latest-run'],
    queryFn: () => call('analysis:latest-run', {}),
    enabled: tiers.length > 0,
  });
  if (tiers.length === 0 || run.isPending || run.isError) return null;
  const r = run.data;
  if (!r)
    return (
      <Alert
        type="warning"
        showIcon
        title={t('batch.tiersNotComputed')}
        data-testid="tier-filter-note"
        style={{ marginBottom: 12 }}
      />
    );
  const n = tiers.reduce((s, k) => s + r.counts[k], 0);
  if (n === 0)
    return (
      <Alert
        type="warning"
        showIcon
        title={t('batch.tiersMatchNobody', { ...r.counts, asOf: r.asOf })}
        data-testid="tier-filter-note"
        style={{ marginBottom: 12 }}
      />
    );
  return (
    <Alert
      type="info"
      showIcon
      title={t('batch.tiersMatch', { n, asOf: r.asOf })}
      data-testid="tier-filter-note"
      style={{ marginBottom: 12 }}
    />
  );
}
