// The Pareto chart's geometry without the DOM (issue #11: hover stays cheap at 100k customers):
// the bar under the pointer, its band, the x-axis tick interval and the tooltip's corner; and the
// analysis page's early requests (its data asked for beside its chunk, each answer used once).
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  barBand,
  barIndexAt,
  paretoBarLabel,
  paretoPlotArea,
  tooltipCorner,
  xTickInterval,
} from '../../renderer/src/reports/pareto-chart-series';

describe('Pareto chart geometry', () => {
  it('the plot area is the chart less the margins and the three axes', () => {
    // margin 8 left/right, 12 top; value axis 64, percent axis 44, x axis 30
    expect(paretoPlotArea(1000, 320)).toEqual({ left: 72, top: 12, width: 876, height: 278 });
    expect(paretoPlotArea(100, 20)).toEqual({ left: 72, top: 12, width: 0, height: 0 });
  });

  it('finds the bar under the pointer from x alone: equal bands, nothing outside the plot', () => {
    const plot = paretoPlotArea(1000, 320); // 876 px wide, 80 bars of 10.95 px
    expect(barIndexAt(72, plot, 80)).toBe(0);
    expect(barIndexAt(82.9, plot, 80)).toBe(0);
    expect(barIndexAt(83, plot, 80)).toBe(1);
    expect(barIndexAt(72 + 876 - 0.01, plot, 80)).toBe(79);
    expect(barIndexAt(71.9, plot, 80)).toBeNull();
    expect(barIndexAt(72 + 876, plot, 80)).toBeNull();
    expect(barIndexAt(500, plot, 0)).toBeNull();
    expect(barBand(1, plot, 80)).toEqual({ left: 72 + 10.95, width: 10.95 });
  });

  it('every x inside a bar band finds that bar (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 3000 }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.nat(),
        (width, bars, within, pick) => {
          const plot = paretoPlotArea(width, 320);
          const i = pick % bars;
          const band = barBand(i, plot, bars);
          const x = band.left + within * band.width;
          // float edges: a point at most a hair from the band's edge may fall in the neighbour, or,
          // past the last bar, on the plot's right edge, which is outside the plot
          const got = barIndexAt(x, plot, bars);
          const hairFromEdge = within < 1e-9 || within > 1 - 1e-9;
          const neighbour = got !== null && Math.abs(got - i) === 1 && hairFromEdge;
          const rightEdge = got === null && i === bars - 1 && within > 1 - 1e-9 && x >= plot.left + plot.width;
          expect(got === i || neighbour || rightEdge).toBe(true);
        },
      ),
      // the case CI once drew: the last bar's far edge rounds to the plot's right edge
      { examples: [[200, 4, 0.9999999999999992, 2147483627]] },
    );
  });

  it('labels: the code for one known customer, #rank, or the rank range', () => {
    expect(paretoBarLabel({ from: 1, to: 1, code: 'C047884' })).toBe('C047884');
    expect(paretoBarLabel({ from: 7, to: 7, code: null })).toBe('#7');
    expect(paretoBarLabel({ from: 1251, to: 2500, code: null })).toBe('1251–2500');
  });

  it('the tick interval leaves each shown label room for its longest text', () => {
    // 80 labels of up to 12 characters (12 × 7 + 10 = 94 px) on 876 px: 9 fit, every 9th shown
    const labels = Array.from({ length: 80 }, (_, i) => `${i * 1250 + 1}–${(i + 1) * 1250}`);
    expect(labels[79]).toBe('98751–100000');
    expect(xTickInterval(labels, 876)).toBe(8);
    // few short labels all fit
    expect(xTickInterval(['C1', 'C2', 'C3'], 876)).toBe(0);
    expect(xTickInterval(['C1'], 876)).toBe(0);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 50, max: 3000 }),
        (n, len, w) => {
          const interval = xTickInterval(Array(n).fill('9'.repeat(len)), w);
          const shown = Math.ceil(n / (interval + 1));
          // the shown labels fit (or there is only one), and one fewer skip would not
          expect(shown === 1 || shown * (len * 7 + 10) <= w).toBe(true);
          if (interval > 0) expect(Math.ceil(n / interval) * (len * 7 + 10)).toBeGreaterThan(w);
        },
      ),
    );
  });

  it('the tooltip sits beside the pointer and flips left near the right edge, inside the chart', () => {
    const box = { width: 1000, height: 320 };
    const tip = { width: 240, height: 76 };
    expect(tooltipCorner(100, 50, box, tip)).toEqual({ left: 112, top: 62 });
    expect(tooltipCorner(900, 50, box, tip)).toEqual({ left: 648, top: 62 });
    expect(tooltipCorner(900, 300, box, tip)).toEqual({ left: 648, top: 244 });
    expect(tooltipCorner(100, 300, { width: 200, height: 320 }, tip)).toEqual({ left: 0, top: 244 });
  });
});

