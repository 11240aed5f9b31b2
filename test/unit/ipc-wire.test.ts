// ageing:report crosses IPC by columns; the renderer's client turns it back into rows. Both the
// app's form (typed arrays, NaN for "no limit") and browser mode's JSON form decode the same.
import { describe, expect, it } from 'vitest';
import { ageingReportFromWire, fromWire, typedArraysAsArrays } from '../../shared/ipc/wire';
import type { AgeingReportWire } from '../../shared/types-receivables';

const wire: AgeingReportWire = {
  asOf: '2026-04-30',
  basis: 'due',
  currency: 'CNY',
  buckets: [
    { key: 'not_due', from: null, to: 0 },
    { key: '1-30', from: 1, to: 30 },
  ],
  totals: { buckets: { not_due: 30000, '1-30': 230000 }, unapplied: -5000, total: 255000 },
  method: 'current',
  ms: 3,
  columns: {
    customerId: new Float64Array([7, 9]),
    code: ['C1', 'C2'],
    name: ['华盛贸易有限公司', '杭州西湖商行'],
    cells: new Float64Array([30000, 200000, 0, 30000]),
    unapplied: new Float64Array([0, -5000]),
    total: new Float64Array([230000, 25000]),
    creditLimit: new Float64Array([500000, 0]),
    limitUsedBp: new Float64Array([4600, NaN]),
  },
};

const rows = [
  {
    customerId: 7,
    customerCode: 'C1',
    customerName: '华盛贸易有限公司',
    buckets: { not_due: 30000, '1-30': 200000 },
    unapplied: 0,
    total: 230000,
    creditLimit: 500000,
    limitUsedBp: 4600,
  },
  {
    customerId: 9,
    customerCode: 'C2',
    customerName: '杭州西湖商行',
    buckets: { not_due: 0, '1-30': 30000 },
    unapplied: -5000,
    total: 25000,
    creditLimit: 0,
    limitUsedBp: null,
  },
];

describe('ageing report wire form', () => {
  it('typed arrays decode to the rows, NaN limit use as null', () => {
    const out = ageingReportFromWire(wire);
    expect(out.rows).toEqual(rows);
    expect(out.totals).toEqual(wire.totals);
    expect('columns' in out).toBe(false);
  });

  it('the JSON of browser mode decodes to the same rows', () => {
    const json = JSON.parse(JSON.stringify(wire, typedArraysAsArrays)) as AgeingReportWire;
    expect(json.columns.cells).toEqual([30000, 200000, 0, 30000]);
    expect(json.columns.limitUsedBp).toEqual([4600, null]);
    expect(fromWire('ageing:report', json).rows).toEqual(rows);
  });

  it('other channels pass through unchanged', () => {
    const data = { total: 1, rows: [] };
    expect(fromWire('audit:list', data)).toBe(data);
  });
});
