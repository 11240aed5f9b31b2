// The customer directory crosses from the report worker packed (main/workers/packed-strings.ts):
// string i read back from the one text is string i, for any strings — empty ones, Chinese
// names, characters outside the BMP (two UTF-16 units each), lone surrogates — and survives the
// structured clone it crosses by.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { packStrings, packedAt } from '../../main/workers/packed-strings';

const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('', '武安市磊传媒股份有限公司', 'C000001', '𠀋𠂉', '\uD800', 'a\u0000b'),
);

it('packedAt(packStrings(xs), i) is xs[i], also after a structured clone', () => {
  fc.assert(
    fc.property(fc.array(anyText, { maxLength: 60 }), (xs) => {
      const packed = structuredClone(packStrings(xs));
      expect(packed.end.length).toBe(xs.length);
      expect(Array.from(xs, (_, i) => packedAt(packed, i))).toEqual(xs);
    }),
    { numRuns: 2000 },
  );
});
