// Stacked bars of the bucket totals: the part held by the 10 largest customers and the rest.
import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { niceTicks } from '../../../reports/nice-ticks';
import type { AgeingReportOut } from '@shared/types-receivables';
import { money } from '../../../format/money';
import { useLang } from '../../../hooks/useLang';
import { ageingBucketSeries } from '../../../reports/ageing-series';
import { axisMoney } from '../../../reports/dashboard-series';
import { bucketLabel } from '../common';

export function AgeingChart({ report, height = 240 }: { report: AgeingReportOut; height?: number }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const data = useMemo(() => {
    const defs = new Map(report.buckets.map((b) => [b.key, b]));
    return ageingBucketSeries(report, 10).map((b) => ({ ...b, label: bucketLabel(t, defs.get(b.key)!) }));
  }, [report, t]);
  if (data.every((d) => d.total === 0)) return <Empty description={t('ar.ageing.empty')} style={{ height }} />;
  return (
    <div data-testid="ageing-chart" style={{ width: '100%', height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#eef1f5" />
          <XAxis
            dataKey="label"
            tick={{ fontSize: 12 }}
            interval={0}
            angle={data.length > 6 ? -20 : 0}
            textAnchor={data.length > 6 ? 'end' : 'middle'}
            height={data.length > 6 ? 48 : 30}
          />
          <YAxis
            tick={{ fontSize: 12 }}
            tickFormatter={(v: number) => axisMoney(v, lang)}
            width={64}
            {...niceYAxis(data)}
          />
          <Tooltip
            formatter={(_v, name, item) => {
              const p = item.payload as (typeof data)[number];
              return [
                money(name === 'top' ? p.top : p.others),
                name === 'top' ? t('ar.ageing.chartTop') : t('ar.ageing.chartOthers'),
              ];
            }}
            labelFormatter={(l, items) => {
              const p = items?.[0]?.payload as (typeof data)[number] | undefined;
              return p ? `${String(l)} · ${money(p.total)}` : String(l);
            }}
          />
          <Legend
            formatter={(v: string) => (v === 'top' ? t('ar.ageing.chartTop') : t('ar.ageing.chartOthers'))}
            wrapperStyle={{ fontSize: 12 }}
          />
          <Bar dataKey="top" stackId="a" fill="#1f5fbf" isAnimationActive={false} />
          <Bar dataKey="others" stackId="a" fill="#9cc0f0" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** Nice 1/2/5 steps over the stacked bars (negative parts included). */
function niceYAxis(data: { top: number; others: number }[]): {
  ticks: number[];
  domain: [number, number];
  interval: 0;
} {
  const highs = data.map((d) => Math.max(0, d.top) + Math.max(0, d.others));
  const lows = data.map((d) => Math.min(0, d.top) + Math.min(0, d.others));
  const ticks = niceTicks(Math.min(0, ...lows), Math.max(0, ...highs));
  return { ticks, domain: [ticks[0], ticks[ticks.length - 1]], interval: 0 };
}
