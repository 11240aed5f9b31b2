// Pure chart/data shaping of the receivables screens (renderer/src/reports/*-series.ts).
import { describe, expect, it } from 'vitest';
import type { AgeingReportOut, DashboardOut } from '../../shared/types-receivables';
import {
  ageingBucketSeries,
  ageingDistribution,
  boundsOfBuckets,
  bucketLabelSpec,
  bucketsFromBounds,
  bucketsFromEdges,
  mergeAgeingRows,
  parseBounds,
  percentText,
  sortAgeingRows,
} from '../../renderer/src/reports/ageing-series';
import {
  axisMoney,
  kpiValues,
  periodRange,
  topOverdueSeries,
  trendSeries,
} from '../../renderer/src/reports/dashboard-series';

const BUCKETS = [
  { key: 'not_due', from: null, to: 0 },
  { key: '1-30', from: 1, to: 30 },
  { key: 'over_30', from: 31, to: null },
];

function row(id: number, code: string, b: Record<string, number>, unapplied = 0, limit = 0) {
  const total = Object.values(b).reduce((s, v) => s + v, 0) + unapplied;
  return {
    customerId: id,
    customerCode: code,
    customerName: `名称${id}`,
    buckets: b,
    unapplied,
    total,
    creditLimit: limit,
    limitUsedBp: limit ? Math.round((total * 10000) / limit) : null,
  };
}

const report: Pick<AgeingReportOut, 'buckets' | 'rows' | 'totals'> = {
  buckets: BUCKETS,
  rows: [
    row(1, 'C1', { not_due: 100_00, '1-30': 230_000, over_30: 0 }),
    row(2, 'C2', { not_due: 50_00, '1-30': 0, over_30: 80_000 }, -10_00),
    row(3, 'C3', { not_due: 1_00, '1-30': 2_00, over_30: 3_00 }),
  ],
  totals: { buckets: { not_due: 151_00, '1-30': 230_200, over_30: 80_300 }, unapplied: -10_00, total: 0 },
};

