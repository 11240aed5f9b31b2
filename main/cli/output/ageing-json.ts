// `creditdesk ageing --format json`, written as it is formatted: the same text as
// JSON.stringify(report, null, 2) (DESIGN.md's fixed shape), but a row at a time from the
// report's columns, encoded straight into UTF-8 slices of about 256 KB. A 50,000-customer report
// never exists as row objects or as one 18 MB string. Each row is three pieces written into the
// slice: the (ASCII) text up to the name, the name, the (ASCII) rest. Joining them into one
// JavaScript string first would turn the whole slice into a two-byte string (the names are
// Chinese) that V8 widens, flattens and encodes again — most of the writing time of a big report.
import type { AgeingColumns } from '../../reports/ageing';

const SLICE = 256 * 1024;

/** Indents a JSON.stringify(x, null, 2) text by `pad` (every line after the first). */
const indent = (json: string, pad: string) => json.replace(/\n/g, `\n${pad}`);

/** A money amount as JSON.stringify writes it (integer fen; -0 is written 0, as there). */
const num = (v: number) => (Number.isFinite(v) ? String(v) : 'null');

/** UTF-8 slices, each handed over whole (never split inside a character) and never reused. */
class Slices {
  private buf = Buffer.allocUnsafe(SLICE * 2);
  private at = 0;
  constructor(private readonly out: (bytes: Uint8Array) => void) {}
  write(text: string): void {
    // a UTF-16 unit is at most 3 UTF-8 bytes
    if (this.at + text.length * 3 > this.buf.length) {
      this.flush();
      if (text.length * 3 > this.buf.length) this.buf = Buffer.allocUnsafe(text.length * 3);
    }
    this.at += this.buf.write(text, this.at, 'utf8');
  }
  /** Hands the slice over once it is about SLICE bytes. */
  maybeFlush(): void {
    if (this.at >= SLICE) this.flush();
  }
  flush(): void {
    if (this.at === 0) return;
    this.out(this.buf.subarray(0, this.at));
    this.buf = Buffer.allocUnsafe(Math.max(SLICE * 2, this.buf.length));
    this.at = 0;
  }
}

/** Writes the report as UTF-8 bytes to `out`, in slices. */
export function writeAgeingJson(c: AgeingColumns, out: (bytes: Uint8Array) => void): void {
  const n = c.keys.length;
  const head = { asOf: c.asOf, basis: c.basis, currency: 'CNY', buckets: c.buckets };
  const headText = JSON.stringify(head, null, 2);
  // `,\n        "key": ` before each bucket amount of a row
  const bucketLead = c.keys.map((k, i) => `${i === 0 ? '' : ','}\n        ${JSON.stringify(k)}: `);
  const closeBuckets = n === 0 ? '{}' : '\n      }';
  const s = new Slices(out);
  s.write(`${headText.slice(0, -2)},\n  "rows": [`);
  const m = c.code.length;
  for (let i = 0; i < m; i++) {
    s.write(
      `${i === 0 ? '' : ','}\n    {\n      "customerCode": ${JSON.stringify(c.code[i])},\n      "customerName": `,
    );
    s.write(JSON.stringify(c.name[i]));
    let buckets = n === 0 ? '' : '{';
    for (let k = 0; k < n; k++) buckets += bucketLead[k] + num(c.cells[i * n + k]);
    s.write(`,
      "buckets": ${buckets}${closeBuckets},
      "unapplied": ${num(c.unapplied[i])},
      "total": ${num(c.total[i])},
      "creditLimit": ${num(c.creditLimit[i])}
    }`);
    s.maybeFlush();
  }
  s.write(m === 0 ? '],\n' : '\n  ],\n');
  s.write(`  "totals": ${indent(JSON.stringify(c.totals, null, 2), '  ')}\n}\n`);
  s.flush();
}
