// Sums that the gross caps (book-limits.ts) do not bound. Money sums stay below 4 × 10^15 fen
// and are exact as numbers; a sum of money × days (the amount-weighted days late) is not: a
// customer at the cap paid ten days late already weighs 10^16 fen·days, past 2^53. Such sums are
// read as BigInt (better-sqlite3 safeIntegers) and divided here exactly.

/** round(n / d), halves away from zero, as a number (the quotient must be a safe integer). */
export function divRoundBig(n: bigint, d: bigint): number {
  if (d === 0n) throw new RangeError('divRoundBig: division by zero');
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const neg = n < 0n;
  const abs = neg ? -n : n;
  const q = (abs * 2n + d) / (2n * d);
  const r = Number(neg ? -q : q);
  if (!Number.isSafeInteger(r)) throw new RangeError('divRoundBig: result out of range');
  return r === 0 ? 0 : r;
}

/** A row read with safeIntegers: every integer column as a number (each must be safe). */
export function safeNumbers<K extends string>(row: Record<K, bigint>, keys: readonly K[]): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const k of keys) {
    const v = Number(row[k]);
    if (!Number.isSafeInteger(v)) throw new RangeError(`${k} is past 2^53: ${row[k]}`);
    out[k] = v;
  }
  return out;
}
