// Document numbers as runs: an invoice import's audit row names every number it created, and a
// file of 100,000 invoices is nearly always a few runs of consecutive numbers (FP00000001 …
// FP00100000). Stored as runs the row is a few dozen bytes instead of 1.3 MB that every backup,
// verification and restore carried; read back, the list is exactly the one written, in order.

/** A number alone, or [prefix, first number's digits, how many consecutive numbers]. */
export type NumberRun = string | [prefix: string, digits: string, count: number];

/** The number after `digits` at the same width, or null (no trailing digits, too long, or it would widen). */
function nextDigits(digits: string): string | null {
  const next = String(Number(digits) + 1);
  return next.length > digits.length ? null : next.padStart(digits.length, '0');
}

/** Prefix and trailing digits (at most 15: counted exactly, Number.MAX_SAFE_INTEGER has 16). */
function split(n: string): [string, string] | null {
  const m = /^(.*?)(\d{1,15})$/s.exec(n);
  return m ? [m[1], m[2]] : null;
}

/** Consecutive numbers (same prefix and width, each one more than the last) become one run. */
export function toNumberRuns(numbers: readonly string[]): NumberRun[] {
  const out: NumberRun[] = [];
  let i = 0;
  while (i < numbers.length) {
    const parts = split(numbers[i]);
    let count = 1;
    if (parts) {
      let digits = parts[1];
      for (let next = nextDigits(digits); next !== null && numbers[i + count] === parts[0] + next; count++) {
        digits = next;
        next = nextDigits(digits);
      }
    }
    out.push(count === 1 ? numbers[i] : [parts![0], parts![1], count]);
    i += count;
  }
  return out;
}

/** The numbers the runs stand for, in order. */
export function fromNumberRuns(runs: readonly NumberRun[]): string[] {
  const out: string[] = [];
  for (const r of runs) {
    if (typeof r === 'string') {
      out.push(r);
      continue;
    }
    const [prefix, first, count] = r;
    let digits: string | null = first;
    for (let k = 0; k < count && digits !== null; k++) {
      out.push(prefix + digits);
      digits = nextDigits(digits);
    }
  }
  return out;
}

/** Is this a list of runs as toNumberRuns writes them? */
export function isNumberRuns(v: unknown): v is NumberRun[] {
  return (
    Array.isArray(v) &&
    v.every(
      (r) =>
        typeof r === 'string' ||
        (Array.isArray(r) &&
          r.length === 3 &&
          typeof r[0] === 'string' &&
          typeof r[1] === 'string' &&
          /^\d{1,15}$/.test(r[1]) &&
          Number.isSafeInteger(r[2]) &&
          r[2] > 0),
    )
  );
}
