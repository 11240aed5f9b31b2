// The invoice import's fast paths for amounts and dates (main/services/receivables/import-cells.ts)
// must answer exactly as the general checks they stand in for (money, date of import.ts): the
// same fen, or the same problem on the same row and field.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { date, money, Problems } from '../../main/services/receivables/import';
import { DateCells, amountCell } from '../../main/services/receivables/import-cells';

const digits = (max: number) => fc.array(fc.constantFrom(...'0123456789'), { maxLength: max }).map((cs) => cs.join(''));
// plain amounts (the fast path, leading zeros, zero, too long) and others (general grammar)
const amountText = fc.oneof(
  fc.tuple(digits(16), digits(3)).map(([w, f]) => `${w}.${f}`),
  digits(17),
  // at the fast path's edge: 13 whole digits, 14 (past it: out of range), leading zeros past 13
  fc.constantFrom('9999999999999.99', '12345678901234.00', '999999999999999.00', '0000000000000001.00'),
  fc.constantFrom('', '0.00', '-1.00', '1,234.50', '¥12.30', '１２.５０', '12.3.4', '(5.00)', ' 7.00', '7.00 '),
  fc.string({ maxLength: 8 }),
);

it('amountCell = money(amount) (value and problems)', () => {
  fc.assert(
    fc.property(amountText, (v) => {
      const fast = new Problems();
      const general = new Problems();
      expect(amountCell(fast, 7, v)).toBe(money(general, 7, 'amount', v));
      expect(fast.list).toEqual(general.list);
    }),
    { numRuns: 5000 },
  );
});

const dateText = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.constantFrom('', '2025-02-29', '2024-02-29', '2025-1-01', 'x'),
);

it('DateCells.check = date (value and problems), a date seen before or not', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(dateText, fc.boolean()), { maxLength: 30 }), (cells) => {
      const memo = new DateCells();
      for (const [v, required] of [...cells, ...cells]) {
        const fast = new Problems();
        const general = new Problems();
        expect(memo.check(fast, 3, 'issue_date', v, required)).toBe(date(general, 3, 'issue_date', v, required));
        expect(fast.list).toEqual(general.list);
      }
    }),
    { numRuns: 500 },
  );
});
