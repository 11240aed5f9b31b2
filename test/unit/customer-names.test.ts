// Customer codes and names cross from the report worker as one string each (workers/customer-names.ts):
// any lists come back equal, also empty ones, empty texts and texts holding the separator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutsApart, NAMES_SEP, packNames, unpackNames } from '../../main/reports/collections/customer-names';

const text = fc.oneof(fc.string(), fc.constantFrom('', '\u0000', 'a\u0000b', '华胜 \u{20000}'));

describe('customer names packed for the report worker', () => {
  it('come back equal', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 20 }), (pairs) => {
        const names = { code: pairs.map((p) => p[0]), name: pairs.map((p) => p[1]) };
        const packed = structuredClone(packNames(names));
        expect(unpackNames(packed)).toEqual(names);
      }),
      { numRuns: 300 },
    );
  });

  it('joined, cut apart again exactly when no text holds the separator', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (texts) => {
        const plain = !texts.some((s) => s.includes(NAMES_SEP));
        expect(cutsApart(texts.join(NAMES_SEP), texts.length)).toBe(plain);
      }),
      { numRuns: 300 },
    );
  });

  it('go as one string each when no text holds the separator', () => {
    const p = packNames({ code: ['A1', 'B2'], name: ['甲', ''] });
    expect(p).toEqual({ joined: true, count: 2, code: 'A1\u0000B2', name: '甲\u0000' });
  });
});