describe('analysis page early requests', () => {
  afterEach(() => {
    vi.resetModules();
    vi.doUnmock('../../renderer/src/api/client');
  });

  async function withCalls() {
    const calls: string[] = [];
    let n = 0;
    vi.doMock('../../renderer/src/api/client', () => ({
      call: (channel: string) => {
        calls.push(channel);
        const k = ++n;
        return channel === 'analysis:tier-settings' && k === 2
          ? Promise.reject(new Error('no'))
          : Promise.resolve(`${channel} #${k}`);
      },
    }));
    const early = await import('../../renderer/src/pages/analysis/early-requests');
    const { call } = await import('../../renderer/src/api/client');
    return { calls, early, call: call as unknown as (c: string) => Promise<string> };
  }

  it('asks for the ranking and settings at once; the page takes each answer once, then asks afresh', async () => {
    const { calls, early, call } = await withCalls();
    early.startAnalysisRequests(1000);
    expect(calls).toEqual(['analysis:ranking', 'analysis:tier-settings']);
    const ask = () => call('analysis:ranking') as never;
    expect(await early.analysisRequest('ranking', ask, 1500)).toBe('analysis:ranking #1');
    expect(await early.analysisRequest('ranking', ask, 1600)).toBe('analysis:ranking #3');
    // the early settings answer failed: the page asks again instead of showing the early failure
    expect(await early.analysisRequest('settings', () => call('analysis:tier-settings') as never, 1700)).toBe(
      'analysis:tier-settings #4',
    );
  });

  it('an answer not taken within 10 s is not used', async () => {
    const { calls, early, call } = await withCalls();
    early.startAnalysisRequests(0);
    expect(await early.analysisRequest('ranking', () => call('analysis:ranking') as never, 10_001)).toBe(
      'analysis:ranking #3',
    );
    expect(calls).toHaveLength(3);
  });
});

describe('boot prefetch on the analysis page', () => {
  it('opening the app on 客户分析 asks for the ranking and tier settings with app info', () => {
    const script = fs.readFileSync(path.resolve(__dirname, '../../renderer/public/boot-prefetch.js'), 'utf8');
    const sent: string[] = [];
    const win: Record<string, unknown> = {};
    vm.runInNewContext(script, {
      window: win,
      location: new URL('http://127.0.0.1:5000/?token=t#/analysis'),
      URL,
      JSON,
      encodeURIComponent,
      sessionStorage: { getItem: () => null },
      fetch: async (u: string) => {
        sent.push(u);
        return { ok: true, json: async () => ({ ok: true, data: u }) };
      },
    });
    expect(sent).toEqual([
      '/ipc/app%3Ainfo',
      '/ipc/regions%3Alist',
      '/ipc/analysis%3Aranking',
      '/ipc/analysis%3Atier-settings',
    ]);
    expect(Object.keys(win.__creditdeskPrefetch as object)).toContain('analysis:ranking {}');
  });
});
