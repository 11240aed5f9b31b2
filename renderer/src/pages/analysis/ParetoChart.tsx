// Pareto chart: bars of average monthly sales by rank (A/B/C colours), the cumulative share
// line on a 0–100 % axis with the A and B reference lines. Many customers → grouped bars (main
// sends the bars, never the whole ranking). Memoised: the page re-rendering as its other panels
// arrive never re-renders the chart. Hovering is our own layer (ParetoHover): recharts never sees
// the pointer. The axes have numeric tick intervals, so recharts measures no label text. Its
// width is measured before the first paint (not by ResponsiveContainer, which measures after it
// and draws in a later task): the bars are on screen in the same frame as the page around them.
import { Empty, Space, Typography } from 'antd';
import { memo, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, Cell, ComposedChart, CartesianGrid, Line, ReferenceLine, XAxis, YAxis } from 'recharts';
import { useLang } from '../../hooks/useLang';
import { axisMoney } from '../../reports/dashboard-series';
import type { ParetoSeries } from '../../reports/pareto-series';
import { PARETO_LAYOUT, paretoBarLabel, paretoPlotArea, xTickInterval } from '../../reports/pareto-chart-series';
import { ParetoHover } from './ParetoHover';
import { ANALYSIS_NS } from './i18n';
import { TIER_COLOURS } from './TierTag';

export const ParetoChart = memo(function ParetoChart({
  series,
  aPercent,
  bPercent,
  showShareLines = true,
  height = 320,
}: {
  /** bars computed in main (shared/pareto-series.ts): at most about 80 for any number of customers */
  series: ParetoSeries;
  aPercent: number;
  bPercent: number;
  showShareLines?: boolean;
  height?: number;
}) {
  const { t } = useTranslation(ANALYSIS_NS);
  const [lang] = useLang();
  const [box, width] = useWidth();
  // frozen: recharts keeps the data in its immer store, which deep-freezes whatever is not yet
  // frozen on every update (tens of ms for 80 bars)
  const data = useMemo(
    () => Object.freeze(series.points.map((p) => Object.freeze({ ...p, label: paretoBarLabel(p) }))),
    [series],
  );
  const plot = paretoPlotArea(width, height);
  const interval = xTickInterval(
    data.map((p) => p.label),
    plot.width,
  );
  if (data.length === 0 || series.total === 0) return <Empty description={t('pareto.empty')} style={{ height }} />;
  return (
    <div data-testid="pareto-chart" data-bars={data.length} style={{ width: '100%' }}>
      <Space size={12} wrap style={{ fontSize: 12 }}>
        {(['A', 'B', 'C'] as const).map((k) => (
          <span key={k}>
            <span
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                background: TIER_COLOURS[k],
                marginInlineEnd: 4,
              }}
            />
            {t(`tierOption.${k}`)}
          </span>
        ))}
        <span>
          <span
            style={{
              display: 'inline-block',
              width: 16,
              height: 2,
              background: '#cf1322',
              verticalAlign: 'middle',
              marginInlineEnd: 4,
            }}
          />
          {t('pareto.cumulative')}
        </span>
        {series.bucketSize > 1 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('pareto.aggregated', { size: series.bucketSize })}
          </Typography.Text>
        )}
      </Space>
      <div ref={box} style={{ width: '100%', height, position: 'relative' }}>
        {width > 0 && (
          <ComposedChart width={width} height={height} data={data} margin={PARETO_LAYOUT.margin}>
            <CartesianGrid
              strokeDasharray="3 3"
              vertical={false}
              verticalCoordinatesGenerator={noLines}
              stroke="#eef1f5"
            />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={interval} height={PARETO_LAYOUT.xAxisHeight} />
            <YAxis
              yAxisId="v"
              tick={{ fontSize: 12 }}
              interval={0}
              tickFormatter={(v: number) => axisMoney(v, lang)}
              width={PARETO_LAYOUT.leftAxisWidth}
            />
            <YAxis
              yAxisId="p"
              orientation="right"
              domain={[0, 100]}
              ticks={[0, 20, 40, 60, 80, 100]}
              interval={0}
              tickFormatter={(v: number) => `${v}%`}
              tick={{ fontSize: 12 }}
              width={PARETO_LAYOUT.rightAxisWidth}
            />
            <Bar yAxisId="v" dataKey="value" isAnimationActive={false}>
              {data.map((p) => (
                <Cell key={p.from} fill={TIER_COLOURS[p.tier] ?? '#8c8c8c'} />
              ))}
            </Bar>
            <Line
              yAxisId="p"
              type="monotone"
              dataKey="cumPercent"
              stroke="#cf1322"
              strokeWidth={2}
              dot={data.length <= 30}
              isAnimationActive={false}
            />
            {showShareLines && (
              <ReferenceLine
                yAxisId="p"
                y={aPercent}
                stroke="#1d5fd1"
                strokeDasharray="4 4"
                label={{ value: `${aPercent}%`, position: 'insideBottomRight', fontSize: 11, fill: '#1d5fd1' }}
              />
            )}
            {showShareLines && (
              <ReferenceLine
                yAxisId="p"
                y={bPercent}
                stroke="#d48806"
                strokeDasharray="4 4"
                label={{ value: `${bPercent}%`, position: 'insideBottomRight', fontSize: 11, fill: '#d48806' }}
              />
            )}
          </ComposedChart>
        )}
        {width > 0 && <ParetoHover points={data} plot={plot} width={width} height={height} />}
      </div>
    </div>
  );
});

/** No vertical grid lines: without this recharts still lays out (and measures) the x ticks for them. */
const noLines = () => [];

/** The element's width, measured before the first paint and again whenever it changes. */
function useWidth() {
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    if (!el) return;
    setWidth(el.clientWidth);
    const watch = new ResizeObserver(() => setWidth(el.clientWidth));
    watch.observe(el);
    return () => watch.disconnect();
  }, [el]);
  return [setEl, width] as const;
}
