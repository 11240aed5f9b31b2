// Report results split into chunks on the report worker and joined on the main thread
// (main/workers/chunked.ts): any array of rows and any calendar come back equal, in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, COLUMN_CHUNK_ROWS, joinResult, splitResult } from '../../main/workers/chunked';

const roundTrip = (v: unknown) => {
  const s = splitResult(v);
  return s
    ? joinResult(
        structuredClone(s.head),
        s.chunks.map((c) => structuredClone(c)),
      )
    : v;
};

describe('report result chunks', () => {
  it('rows: split past CHUNK_ROWS, joined equal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * CHUNK_ROWS + 7 }), (n) => {
        const rows = Array.from({ length: n }, (_, i) => ({ id: i, code: `C${i}`, amount: i * 100 }));
        const s = splitResult(rows);
        expect(s === null).toBe(n <= CHUNK_ROWS);
        if (s) expect(s.chunks.length).toBe(Math.ceil(n / CHUNK_ROWS));
        expect(roundTrip(rows)).toEqual(rows);
      }),
      { numRuns: 40 },
    );
  });

  it('calendar: each day keeps its own items in order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 31 }), (counts) => {
        let ref = 0;
        const cal = {
          from: '2026-11-01',
          to: '2026-11-30',
          asOf: '2026-11-23',
          days: counts.map((n, d) => ({
            date: `2026-11-${String(d + 1).padStart(2, '0')}`,
            due: n * 7,
            items: Array.from({ length: n }, () => ({ kind: 'promise', refId: ref++, amount: ref })),
          })),
        };
        expect(splitResult(cal) === null).toBe(ref <= CHUNK_ROWS);
        expect(roundTrip(cal)).toEqual(cal);
      }),
      { numRuns: 60 },
    );
  });

  it('parallel columns with a shared text table: cut in row ranges, joined equal', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 * COLUMN_CHUNK_ROWS + 7 }), (n) => {
        const cols = {
          id: Array.from({ length: n }, (_, i) => i),
          customerCode: Array.from({ length: n }, (_, i) => `C${i}`),
          promisedBy: Array.from({ length: n }, (_, i) => (i % 3 ? null : 'Li')),
          madeOn: Int32Array.from({ length: n }, (_, i) => i % 2),
          texts: ['2026-11-01', '2026-11-02'],
        };
        const s = splitResult(cols);
        expect(s === null).toBe(n <= COLUMN_CHUNK_ROWS);
        if (s) expect(s.chunks.length).toBe(Math.ceil(n / COLUMN_CHUNK_ROWS));
        expect(roundTrip(cols)).toEqual(cols);
      }),
      { numRuns: 20 },
    );
  });

  it('other shapes go whole', () => {
    expect(splitResult({ asOf: '2026-11-23', cei: { bp: 1 } })).toBeNull();
  });
});
