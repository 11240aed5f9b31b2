// Invoice numbers stored as runs (an import's audit row): read back, the list is exactly the one
// written — any strings, in any order, duplicates included — and a file of consecutive numbers
// is one run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromNumberRuns, isNumberRuns, toNumberRuns } from '../../main/lib/number-runs';

/** Numbers as files hold them: a few prefixes, zero-padded digits, often consecutive, sometimes not. */
const numberLists = fc
  .array(
    fc.record({
      prefix: fc.constantFrom('', 'FP', 'INV-', '发票', 'A1-', '9'),
      start: fc.oneof(fc.nat(120), fc.constantFrom(9, 99, 999, 999_999_999_999_998)),
      width: fc.integer({ min: 1, max: 16 }),
      count: fc.integer({ min: 1, max: 30 }),
      step: fc.constantFrom(1, 1, 1, 2, -1, 0),
    }),
    { maxLength: 8 },
  )
  .map((blocks) =>
    blocks.flatMap(({ prefix, start, width, count, step }) =>
      Array.from({ length: count }, (_, k) => `${prefix}${String(Math.max(0, start + k * step)).padStart(width, '0')}`),
    ),
  );

describe('number runs', () => {
  it('read back exactly the numbers written, for file-like numbers', () => {
    fc.assert(
      fc.property(numberLists, (numbers) => {
        const runs = JSON.parse(JSON.stringify(toNumberRuns(numbers))) as unknown;
        expect(isNumberRuns(runs)).toBe(true);
        expect(fromNumberRuns(runs as never)).toEqual(numbers);
      }),
      { numRuns: 500 },
    );
  });

  it('read back exactly any strings written', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 20 })), (numbers) => {
        expect(fromNumberRuns(toNumberRuns(numbers))).toEqual(numbers);
      }),
      { numRuns: 500 },
    );
  });

  it('make one run of consecutive numbers and never widen a number', () => {
    const file = Array.from({ length: 100_000 }, (_, k) => `FP${String(k + 1).padStart(8, '0')}`);
    expect(toNumberRuns(file)).toEqual([['FP', '00000001', 100_000]]);
    expect(toNumberRuns(['X9', 'X10', 'X11'])).toEqual(['X9', ['X', '10', 2]]);
    expect(toNumberRuns(['INV-7', 'INV-3', 'INV-9'])).toEqual(['INV-7', 'INV-3', 'INV-9']);
    expect(toNumberRuns(['0999', '1000', '1001'])).toEqual([['', '0999', 3]]);
  });
});
