// Collections KPIs on the receivables dashboard (issue #13 item 7): CEI, best-possible DSO and
// the promise-kept rate for the dashboard's period, and the 13-week cash-in forecast chart.
// Figures come from `collections:kpis`; shaping from reports/collections-kpi-series.ts.
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Spin, Tooltip as AntTooltip } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { call } from '../../../api/client';
import { money } from '../../../format/money';
import { useLang } from '../../../hooks/useLang';
import { percentText } from '../../../reports/ageing-series';
import {
  collectionsKpiCards,
  forecastBars,
  tenthsText,
  weekLabel,
  type CollectionsKpiCard,
  type ForecastBar,
} from '../../../reports/collections-kpi-series';
import { axisMoney } from '../../../reports/dashboard-series';
import { niceTicks } from '../../../reports/nice-ticks';
import type { CollectionsKpisOut } from '@shared/types-collections-kpis';
import { arErrorText } from '../common';
import { COLLECTIONS_KPI_NS } from './collections-kpi-i18n';

const HINT: Record<CollectionsKpiCard['key'], string> = {
  cei: 'ceiHint',
  bestDso: 'bestDsoHint',
  promiseKept: 'promiseKeptHint',
};

export function CollectionsKpis({ asOf, from, to }: { asOf: string; from: string; to: string }) {
  const { t } = useTranslation(COLLECTIONS_KPI_NS);
  const { t: tRoot } = useTranslation();
  const q = useQuery({
    queryKey: ['collections', 'kpis', asOf, from, to],
    queryFn: () => call('collections:kpis', { asOf, from, to }),
  });
  if (q.isError) return <Alert type="error" showIcon title={arErrorText(tRoot, q.error)} />;
  if (!q.data) return <Spin style={{ margin: 24 }} />;
  return (
    <div className="ar-collections" data-testid="collections-kpis">
      <div className="ar-kpis ar-kpis-3">
        {collectionsKpiCards(q.data).map((k) => (
          <div key={k.key} className={`ar-kpi ${k.tone}`} data-testid={`kpi-${k.key}`}>
            <AntTooltip title={t(HINT[k.key])}>
              <div className="ar-kpi-label">{t(k.key)}</div>
            </AntTooltip>
            <div className="ar-kpi-value">
              {k.format === 'percent'
                ? percentText(k.value)
                : k.value === null
                  ? '—'
                  : t('days', { n: tenthsText(k.value) })}
            </div>
            {k.sub.map((s) => (
              <div className="ar-kpi-sub" key={s.key}>
                <span>{t(s.key)}</span>
                <span>{s.format === 'money' ? money(s.value) : t('count', { n: s.value })}</span>
              </div>
            ))}
          </div>
        ))}
      </div>
      <Card
        size="small"
        title={
          <AntTooltip title={t('forecastHint')}>
            <span>{t('forecastTitle')}</span>
          </AntTooltip>
        }
      >
        <Forecast k={q.data} />
      </Card>
    </div>
  );
}

function Forecast({ k }: { k: CollectionsKpisOut }) {
  const { t } = useTranslation(COLLECTIONS_KPI_NS);
  const [lang] = useLang();
  const data = useMemo(() => forecastBars(k.forecast), [k.forecast]);
  if (data.every((b) => b.expected === 0)) return <Empty description={t('noData')} />;
  // short axis labels (13 bars + 2 at 1280 px); the tooltip names them in full
  const label = (b: ForecastBar) => (b.kind === 'week' ? weekLabel(b) : t(`${b.kind}Short`));
  const ticks = niceTicks(0, Math.max(0, ...data.map((b) => Math.max(b.expected, b.cumulative ?? 0))), 4);
  return (
    <div style={{ height: 260 }} data-testid="collections-forecast">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#eef1f5" />
          <XAxis dataKey="key" tick={{ fontSize: 11 }} interval={0} tickFormatter={(_k, i) => label(data[i])} />
          <YAxis
            tick={{ fontSize: 12 }}
            width={64}
            ticks={ticks}
            domain={[ticks[0], ticks[ticks.length - 1]]}
            tickFormatter={(v: number) => axisMoney(v, lang)}
          />
          <Tooltip
            labelFormatter={(_l, p) => {
              const b = p?.[0]?.payload as ForecastBar | undefined;
              if (!b) return '';
              return b.kind === 'week' ? `${t('week', { n: b.week })} ${b.from} – ${b.to}` : t(b.kind);
            }}
            formatter={(v, name) => [money(Number(v)), t(String(name))]}
          />
          <Bar dataKey="expected" name="expected" fill="#1f5fbf" isAnimationActive={false} />
          <Line
            dataKey="cumulative"
            name="cumulative"
            stroke="#d48806"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
            connectNulls={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
