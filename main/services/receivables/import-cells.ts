// Fast paths for the cells a million-row invoice or receipt file repeats: an amount written plainly
// ("1234.50") and a date already seen valid. Everything else goes through the general checks of
// ./import (parseMoney, isValidDate), which also word every problem: the result is the same
// either way. Together the general checks were about a tenth of a 1M-invoice import's CPU.
import { date, money, type Problems } from './import';

/** Digits, a point, two decimals: at most 13 + 2 digits, so the fen are an exact integer < 2^53. */
const PLAIN_AMOUNT = /^(\d{1,13})\.(\d\d)$/;

/** money(p, row, 'amount', v), without parseMoney's general grammar for a plain positive amount. */
export function amountCell(p: Problems, row: number, v: string): number | null {
  const m = PLAIN_AMOUNT.exec(v);
  if (m !== null) {
    const fen = Number(m[1]) * 100 + Number(m[2]);
    if (fen > 0) return fen;
  }
  return money(p, row, 'amount', v);
}

/** date(...) remembering the valid dates seen (a file holds a few thousand distinct dates). */
export class DateCells {
  private readonly valid = new Set<string>();

  check(p: Problems, row: number, field: string, v: string, required = true): string | null {
    if (this.valid.has(v)) return v;
    const d = date(p, row, field, v, required);
    if (d !== null) this.valid.add(d);
    return d;
  }
}
