// `creditdesk ageing --format json`, written as it is formatted: the same text as
// JSON.stringify(report, null, 2) (DESIGN.md's fixed shape), but a row at a time from the
// report's columns, straight into UTF-8 slices of about 256 KB. A 50,000-customer report never
// exists as row objects or as one 18 MB string. The fixed pieces of a row are bytes made once,
// the amounts are written digit by digit, and a code and name are copied as bytes when the
// caller has the directory as JSON text (directory-quoted.ts; otherwise JSON.stringify of the
// columns' strings, encoded into the slice): no JavaScript string is made per row. Joining a
// row into one string would turn it into a two-byte string (the names are Chinese) that V8
// widens, flattens and encodes again.
import type { AgeingColumns } from '../../reports/ageing';
import type { QuotedStrings } from '../../db/receivables/directory-quoted';

const SLICE = 256 * 1024;

/** Indents a JSON.stringify(x, null, 2) text by `pad` (every line after the first). */
const indent = (json: string, pad: string) => json.replace(/\n/g, `\n${pad}`);

/** A money amount as JSON.stringify writes it (integer fen; -0 is written 0, as there). */
const num = (v: number) => (Number.isFinite(v) ? String(v) : 'null');

const ascii = (text: string) => Buffer.from(text, 'latin1');

/** Takes a slice of output; returns true (only) when it wrote it out already: the slice may be reused. */
export type BytesOut = (bytes: Uint8Array) => unknown;

/** UTF-8 slices, each handed over whole (never split inside a character), reused only when the
 *  consumer says it wrote the last one out (a new 512 KB buffer per slice is ~36 of them for a
 *  100,000-customer report: page faults, and V8 collecting for their external memory). */
class Slices {
  private buf = Buffer.allocUnsafe(SLICE * 2);
  private at = 0;
  constructor(private readonly out: BytesOut) {}
  /** Room for `bytes` more bytes in the current slice. */
  private room(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    this.flush();
    if (bytes > this.buf.length) this.buf = Buffer.allocUnsafe(bytes);
  }
  text(text: string): void {
    this.room(text.length * 3); // a UTF-16 unit is at most 3 UTF-8 bytes
    this.at += this.buf.write(text, this.at, 'utf8');
  }
  /** b[start, end): a whole piece (the fixed ones) by one native copy; a short run of a list (a
   *  code, a name) byte by byte, no view made (a fresh process runs the byte loop unoptimised for
   *  a while: the ~14 fixed pieces of each row copied natively were ~20 ms less CPU on 50,000 rows) */
  bytes(b: Uint8Array, start = 0, end = b.length): void {
    const len = end - start;
    this.room(len);
    if (start === 0 && end === b.length) this.buf.set(b, this.at);
    else if (len > 64) this.buf.set(b.subarray(start, end), this.at);
    else {
      const buf = this.buf;
      for (let i = start, at = this.at; i < end; i++) buf[at++] = b[i];
    }
    this.at += len;
  }
  /** A number as `num` writes it; integers digit by digit, without a string. */
  number(v: number): void {
    if (!Number.isSafeInteger(v)) return this.text(num(v));
    this.room(17);
    const buf = this.buf;
    let x = v;
    if (x < 0) {
      buf[this.at++] = 0x2d; // '-' (never for -0: it is not < 0)
      x = -x;
    }
    let len = 1;
    for (let p = 10; p <= x; p *= 10) len++;
    const end = this.at + len;
    if (x < 0x80000000) {
      // small integers (most amounts): integer arithmetic, no floating-point remainder
      for (let j = end - 1, i = x | 0; j >= this.at; j--) {
        const q = (i / 10) | 0;
        buf[j] = 0x30 + i - q * 10;
        i = q;
      }
    } else {
      for (let j = end - 1; j >= this.at; j--) {
        const digit = x % 10;
        buf[j] = 0x30 + digit;
        x = (x - digit) / 10; // exact: a multiple of 10 below 2^53
      }
    }
    this.at = end;
  }
  /** Hands the slice over once it is about SLICE bytes. */
  maybeFlush(): void {
    if (this.at >= SLICE) this.flush();
  }
  flush(): void {
    if (this.at === 0) return;
    if (this.out(this.buf.subarray(0, this.at)) !== true)
      this.buf = Buffer.allocUnsafe(Math.max(SLICE * 2, this.buf.length));
    this.at = 0;
  }
}

/** A row's code and name as JSON text: from the columns' strings, or quoted bytes by the row's rank. */
export interface QuotedNames {
  code: QuotedStrings;
  name: QuotedStrings;
}

/** Writes the report as UTF-8 bytes to `out`, in slices. With `quoted`, row i's code and name are
 *  entry c.rank[i] of those lists (the columns' code and name are not read). */
export function writeAgeingJson(c: AgeingColumns, out: BytesOut, quoted?: QuotedNames): void {
  const n = c.keys.length;
  const head = { asOf: c.asOf, basis: c.basis, currency: 'CNY', buckets: c.buckets };
  const headText = JSON.stringify(head, null, 2);
  const firstRow = ascii('\n    {\n      "customerCode": ');
  const nextRow = ascii(',\n    {\n      "customerCode": ');
  const nameLead = ascii(',\n      "customerName": ');
  // `,\n        "key": ` before each bucket amount of a row
  const bucketLead = c.keys.map((k, i) => Buffer.from(`${i === 0 ? '{' : ','}\n        ${JSON.stringify(k)}: `));
  const bucketsLead = ascii(',\n      "buckets": ');
  const bucketsEnd = ascii(n === 0 ? '{},\n      "unapplied": ' : '\n      },\n      "unapplied": ');
  const totalLead = ascii(',\n      "total": ');
  const limitLead = ascii(',\n      "creditLimit": ');
  const rowEnd = ascii('\n    }');
  const s = new Slices(out);
  s.text(`${headText.slice(0, -2)},\n  "rows": [`);
  const m = c.customerId.length;
  for (let i = 0; i < m; i++) {
    s.bytes(i === 0 ? firstRow : nextRow);
    if (quoted) {
      const r = c.rank[i];
      s.bytes(quoted.code.bytes, quoted.code.start[r], quoted.code.end[r]);
      s.bytes(nameLead);
      s.bytes(quoted.name.bytes, quoted.name.start[r], quoted.name.end[r]);
    } else {
      s.text(JSON.stringify(c.code[i]));
      s.bytes(nameLead);
      s.text(JSON.stringify(c.name[i]));
    }
    s.bytes(bucketsLead);
    for (let k = 0; k < n; k++) {
      s.bytes(bucketLead[k]);
      s.number(c.cells[i * n + k]);
    }
    s.bytes(bucketsEnd);
    s.number(c.unapplied[i]);
    s.bytes(totalLead);
    s.number(c.total[i]);
    s.bytes(limitLead);
    s.number(c.creditLimit[i]);
    s.bytes(rowEnd);
    s.maybeFlush();
  }
  s.text(m === 0 ? '],\n' : '\n  ],\n');
  s.text(`  "totals": ${indent(JSON.stringify(c.totals, null, 2), '  ')}\n}\n`);
  s.flush();
}
