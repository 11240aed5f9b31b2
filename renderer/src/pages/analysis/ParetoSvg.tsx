// The Pareto chart's picture as plain SVG: what recharts drew for it (same geometry, colours and
// stacking order: grid, bars, cumulative line, reference lines, axes, dots, labels), without its
// 370 kB chunk and store in the page's first frame (reports/pareto-chart-geometry.ts).
import type { ParetoPoint } from '../../reports/pareto-series';
import type { PlotArea } from '../../reports/pareto-chart-series';
import { paretoShapes } from '../../reports/pareto-chart-geometry';
import { TIER_COLOURS } from './TierTag';

const AXIS = '#666';
const LINE = '#cf1322';
const TICK = 6;

export function ParetoSvg({
  points,
  plot,
  width,
  height,
  xInterval,
  valueLabel,
  shareLines,
}: {
  points: readonly (ParetoPoint & { label: string })[];
  plot: PlotArea;
  width: number;
  height: number;
  xInterval: number;
  valueLabel: (fen: number) => string;
  /** the A and B reference lines (percent and colour), none for the threshold method */
  shareLines: { percent: number; colour: string }[];
}) {
  const s = paretoShapes(points, plot, xInterval);
  const [left, right, top, bottom] = [plot.left, plot.left + plot.width, plot.top, plot.top + plot.height];
  const refs = shareLines.map((l) => ({ ...l, y: s.shareY(l.percent) }));
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} style={{ display: 'block' }}>
      <g stroke="#eef1f5" strokeDasharray="3 3" fill="none">
        <line x1={left} y1={top} x2={right} y2={top} />
        <line x1={left} y1={bottom} x2={right} y2={bottom} />
      </g>
      <g data-testid="pareto-bars">
        {s.bars.map((b) => (
          <rect
            key={b.index}
            className="pareto-bar"
            x={b.x}
            y={b.y}
            width={b.width}
            height={b.height}
            fill={TIER_COLOURS[b.tier] ?? '#8c8c8c'}
          />
        ))}
      </g>
      <path d={s.cumulative.path} stroke={LINE} strokeWidth={2} fill="none" />
      {refs.map((r) => (
        <line key={r.percent} x1={right} y1={r.y} x2={left} y2={r.y} stroke={r.colour} strokeDasharray="4 4" />
      ))}
      <g stroke={AXIS} fill="none">
        <line x1={left} y1={bottom} x2={right} y2={bottom} />
        {s.xTicks.map((t) => (
          <line key={t.x} x1={t.x} y1={bottom + TICK} x2={t.x} y2={bottom} />
        ))}
        <line x1={left} y1={top} x2={left} y2={bottom} />
        {s.valueTicks.map((t) => (
          <line key={t.value} x1={left - TICK} y1={t.y} x2={left} y2={t.y} />
        ))}
        <line x1={right} y1={top} x2={right} y2={bottom} />
        {s.shareTicks.map((t) => (
          <line key={t.value} x1={right + TICK} y1={t.y} x2={right} y2={t.y} />
        ))}
      </g>
      {points.length <= 30 && (
        <g stroke={LINE} strokeWidth={2} fill="#fff">
          {s.cumulative.points.map((p, i) => (
            <circle key={i} cx={p.x} cy={p.y} r={3} />
          ))}
        </g>
      )}
      <g fill={AXIS} fontSize={11} textAnchor="middle">
        {s.xTicks.map((t) => (
          <text key={t.x} x={t.x} y={bottom + TICK + 2} dy="0.71em">
            {t.label}
          </text>
        ))}
      </g>
      <g fill={AXIS} fontSize={12} textAnchor="end">
        {s.valueTicks.map((t) => (
          <text key={t.value} x={left - TICK - 2} y={t.y} dy="0.355em">
            {valueLabel(t.value)}
          </text>
        ))}
      </g>
      <g fill={AXIS} fontSize={12} textAnchor="start">
        {s.shareTicks.map((t) => (
          <text key={t.value} x={right + TICK + 2} y={t.y} dy="0.355em">
            {t.value}%
          </text>
        ))}
      </g>
      {refs.map((r) => (
        <text key={r.percent} x={right - 5} y={r.y - 5} fontSize={11} textAnchor="end" fill={r.colour}>
          {r.percent}%
        </text>
      ))}
    </svg>
  );
}
