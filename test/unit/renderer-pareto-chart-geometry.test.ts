// The Pareto chart drawn as plain SVG must be the picture recharts drew (issue #11: recharts left
// the page's first frame). The money axis ticks are recharts' own, the cumulative curve is d3's
// monotone curve (what recharts' Line type="monotone" draws), and the bars sit where recharts put
// them (figures read off recharts' SVG of the bench book at 1440 px).
import fc from 'fast-check';
import { getNiceTickValues } from 'recharts';
import { curveMonotoneX, line } from 'victory-vendor/d3-shape';
import { describe, expect, it } from 'vitest';
import { monotoneXPath, niceTicks, paretoShapes } from '../../renderer/src/reports/pareto-chart-geometry';
import { paretoPlotArea } from '../../renderer/src/reports/pareto-chart-series';

describe('Pareto chart as plain SVG', () => {
  it("money axis ticks are recharts' nice ticks for a domain [0, max] (5 ticks)", () => {
    for (const max of [1, 3, 7, 10, 99, 100, 101, 2500, 9_950_000_000, 10_000_000_000, 4e12, 123_456_789])
      expect(niceTicks(0, max)).toEqual(getNiceTickValues([0, max], 5, true));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 50 }), (max) => {
        expect(niceTicks(0, max)).toEqual(getNiceTickValues([0, max], 5, true));
      }),
      { numRuns: 2000 },
    );
  });

  it('a domain below zero (credit notes above sales) keeps 0 among the ticks as recharts does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: -1 }), fc.integer({ min: 0, max: 2 ** 40 }), (min, max) => {
        expect(niceTicks(min, max)).toEqual(getNiceTickValues([min, max], 5, true));
      }),
      { numRuns: 500 },
    );
  });

  it("the cumulative line is d3's monotone curve, 3 decimals", () => {
    const d3 = line<{ x: number; y: number }>()
      .x((p) => p.x)
      .y((p) => p.y)
      .curve(curveMonotoneX);
    const points = fc
      .array(
        fc.record({ dx: fc.double({ min: 0, max: 40, noNaN: true }), y: fc.double({ min: 0, max: 300, noNaN: true }) }),
        {
          minLength: 0,
          maxLength: 90,
        },
      )
      .map((steps) => {
        let x = 72;
        return steps.map((s) => ({ x: (x += s.dx), y: s.y }));
      });
    fc.assert(
      fc.property(points, (ps) => {
        expect(monotoneXPath(ps)).toBe(d3(ps) ?? '');
      }),
      { numRuns: 1000 },
    );
  });

  it('puts the bars, line and ticks where recharts did (82 bars across 1166 × 320 px)', () => {
    const plot = paretoPlotArea(1166, 320);
    const points = Array.from({ length: 82 }, (_, i) => ({
      from: i * 1126 + 1,
      to: (i + 1) * 1126,
      code: null,
      tier: i < 12 ? 'A' : 'C',
      value: i === 0 ? 9_955_000_000 : i < 60 ? 1_000_000_000 : 0,
      cumulative: 0,
      cumPercent: i === 0 ? 21.5 : 100,
      label: `${i * 1126 + 1}–${(i + 1) * 1126}`,
    }));
    const s = paretoShapes(points, plot, 7);
    // recharts: first bar x 73.2707, 10 px wide (band 12.707 less 10 % each side, rounded to whole pixels)
    expect(s.bars[0].x).toBeCloseTo(73.2707, 4);
    expect(s.bars[0].width).toBe(10);
    expect(s.bars[1].x).toBeCloseTo(85.978, 3);
    expect(s.bars[0].y).toBeCloseTo(13.251, 3);
    expect(s.bars[0].y + s.bars[0].height).toBe(290);
    expect(s.bars).toHaveLength(60); // no rectangle for a zero value
    expect(s.valueTicks.map((t) => t.y)).toEqual([290, 220.5, 151, 81.5, 12]);
    expect(s.valueTicks.map((t) => t.value)).toEqual([0, 2.5e9, 5e9, 7.5e9, 1e10]);
    expect(s.shareTicks.map((t) => t.y)).toEqual([290, 234.4, 178.8, 123.2, 67.6, 12]);
    expect(s.xTicks.map((t) => t.x)[1]).toBeCloseTo(180.0122, 4);
    expect(s.xTicks).toHaveLength(11);
    // at 1280 px recharts rounds 8.6 px up: 9 px wide, 1.0756 px in
    const narrow = paretoShapes(points, paretoPlotArea(1006, 320), 7);
    expect(narrow.bars[0].width).toBe(9);
    expect(narrow.bars[0].x).toBeCloseTo(73.0756, 4);
    expect(s.cumulative.path.startsWith('M78.354,230.23C')).toBe(true);
    expect(s.shareY(95)).toBeCloseTo(25.9, 9);
  });
});
