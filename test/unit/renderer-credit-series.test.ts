import { describe, expect, it } from 'vitest';
import { backtestRows, bpText, gradeSeries, utilisationSeries } from '../../renderer/src/reports/credit-series';

describe('credit overview series', () => {
  it('grade bars stop at the lowest grade that has customers', () => {
    const g = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D'].map((grade, i) => ({
      grade,
      customers: [3, 0, 5, 2, 0, 1, 0, 0, 0, 0][i],
    }));
    expect(gradeSeries(g).map((x) => x.grade)).toEqual(['AAA', 'AA', 'A', 'BBB', 'BB', 'B']);
    expect(gradeSeries(g.map((x) => ({ ...x, customers: 0 })))).toEqual([]);
  });
  it('utilisation bands get labels and tones', () => {
    const u = utilisationSeries(
      [
        { band: '0-50', customers: 4 },
        { band: '90-100', customers: 1 },
        { band: 'over', customers: 2 },
      ],
      (b) => `L${b}`,
    );
    expect(u).toEqual([
      { band: '0-50', label: 'L0-50', customers: 4, tone: 'green' },
      { band: '90-100', label: 'L90-100', customers: 1, tone: 'amber' },
      { band: 'over', label: 'Lover', customers: 2, tone: 'red' },
    ]);
  });
  it('percent texts from basis points, half up to one decimal', () => {
    expect([10_333, 500, 0, -1333, 9995, null].map(bpText)).toEqual([
      '103.3%',
      '5.0%',
      '0.0%',
      '-13.3%',
      '100.0%',
      '—',
    ]);
    expect(
      backtestRows([
        { grade: 'AAA', customers: 8, bad: 1, badBp: 1250 },
        { grade: 'AA', customers: 0, bad: 0, badBp: null },
      ]),
    ).toEqual([{ grade: 'AAA', customers: 8, bad: 1, share: '12.5%' }]);
  });
});
