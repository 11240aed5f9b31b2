// The CLI writes the ageing JSON row by row from the report's columns; the text must stay
// exactly JSON.stringify(report, null, 2) (DESIGN.md's fixed shape), slices or not.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeAgeingJson } from '../../main/cli/output/ageing-json';
import type { QuotedStrings } from '../../main/db/receivables/directory-quoted';
import { defaultBuckets } from '../../main/domain/ageing';
import type { AgeingColumns } from '../../main/reports/ageing';

function columns(rows: number): AgeingColumns {
  const set = defaultBuckets('due');
  const keys = set.map((b) => b.key);
  const n = keys.length;
  const cells = new Float64Array(rows * n);
  for (let i = 0; i < cells.length; i++) cells[i] = (i * 7919) % 1000 === 0 ? 0 : ((i * 7919) % 100_000) - 1000;
  const code = Array.from({ length: rows }, (_, i) => `C${String(i + 1).padStart(6, '0')}`);
  const total = new Float64Array(rows).map((_, i) => cells.slice(i * n, i * n + n).reduce((s, v) => s + v, 0));
  const sumCol = (k: number) => Array.from({ length: rows }, (_, i) => cells[i * n + k]).reduce((s, v) => s + v, 0);
  return {
    asOf: '2026-06-30',
    basis: 'due',
    buckets: set.map((b) => ({ key: b.key, from: b.from, to: b.to })),
    method: 'as_of',
    keys,
    customerId: new Float64Array(rows).map((_, i) => i + 1),
    code,
    // Chinese, quotes and backslashes, a line break and a tab, characters outside the BMP
    // (4 UTF-8 bytes) and a lone surrogate (written as an escape)
    name: code.map((c, i) =>
      i % 3 === 0 ? `华盛贸易 "${c}"\\` : i % 7 === 1 ? `𠀋店\n\t${c} 😀 \ud800` : `Shop ${c}`,
    ),
    rank: new Int32Array(rows),
    dirRev: 1,
    cells,
    unapplied: new Float64Array(rows).map((_, i) => (i % 5 === 0 ? -400 : 0)),
    total,
    creditLimit: new Float64Array(rows).map((_, i) => i * 100),
    limitUsedBp: new Float64Array(rows),
    totals: {
      buckets: Object.fromEntries(keys.map((k, j) => [k, sumCol(j)])),
      unapplied: -400,
      total: total.reduce((s, v) => s + v, 0),
    },
    ms: 1,
  };
}

function expected(c: AgeingColumns): string {
  const n = c.keys.length;
  const rows = c.code.map((code, i) => ({
    customerCode: code,
    customerName: c.name[i],
    buckets: Object.fromEntries(c.keys.map((k, j) => [k, c.cells[i * n + j]])),
    unapplied: c.unapplied[i],
    total: c.total[i],
    creditLimit: c.creditLimit[i],
  }));
  const rep = { asOf: c.asOf, basis: c.basis, currency: 'CNY', buckets: c.buckets, rows, totals: c.totals };
  return `${JSON.stringify(rep, null, 2)}\n`;
}

describe('creditdesk ageing --format json, written row by row', () => {
  for (const rows of [0, 1, 3, 5000]) {
    it(`is exactly JSON.stringify(report, null, 2) with ${rows} rows`, () => {
      const c = columns(rows);
      const parts: string[] = [];
      writeAgeingJson(c, (b) => parts.push(Buffer.from(b).toString('utf8')));
      expect(parts.join('')).toBe(expected(c));
      if (rows === 5000) expect(parts.length).toBeGreaterThan(1); // handed over in slices
    });
  }

  it('reuses its slice only when the consumer wrote the last one out (the same bytes either way)', () => {
    const c = columns(5000);
    for (const written of [true, false, undefined]) {
      const parts: string[] = [];
      const buffers = new Set<ArrayBufferLike>();
      writeAgeingJson(c, (b) => {
        parts.push(Buffer.from(b).toString('utf8')); // a copy: the slice may be overwritten after
        buffers.add(b.buffer);
        return written;
      });
      expect(parts.join('')).toBe(expected(c));
      expect(parts.length).toBeGreaterThan(2);
      expect(buffers.size).toBe(written === true ? 1 : parts.length);
    }
  });
});

/** The codes and names as the quoted directory holds them: JSON text in one buffer, by rank. */
function quotedOf(strings: string[], rankOfRow: Int32Array): QuotedStrings {
  const byRank: string[] = new Array(strings.length);
  rankOfRow.forEach((r, i) => (byRank[r] = JSON.stringify(strings[i])));
  const bytes = Buffer.from(byRank.join('\n'), 'utf8');
  const start = new Int32Array(strings.length);
  const end = new Int32Array(strings.length);
  let at = 0;
  byRank.forEach((q, r) => {
    start[r] = at;
    end[r] = at + Buffer.byteLength(q);
    at = end[r] + 1;
  });
  return { bytes, start, end };
}

const amount = fc.oneof(
  fc.integer({ min: -5_000_000, max: 5_000_000 }),
  fc.constantFrom(
    0,
    -0,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31),
    2 ** 32 + 7,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
  ),
  fc.maxSafeInteger(),
  // never in a book (integer fen), written as JSON.stringify would all the same
  fc.constantFrom(NaN, Infinity, 1.5, -0.25, 2 ** 60),
);

describe('amounts digit by digit, codes and names as bytes', () => {
  it('are exactly JSON.stringify of the report, from strings or from the quoted directory', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            values: fc.array(amount, { minLength: 10, maxLength: 10 }),
            name: fc.string({ unit: 'grapheme' }),
          }),
          {
            maxLength: 40,
          },
        ),
        fc.string(),
        (rows, odd) => {
          const c = columns(rows.length);
          const n = c.keys.length;
          rows.forEach((r, i) => {
            for (let k = 0; k < n; k++) c.cells[i * n + k] = r.values[k];
            c.unapplied[i] = r.values[7];
            c.total[i] = r.values[8];
            c.creditLimit[i] = r.values[9];
            c.name[i] = i === 0 ? odd : r.name;
          });
          // rows in code order, ranks in some other order (the directory's)
          c.rank = Int32Array.from(rows, (_, i) => rows.length - 1 - i);
          const want = expected(c);
          const fromStrings: Buffer[] = [];
          writeAgeingJson(c, (b) => fromStrings.push(Buffer.from(b)));
          expect(Buffer.concat(fromStrings).toString('utf8')).toBe(want);
          const quoted = { code: quotedOf(c.code, c.rank), name: quotedOf(c.name, c.rank) };
          const fromBytes: Buffer[] = [];
          writeAgeingJson({ ...c, code: [], name: [] }, (b) => fromBytes.push(Buffer.from(b)), quoted);
          expect(Buffer.concat(fromBytes).toString('utf8')).toBe(want);
        },
      ),
      { numRuns: 200 },
    );
  });
});
