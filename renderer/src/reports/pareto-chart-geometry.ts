// The Pareto chart drawn as plain SVG (issue #11: the analysis page's first paint ≤ 1 s). recharts
// cost the page ~330 ms of main-thread script before the bars were on screen (its 370 kB chunk,
// its store and some hundred components); this computes the same picture — the same nice ticks,
// band geometry, bar sizes and monotone curve as recharts 3 (tests compare with recharts and d3) —
// so the chart is one small component. No DOM, no React: plain numbers in, shapes out.
import type { ParetoPoint } from '@shared/pareto-series';
import type { PlotArea } from './pareto-chart-series';

/**
 * recharts' getNiceTickValues([min, max], count) for an axis whose domain holds 0 (the Pareto's
 * money axis: domain [0, 'auto']): `count` ticks a "nice" step apart, 0 among them.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (lo === hi) return Array.from({ length: count }, (_, i) => i - Math.floor((count - 1) / 2));
  for (let correction = 0; ; correction++) {
    const step = adaptiveStep((hi - lo) / (count - 1), correction);
    let below = Math.ceil(round12(-lo / step));
    let up = Math.ceil(round12(hi / step));
    const used = below + up + 1;
    if (used > count) continue;
    if (hi > 0) up += count - used;
    else below += count - used;
    return Array.from({ length: below + up + 1 }, (_, i) => round12((i - below) * step));
  }
}

/** recharts' getAdaptiveStep (allowDecimals): the rough step rounded up to 0.05 (0.1) of its decade. */
function adaptiveStep(rough: number, correction: number): number {
  const digits = Math.floor(Math.log10(rough)) + 1;
  const scale = digits !== 1 ? 0.05 : 0.1;
  const decade = 10 ** digits;
  const ratio = round12(rough / decade / scale);
  return round12((Math.ceil(ratio) + correction) * scale * decade);
}

/** Float noise off (recharts computes these with decimal.js). */
const round12 = (v: number) => Number(v.toPrecision(12));

/**
 * d3's curveMonotoneX through the points as an SVG path, coordinates rounded to 3 decimals (what
 * recharts' Line type="monotone" draws).
 */
export function monotoneXPath(points: readonly { x: number; y: number }[]): string {
  let d = '';
  let [x0, y0, x1, y1, t0] = [NaN, NaN, NaN, NaN, NaN];
  let seen = 0;
  const slope2 = (t: number) => {
    const h = x1 - x0;
    return h ? ((3 * (y1 - y0)) / h - t) / 2 : t;
  };
  const slope3 = (x2: number, y2: number) => {
    const h0 = x1 - x0;
    const h1 = x2 - x1;
    const s0 = (y1 - y0) / (h0 || (h1 < 0 ? -0 : 0));
    const s1 = (y2 - y1) / (h1 || (h0 < 0 ? -0 : 0));
    const p = (s0 * h1 + s1 * h0) / (h0 + h1);
    return (Math.sign(s0 || 1) + Math.sign(s1 || 1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
  };
  const curve = (ta: number, tb: number) => {
    const dx = (x1 - x0) / 3;
    d += `C${r3(x0 + dx)},${r3(y0 + dx * ta)},${r3(x1 - dx)},${r3(y1 - dx * tb)},${r3(x1)},${r3(y1)}`;
  };
  for (const { x, y } of points) {
    if (x === x1 && y === y1) continue; // coincident points
    let t1 = NaN;
    if (seen === 0) d += `M${r3(x)},${r3(y)}`;
    else if (seen === 2) curve(slope2((t1 = slope3(x, y))), t1);
    else if (seen > 2) curve(t0, (t1 = slope3(x, y)));
    seen++;
    [x0, x1, y0, y1, t0] = [x1, x, y1, y, t1];
  }
  if (seen === 1)
    d += 'Z'; // d3 closes a path of one point
  else if (seen === 2) d += `L${r3(x1)},${r3(y1)}`;
  else if (seen > 2) curve(t0, slope2(t0));
  return d;
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

export interface ParetoShapes {
  /** bars with a height (recharts draws none for a zero value), in rank order */
  bars: { index: number; x: number; y: number; width: number; height: number; tier: string }[];
  /** the cumulative share's points (band centres) and curve */
  cumulative: { points: { x: number; y: number }[]; path: string };
  /** money axis ticks (left) and share axis ticks (right, 0–100 %) with their y */
  valueTicks: { value: number; y: number }[];
  shareTicks: { value: number; y: number }[];
  /** the x axis labels shown (every interval + 1-th band) at their band centres */
  xTicks: { x: number; label: string }[];
  /** y of a share (0–100) */
  shareY: (percent: number) => number;
}

/** Everything the chart draws, for points in rank order inside `plot`. */
export function paretoShapes(
  points: readonly (ParetoPoint & { label: string })[],
  plot: PlotArea,
  xInterval: number,
): ParetoShapes {
  const band = plot.width / Math.max(1, points.length);
  const bottom = plot.top + plot.height;
  const values = points.map((p) => p.value);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values));
  const [lo, hi] = [ticks[0], ticks[ticks.length - 1]];
  // d3's linear scale (a·(1 − t) + b·t), as recharts computes its positions
  const scale = (t: number) => bottom * (1 - t) + plot.top * t;
  const valueY = (v: number) => scale((v - lo) / (hi - lo));
  const shareY = (p: number) => scale(p / 100);
  // recharts: a 10 % gap each side of the bar within its band, the width rounded to whole pixels
  const gap = band * 0.1;
  const raw = band - 2 * gap;
  const barWidth = raw > 1 ? Math.round(raw) : raw;
  const base = valueY(Math.max(lo, Math.min(0, hi)));
  const bars: ParetoShapes['bars'] = [];
  points.forEach((p, index) => {
    const y = valueY(p.value);
    if (y === base) return;
    bars.push({
      index,
      x: plot.left + index * band + gap,
      y: Math.min(y, base),
      width: barWidth,
      height: Math.abs(base - y),
      tier: p.tier,
    });
  });
  const centre = (i: number) => plot.left + i * band + band / 2;
  const linePoints = points.map((p, i) => ({ x: centre(i), y: shareY(p.cumPercent) }));
  return {
    bars,
    cumulative: { points: linePoints, path: monotoneXPath(linePoints) },
    valueTicks: ticks.map((value) => ({ value, y: valueY(value) })),
    shareTicks: [0, 20, 40, 60, 80, 100].map((value) => ({ value, y: shareY(value) })),
    xTicks: points.flatMap((p, i) => (i % (xInterval + 1) === 0 ? [{ x: centre(i), label: p.label }] : [])),
    shareY,
  };
}
