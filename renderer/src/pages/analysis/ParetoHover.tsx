// The Pareto chart's hover layer: a transparent sheet over the chart that finds the bar under the
// pointer from x alone (pareto-chart-series.ts) and shows its tooltip and band highlight. Only this
// small component re-renders, and only when the bar changes; recharts never sees the pointer, so
// its chart store and 80 bars stay untouched (its own Tooltip re-rendered the chart on every move
// and measured the DOM, over 100 ms per move on a loaded machine).
import { useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { money } from '../../format/money';
import type { ParetoPoint } from '../../reports/pareto-series';
import { barBand, barIndexAt, tooltipCorner, type PlotArea } from '../../reports/pareto-chart-series';
import { ANALYSIS_NS } from './i18n';

/** Room kept for the tooltip when placing it (no measuring): wide enough for the longest line. */
const TIP = { width: 240, height: 76 };

export function ParetoHover({
  points,
  plot,
  width,
  height,
}: {
  points: readonly ParetoPoint[];
  plot: PlotArea;
  width: number;
  height: number;
}) {
  const { t } = useTranslation(ANALYSIS_NS);
  const [at, setAt] = useState<{ index: number; x: number; y: number } | null>(null);
  const move = (e: PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - r.left;
    const index = barIndexAt(x, plot, points.length);
    // a new state only when the bar changes: moving within a bar renders nothing
    setAt((old) => (index === null ? null : old?.index === index ? old : { index, x, y: e.clientY - r.top }));
  };
  const p = at ? points[at.index] : undefined;
  const band = at && barBand(at.index, plot, points.length);
  const corner = at && tooltipCorner(at.x, at.y, { width, height }, TIP);
  return (
    <div
      data-testid="pareto-hover"
      onPointerMove={move}
      onPointerLeave={() => setAt(null)}
      style={{ position: 'absolute', inset: 0 }}
    >
      {p && band && corner && (
        <>
          <div
            style={{
              position: 'absolute',
              pointerEvents: 'none',
              left: band.left,
              width: band.width,
              top: plot.top,
              height: plot.height,
              background: 'rgba(0, 0, 0, 0.06)',
            }}
          />
          <div
            data-testid="pareto-tooltip"
            style={{
              position: 'absolute',
              pointerEvents: 'none',
              left: corner.left,
              top: corner.top,
              maxWidth: TIP.width,
              padding: '6px 10px',
              background: '#fff',
              border: '1px solid #d9d9d9',
              borderRadius: 4,
              boxShadow: '0 2px 8px rgba(0, 0, 0, 0.12)',
              fontSize: 12,
              lineHeight: '20px',
              whiteSpace: 'nowrap',
            }}
          >
            <div>
              {p.code ? `${p.code} · ` : ''}
              {p.from === p.to ? `${t('pareto.rank')} ${p.from}` : t('pareto.bucket', { from: p.from, to: p.to })}
              {` · ${p.tier}`}
            </div>
            <div>
              {t('pareto.bars')}: <b>{money(p.value)}</b>
            </div>
            <div style={{ color: '#cf1322' }}>
              {t('pareto.cumulative')}: <b>{p.cumPercent.toFixed(2)}%</b>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
