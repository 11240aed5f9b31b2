// The credit overview's first visit lets SQL order customer codes (byte order) when every code is
// made of capitals, digits and '-' alone (db/credit/overview-scan.ts customerCodesPlain): for
// such codes byte order must be the order the pages use, the collator's (localeCompare).
import fc from 'fast-check';
import { expect, it } from 'vitest';

const PLAIN = [...'-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const plainCode = fc.array(fc.constantFrom(...PLAIN), { maxLength: 10 }).map((cs) => cs.join(''));
const bytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

it('codes of capitals, digits and "-": byte order = collator order (root, zh-CN and en)', () => {
  const collators = [new Intl.Collator(), new Intl.Collator('zh-CN'), new Intl.Collator('en')];
  fc.assert(
    fc.property(plainCode, plainCode, (a, b) => {
      for (const c of collators) expect(Math.sign(c.compare(a, b))).toBe(bytes(a, b));
      expect(Math.sign(a.localeCompare(b))).toBe(bytes(a, b));
    }),
    { numRuns: 3000 },
  );
});

it('the same check fails for other characters (why the overview checks the codes first)', () => {
  expect(Math.sign('a'.localeCompare('B'))).not.toBe(bytes('a', 'B'));
  expect(Math.sign('_'.localeCompare('-'))).not.toBe(bytes('_', '-'));
});
