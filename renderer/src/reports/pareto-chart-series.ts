// The Pareto chart's geometry, computed without touching the DOM (issue #11: no task over 100 ms
// on hover at 100k customers). recharts measures every tick label with a hidden element unless an
// axis has a numeric interval, and re-renders the whole chart store on every pointer move for its
// tooltip; the chart instead gets a tick interval from the label lengths and finds the hovered
// bar from the pointer's x alone (a category axis cuts the plot into equal bands).
import type { ParetoPoint } from '@shared/pareto-series';

/** The chart's margin and axis sizes (as recharts laid them out; ParetoSvg draws inside them). */
export const PARETO_LAYOUT = {
  margin: { top: 12, right: 8, bottom: 0, left: 8 },
  leftAxisWidth: 64,
  rightAxisWidth: 44,
  xAxisHeight: 30,
} as const;

export interface PlotArea {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where recharts draws the bars inside a chart of this size (pixels from the chart's top left). */
export function paretoPlotArea(width: number, height: number, layout = PARETO_LAYOUT): PlotArea {
  const left = layout.margin.left + layout.leftAxisWidth;
  const top = layout.margin.top;
  return {
    left,
    top,
    width: Math.max(0, width - left - layout.margin.right - layout.rightAxisWidth),
    height: Math.max(0, height - top - layout.margin.bottom - layout.xAxisHeight),
  };
}

/** The bar under the pointer (x from the chart's left edge), or null outside the plot. */
export function barIndexAt(x: number, plot: PlotArea, bars: number): number | null {
  if (bars <= 0 || plot.width <= 0 || x < plot.left || x >= plot.left + plot.width) return null;
  return Math.min(bars - 1, Math.floor(((x - plot.left) * bars) / plot.width));
}

/** The bar's band (for the hover highlight): left edge and width in pixels. */
export function barBand(index: number, plot: PlotArea, bars: number): { left: number; width: number } {
  const width = plot.width / bars;
  return { left: plot.left + index * width, width };
}

/** The x axis label of a bar: the customer code, `#rank` or `from–to`. */
export function paretoBarLabel(p: Pick<ParetoPoint, 'from' | 'to' | 'code'>): string {
  return p.code ?? (p.from === p.to ? `#${p.from}` : `${p.from}–${p.to}`);
}

/**
 * recharts' numeric tick interval (show every (n + 1)-th label) so that the longest label fits
 * its slot with a gap: labels are digits, Latin letters and a dash, at most `charPx` wide each.
 */
export function xTickInterval(labels: readonly string[], plotWidth: number, charPx = 7, gapPx = 10): number {
  if (labels.length <= 1 || plotWidth <= 0) return 0;
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  const fit = Math.max(1, Math.floor(plotWidth / (longest * charPx + gapPx)));
  return Math.max(0, Math.ceil(labels.length / fit) - 1);
}

/** The tooltip's top-left corner: beside the pointer, flipped to its left near the right edge. */
export function tooltipCorner(
  x: number,
  y: number,
  box: { width: number; height: number },
  tip: { width: number; height: number },
  offset = 12,
): { left: number; top: number } {
  const left = x + offset + tip.width <= box.width ? x + offset : Math.max(0, x - offset - tip.width);
  const top = Math.max(0, Math.min(y + offset, box.height - tip.height));
  return { left, top };
}
