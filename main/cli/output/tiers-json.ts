// `creditdesk tiers --format json` (DESIGN.md's fixed shape).
import type { TierReport } from '../../reports/tiers';

const SLICE = 256 * 1024;

/**
 * `JSON.stringify(tierReportFixed(rep), null, 2)` byte for byte, written a row at a time into
 * UTF-8 slices of about 256 KB handed to `out`: 100,000 rows through the generic pretty-printer,
 * or as 100,000 row strings joined into one 13 MB string and encoded again, cost the
 * `creditdesk tiers` process a large share of its time. A row whose code is plain ASCII (all of
 * them, in practice) is copied byte for byte (latin1), without the UTF-8 encoder.
 */
export function writeTierReportJson(rep: TierReport, out: (bytes: Uint8Array) => void): void {
  const q = JSON.stringify;
  let buf = Buffer.allocUnsafe(SLICE * 2);
  let at = 0;
  const flush = () => {
    if (at === 0) return;
    out(buf.subarray(0, at));
    buf = Buffer.allocUnsafe(SLICE * 2);
    at = 0;
  };
  const write = (text: string, ascii: boolean) => {
    const room = ascii ? text.length : text.length * 3; // a UTF-16 unit is at most 3 UTF-8 bytes
    if (at + room > buf.length) {
      flush();
      if (room > buf.length) buf = Buffer.allocUnsafe(room);
    }
    at += buf.write(text, at, ascii ? 'latin1' : 'utf8');
  };
  // The usual row (a plain printable-ASCII code, whole non-negative fen, a plain one-letter tier)
  // as bytes straight into the slice: no row string to build and encode (100,000 rows).
  const put = (bytes: Uint8Array) => {
    buf.set(bytes, at);
    at += bytes.length;
  };
  const putDigits = (n: number) => {
    let len = 1;
    for (let p = 10; p <= n; p *= 10) len++;
    for (let k = at + len - 1; k >= at; k--) {
      buf[k] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
    at += len;
  };
  const writeRowBytes = (r: TierReport['rows'][number], first: boolean): boolean => {
    const code = r.customerCode;
    const end = r.tier.length === 1 ? ROW_END.get(r.tier) : undefined;
    if (end === undefined || !isPlainFen(r.sales) || !isPlainFen(r.averageMonthly) || !PLAIN.test(code)) return false;
    put(first ? ROW_HEAD : ROW_NEXT);
    for (let k = 0; k < code.length; k++) buf[at++] = code.charCodeAt(k);
    put(ROW_SALES);
    putDigits(r.sales);
    put(ROW_AVERAGE);
    putDigits(r.averageMonthly);
    put(end);
    return true;
  };
  write(
    `{\n  "asOf": ${q(rep.asOf)},\n  "months": ${q(rep.months)},\n  "from": ${q(rep.from)},\n  "to": ${q(rep.to)},\n`,
    false,
  );
  write(rep.rows.length ? '  "rows": [\n' : '  "rows": [],\n', true);
  for (let i = 0; i < rep.rows.length; i++) {
    const r = rep.rows[i];
    if (at + ROW_ROOM + r.customerCode.length > buf.length) flush();
    if (!writeRowBytes(r, i === 0)) {
      // money and counts are safe integers (String gives JSON's digits); a plain printable-ASCII
      // code needs no escaping
      const plain = PLAIN.test(r.customerCode);
      write(
        `${i === 0 ? '' : ',\n'}    {\n      "customerCode": ${plain ? `"${r.customerCode}"` : q(r.customerCode)},\n` +
          `      "sales": ${int(r.sales)},\n      "averageMonthly": ${int(r.averageMonthly)},\n      "tier": ${q(r.tier)}\n    }`,
        plain,
      );
    }
    if (at >= SLICE) flush();
  }
  const c = rep.counts;
  write(
    `${rep.rows.length ? '\n  ],\n' : ''}  "counts": {\n    "A": ${q(c.A)},\n    "B": ${q(c.B)},\n    "C": ${q(c.C)}\n  }\n}`,
    false,
  );
  flush();
}

/** The same text as one string (tests, small reports). */
export function tierReportJson(rep: TierReport): string {
  const parts: Uint8Array[] = [];
  writeTierReportJson(rep, (b) => parts.push(b));
  return Buffer.concat(parts).toString('utf8');
}

const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const latin1 = (t: string) => new Uint8Array(Buffer.from(t, 'latin1'));
const ROW_HEAD = latin1('    {\n      "customerCode": "');
const ROW_NEXT = latin1(',\n    {\n      "customerCode": "');
const ROW_SALES = latin1('",\n      "sales": ');
const ROW_AVERAGE = latin1(',\n      "averageMonthly": ');
/** a row's end by its tier: `,"tier": "A"}` and the closing brace, for each plain one-letter tier */
const ROW_END = new Map([...'ABC'].map((t) => [t, latin1(`,\n      "tier": ${JSON.stringify(t)}\n    }`)] as const));
/** bytes of a row besides its code: the fixed text and two numbers of at most 16 digits */
const ROW_ROOM = ROW_NEXT.length + ROW_SALES.length + ROW_AVERAGE.length + 64;
const isPlainFen = (n: number) => Number.isSafeInteger(n) && n >= 0;
const int = (n: number) => (Number.isSafeInteger(n) ? String(n) : JSON.stringify(n));
