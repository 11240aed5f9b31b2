// SeenStrings (main/lib/seen-strings.ts), the filter an invoices import asks before looking a number
// up: it may say "maybe" for a new string, but never "not seen" for a string it recorded (a
// duplicate invoice number would then go unnamed); and for distinct strings it rarely says maybe.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SeenStrings } from '../../main/lib/seen-strings';

describe('SeenStrings', () => {
  it('never says "not seen" for a string added before (property, against a Set)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('FP1', 'FP2', '发票1', '')), {
          maxLength: 300,
        }),
        (list) => {
          const seen = new SeenStrings();
          const reference = new Set<string>();
          for (const s of list) {
            const maybe = seen.add(s);
            if (reference.has(s)) expect(maybe).toBe(true);
            reference.add(s);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('says "maybe" for almost no distinct invoice numbers (200,000 of them)', () => {
    const seen = new SeenStrings();
    let maybes = 0;
    for (let i = 1; i <= 200_000; i++) if (seen.add(`FP${String(i).padStart(8, '0')}`)) maybes++;
    expect(maybes).toBeLessThan(20);
    expect(seen.add('FP00000001')).toBe(true);
  });
});
