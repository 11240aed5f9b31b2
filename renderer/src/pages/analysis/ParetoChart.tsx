// Pareto chart: bars of average monthly sales by rank (A/B/C colours), the cumulative share
// line on a 0–100 % axis with the A and B reference lines. Many customers → grouped bars (main
// sends the bars, never the whole ranking). Memoised: the page re-rendering as its other panels
// arrive never re-renders the chart. The picture is plain SVG (ParetoSvg: what recharts drew,
// without recharts in the page's first frame); hovering is our own layer (ParetoHover). The x
// labels get a tick interval from their lengths (nothing measured). Its width is measured before
// the first paint: the bars are on screen in the same frame as the page around them.
import { Empty, Space, Typography } from 'antd';
import { memo, useLayoutEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../hooks/useLang';
import { axisMoney } from '../../reports/dashboard-series';
import type { ParetoSeries } from '../../reports/pareto-series';
import { paretoBarLabel, paretoPlotArea, xTickInterval } from '../../reports/pareto-chart-series';
import { ParetoHover } from './ParetoHover';
import { ParetoSvg } from './ParetoSvg';
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
  const data = useMemo(() => series.points.map((p) => ({ ...p, label: paretoBarLabel(p) })), [series]);
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
          <ParetoSvg
            points={data}
            plot={plot}
            width={width}
            height={height}
            xInterval={interval}
            valueLabel={(v) => axisMoney(v, lang)}
            shareLines={
              showShareLines
                ? [
                    { percent: aPercent, colour: '#1d5fd1' },
                    { percent: bPercent, colour: '#d48806' },
                  ]
                : []
            }
          />
        )}
        {width > 0 && <ParetoHover points={data} plot={plot} width={width} height={height} />}
      </div>
    </div>
  );
});

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
