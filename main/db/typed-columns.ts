// Growable typed columns (a few bytes a row, not an object a row) for the bulk writers' running
// sums and an import's rows: grown by doubling as a file is read.

/** `a`, or a copy at least `n` long (doubling), for typed columns that grow as a file is read. */
export function atLeast<T extends Int32Array | Float64Array | Uint8Array>(a: T, n: number): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (length: number) => T)(Math.max(a.length * 2, n));
  b.set(a);
  return b;
}
