// `creditdesk ageing --format json`, written as it is formatted: the same text as
// JSON.stringify(report, null, 2) (DESIGN.md's fixed shape), but a row at a time from the
// report's columns and handed to the terminal in slices of about 256 KB. A 50,000-customer
// report never exists as 50,000 row objects plus one 18 MB string (which cost a cold CLI run
// about a third of its time in garbage collection and string-to-buffer copies).
import type { AgeingColumns } from '../../reports/ageing';

const SLICE = 256 * 1024;

/** Indents a JSON.stringify(x, null, 2) text by `pad` (every line after the first). */
const indent = (json: string, pad: string) => json.replace(/\n/g, `\n${pad}`);

export function writeAgeingJson(c: AgeingColumns, out: (text: string) => void): void {
  const n = c.keys.length;
  const head = { asOf: c.asOf, basis: c.basis, currency: 'CNY', buckets: c.buckets };
  const headText = JSON.stringify(head, null, 2);
  let buf = `${headText.slice(0, -2)},\n  "rows": [`;
  const m = c.code.length;
  for (let i = 0; i < m; i++) {
    const buckets: Record<string, number> = {};
    for (let k = 0; k < n; k++) buckets[c.keys[k]] = c.cells[i * n + k];
    const row = {
      customerCode: c.code[i],
      customerName: c.name[i],
      buckets,
      unapplied: c.unapplied[i],
      total: c.total[i],
      creditLimit: c.creditLimit[i],
    };
    buf += `${i === 0 ? '' : ','}\n    ${indent(JSON.stringify(row, null, 2), '    ')}`;
    if (buf.length >= SLICE) {
      out(buf);
      buf = '';
    }
  }
  buf += m === 0 ? '],\n' : '\n  ],\n';
  buf += `  "totals": ${indent(JSON.stringify(c.totals, null, 2), '  ')}\n}\n`;
  out(buf);
}
