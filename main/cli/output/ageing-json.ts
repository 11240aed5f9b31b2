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
 *  100,000-customer report: page faults, and V8 collecting for their external memory). The row
 *  loop writes into `buf` at `at` itself, after reserve() made room for the whole row. */
class Slices {
  buf = Buffer.allocUnsafe(SLICE * 2);
  at = 0;
  constructor(private readonly out: BytesOut) {}
  /** Room for `bytes` more bytes in the current slice. */
  reserve(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    this.flush();
    if (bytes > this.buf.length) this.buf = Buffer.allocUnsafe(bytes);
  }
  text(text: string): void {
    this.reserve(text.length * 3); // a UTF-16 unit is at most 3 UTF-8 bytes
    this.at += this.buf.write(text, this.at, 'utf8');
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

/** Bytes a number may take as `num` writes it ("-9007199254740991", "-1.7976931348623157e+308"). */
const NUMBER_ROOM = 24;

/** b[start, end) into buf at `at` (room made); returns the new end. Short runs (a fixed piece,
 *  a code, a name) byte by byte, no view made. */
function put(buf: Buffer, at: number, b: Uint8Array, start: number, end: number): number {
  if (end - start > 64) {
    buf.set(b.subarray(start, end), at);
    return at + end - start;
  }
  for (let i = start; i < end; i++) buf[at++] = b[i];
  return at;
}

/** A number as `num` writes it into buf at `at` (room made); integers digit by digit, without a
 *  string. Returns the new end. */
function putNumber(buf: Buffer, at: number, v: number): number {
  if (!Number.isSafeInteger(v)) return at + buf.write(num(v), at, 'latin1');
  let x = v;
  if (x < 0) {
    buf[at++] = 0x2d; // '-' (never for -0: it is not < 0)
    x = -x;
  }
  if (x < 10) {
    buf[at] = 0x30 + x; // most bucket amounts are 0
    return at + 1;
  }
  let len = 1;
  for (let p = 10; p <= x; p *= 10) len++;
  const end = at + len;
  if (x < 0x80000000) {
    // small integers (most amounts): integer arithmetic, no floating-point remainder
    for (let j = end - 1, i = x | 0; j >= at; j--) {
      const q = (i / 10) | 0;
      buf[j] = 0x30 + i - q * 10;
      i = q;
    }
  } else {
    for (let j = end - 1; j >= at; j--) {
      const digit = x % 10;
      buf[j] = 0x30 + digit;
      x = (x - digit) / 10; // exact: a multiple of 10 below 2^53
    }
  }
  return end;
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
  // a row's bytes but its code and name, numbers at their longest
  let fixed = nextRow.length + nameLead.length + bucketsLead.length + bucketsEnd.length;
  fixed += totalLead.length + limitLead.length + rowEnd.length + (n + 3) * NUMBER_ROOM;
  for (const b of bucketLead) fixed += b.length;
  const s = new Slices(out);
  s.text(`${headText.slice(0, -2)},\n  "rows": [`);
  const m = c.customerId.length;
  const { cells, unapplied, total, creditLimit, rank } = c;
  for (let i = 0; i < m; i++) {
    let codeText: Buffer | undefined;
    let nameText: Buffer | undefined;
    let cs = 0;
    let ce = 0;
    let ns = 0;
    let ne = 0;
    if (quoted) {
      const r = rank[i];
      cs = quoted.code.start[r];
      ce = quoted.code.end[r];
      ns = quoted.name.start[r];
      ne = quoted.name.end[r];
    } else {
      codeText = Buffer.from(JSON.stringify(c.code[i]), 'utf8');
      nameText = Buffer.from(JSON.stringify(c.name[i]), 'utf8');
      ce = codeText.length;
      ne = nameText.length;
    }
    s.reserve(fixed + ce - cs + ne - ns);
    const buf = s.buf;
    let at = s.at;
    const lead = i === 0 ? firstRow : nextRow;
    at = put(buf, at, lead, 0, lead.length);
    at = put(buf, at, codeText ?? quoted!.code.bytes, cs, ce);
    at = put(buf, at, nameLead, 0, nameLead.length);
    at = put(buf, at, nameText ?? quoted!.name.bytes, ns, ne);
    at = put(buf, at, bucketsLead, 0, bucketsLead.length);
    for (let k = 0; k < n; k++) {
      const bl = bucketLead[k];
      at = put(buf, at, bl, 0, bl.length);
      at = putNumber(buf, at, cells[i * n + k]);
    }
    at = put(buf, at, bucketsEnd, 0, bucketsEnd.length);
    at = putNumber(buf, at, unapplied[i]);
    at = put(buf, at, totalLead, 0, totalLead.length);
    at = putNumber(buf, at, total[i]);
    at = put(buf, at, limitLead, 0, limitLead.length);
    at = putNumber(buf, at, creditLimit[i]);
    at = put(buf, at, rowEnd, 0, rowEnd.length);
    s.at = at;
    s.maybeFlush();
  }
  s.text(m === 0 ? '],\n' : '\n  ],\n');
  s.text(`  "totals": ${indent(JSON.stringify(c.totals, null, 2), '  ')}\n}\n`);
  s.flush();
}