describe('ageing series', () => {
  it('stacks each bucket into the top N customers and the rest, to the fen', () => {
    expect(ageingBucketSeries(report, 2)).toEqual([
      { key: 'not_due', top: 150_00, others: 1_00, total: 151_00 },
      { key: '1-30', top: 230_000, others: 200, total: 230_200 },
      { key: 'over_30', top: 80_000, others: 300, total: 80_300 },
    ]);
  });

  it('distribution shares are basis points of the aged total', () => {
    const d = ageingDistribution(report);
    // aged total = 15100 + 230200 + 80300 = 325600
    expect(d.map((x) => [x.key, x.amount, x.shareBp])).toEqual([
      ['not_due', 15_100, 464],
      ['1-30', 230_200, 7070],
      ['over_30', 80_300, 2466],
    ]);
    expect(
      ageingDistribution({ buckets: BUCKETS, totals: { buckets: {}, unapplied: 0, total: 0 } }).every(
        (x) => x.shareBp === null && x.amount === 0,
      ),
    ).toBe(true);
  });

  it('builds bucket sets from upper bounds, matching the default keys', () => {
    expect(bucketsFromBounds([0, 30, 60, 90, 180, 365]).map((b) => b.key)).toEqual([
      'not_due',
      '1-30',
      '31-60',
      '61-90',
      '91-180',
      '181-365',
      'over_365',
    ]);
    expect(bucketsFromBounds([0, 30])).toEqual([
      { key: 'not_due', from: null, to: 0 },
      { key: '1-30', from: 1, to: 30 },
      { key: 'over_30', from: 31, to: null },
    ]);
    expect(bucketsFromBounds([365, 730])[0]).toEqual({ key: 'le_365', from: null, to: 365 });
    expect(boundsOfBuckets(bucketsFromBounds([0, 45, 100]))).toEqual([0, 45, 100]);
    expect(parseBounds('0, 30，60 90')).toEqual([0, 30, 60, 90]);
    expect(parseBounds('0, 30, 20')).toBeNull();
    expect(parseBounds('a')).toBeNull();
    expect(parseBounds('')).toBeNull();
  });

  it('builds the provision matrix from row edges, keeping saved keys where the range is unchanged', () => {
    const saved = [
      { key: 'y0-1', from: null, to: 365 },
      { key: 'y1-2', from: 366, to: 730 },
      { key: 'over_730', from: 731, to: null },
    ];
    expect(bucketsFromEdges([365, 730, null], saved)).toEqual(saved);
    // the last row's edge is ignored (it has none); a moved edge re-keys the two buckets it bounds
    expect(bucketsFromEdges([180, 730, 9999], saved)).toEqual([
      { key: 'le_180', from: null, to: 180 },
      { key: '181-730', from: 181, to: 730 },
      { key: 'over_730', from: 731, to: null },
    ]);
    // bad edges go to main as typed (it names the bucket); keys stay unique
    expect(bucketsFromEdges([5, 3, 5, 3, null], []).map((b) => b.key)).toEqual([
      'le_5',
      '6-3',
      '4-5',
      '6-3_4',
      'over_3',
    ]);
    expect(bucketsFromEdges([null], [])).toEqual([{ key: 'all', from: null, to: null }]);
  });

  it('labels known keys by key and others by day range', () => {
    expect(bucketLabelSpec({ key: '1-30', from: 1, to: 30 })).toEqual({ kind: 'known', key: '1-30' });
    expect(bucketLabelSpec({ key: 'le_10', from: null, to: 10 })).toEqual({ kind: 'upTo', to: 10 });
    expect(bucketLabelSpec({ key: 'over_45', from: 46, to: null })).toEqual({ kind: 'over', from: 45 });
    expect(bucketLabelSpec({ key: '31-45', from: 31, to: 45 })).toEqual({ kind: 'range', from: 31, to: 45 });
  });

  it('merges due and issue rows per customer and sorts with code ties', () => {
    const issue = [row(2, 'C2', { 'y0-1': 130_00 }, -10_00), row(4, 'C4', { 'y0-1': 5_00 })];
    const m = mergeAgeingRows(report.rows, issue);
    expect(m.map((r) => r.customerCode)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(m[1].issue).toEqual({ 'y0-1': 130_00 });
    expect(m[1].due).toEqual({ not_due: 50_00, '1-30': 0, over_30: 80_000 });
    expect(m[3].due).toEqual({});
    expect(sortAgeingRows(m, 'total', 'desc').map((r) => r.customerCode)).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(sortAgeingRows(m, 'due:over_30', 'desc').map((r) => r.customerCode)).toEqual(['C2', 'C3', 'C1', 'C4']);
    expect(sortAgeingRows(m, 'code', 'desc').map((r) => r.customerCode)).toEqual(['C4', 'C3', 'C2', 'C1']);
  });

  it('formats basis points as percent', () => {
    expect(percentText(1234)).toBe('12.3%');
    expect(percentText(600, 2)).toBe('6.00%');
    expect(percentText(null)).toBe('—');
  });
});

const dash: DashboardOut = {
  asOf: '2026-06-30',
  totalReceivable: 1_000_000,
  overdue: 600_000,
  notDue: 400_000,
  overdueShareBp: 6000,
  unapplied: -40_000,
  net: 960_000,
  period: {
    from: '2026-04-02',
    to: '2026-06-30',
    days: 90,
    opening: 500_000,
    sales: 900_000,
    collected: 700_000,
    otherCredits: 0,
    closing: 700_000,
    averageDailyBalance: 650_000,
  },
  dso: 65.04,
  collectionRate: { ratio: 0.5, bp: 5000 },
  cost: {
    costOfCapitalBp: 600,
    opportunityCost: 9_616,
    provision: 50_000,
    total: 59_616,
    standard: 'enterprise',
    provisionLines: [],
  },
  trend: [
    { month: '2026-04', date: '2026-04-30', balance: 500_000 },
    { month: '2026-05', date: '2026-05-31', balance: 800_000 },
    { month: '2026-06', date: '2026-06-30', balance: 700_000 },
  ],
  topOverdue: [
    {
      customerId: 7,
      customerCode: 'C000007',
      customerName: '华盛商贸有限责任公司华东分公司',
      overdue: 300_000,
      total: 400_000,
    },
    { customerId: 8, customerCode: 'C000008', customerName: '张三', overdue: 100_00, total: 0 },
  ],
  ms: 1,
};

describe('dashboard series', () => {
  it('period presets end today, inclusive', () => {
    expect(periodRange('last30', '2026-03-10')).toEqual({ from: '2026-02-09', to: '2026-03-10' });
    expect(periodRange('last90', '2026-06-30')).toEqual({ from: '2026-04-02', to: '2026-06-30' });
    expect(periodRange('last365', '2026-06-30')).toEqual({ from: '2025-07-01', to: '2026-06-30' });
    expect(periodRange('month', '2026-06-30')).toEqual({ from: '2026-06-01', to: '2026-06-30' });
    expect(periodRange('quarter', '2026-08-15')).toEqual({ from: '2026-07-01', to: '2026-08-15' });
    expect(periodRange('year', '2026-08-15')).toEqual({ from: '2026-01-01', to: '2026-08-15' });
  });

  it('trend points carry fen and the month-on-month change', () => {
    expect(trendSeries(dash.trend)).toEqual([
      { month: '2026-04', date: '2026-04-30', balance: 500_000, change: null },
      { month: '2026-05', date: '2026-05-31', balance: 800_000, change: 300_000 },
      { month: '2026-06', date: '2026-06-30', balance: 700_000, change: -100_000 },
    ]);
  });

  it('top overdue: labels shortened, share of total', () => {
    const s = topOverdueSeries(dash.topOverdue, 8);
    expect(s[0]).toEqual({
      customerId: 7,
      code: 'C000007',
      name: '华盛商贸有限责任公司华东分公司',
      label: 'C000007 华盛商贸有限责任…',
      overdue: 300_000,
      total: 400_000,
      shareBp: 7500,
    });
    expect(s[1].label).toBe('C000008 张三');
    expect(s[1].shareBp).toBeNull();
  });

  it('KPI cards in order with exact values and tones', () => {
    const k = kpiValues(dash);
    expect(k.map((x) => [x.key, x.value, x.tone])).toEqual([
      ['totalReceivable', 1_000_000, 'normal'],
      ['overdue', 600_000, 'bad'],
      ['dso', 65, 'normal'],
      ['collectionRate', 5000, 'warn'],
      ['cost', 59_616, 'normal'],
    ]);
    expect(k[1].sub).toEqual([{ key: 'overdueShare', format: 'percent', value: 6000 }]);
    expect(k[4].sub?.map((s) => s.value)).toEqual([9_616, 50_000]);
    expect(
      kpiValues({ ...dash, dso: null, collectionRate: { ratio: null, bp: null }, overdueShareBp: null }).map(
        (x) => x.value,
      ),
    ).toEqual([1_000_000, 600_000, null, null, 59_616]);
  });

  it('axis ticks in 万 / k', () => {
    // arguments are fen
    expect(axisMoney(123_456_700, 'zh-CN')).toBe('123.5万');
    expect(axisMoney(999_900, 'zh-CN')).toBe('9,999');
    expect(axisMoney(123_456_700, 'en')).toBe('1.2M');
    expect(axisMoney(2_500_000, 'en')).toBe('25k');
    expect(axisMoney(150_000, 'en')).toBe('1.5k'); // axis ticks at 1,500 steps
    expect(axisMoney(450_000, 'en')).toBe('4.5k');
    expect(axisMoney(-250_000, 'en')).toBe('-2.5k');
    expect(axisMoney(-40_000, 'en')).toBe('-400');
    expect(axisMoney(2_000_000, 'zh-CN')).toBe('2万');
  });
});
