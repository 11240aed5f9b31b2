// `creditdesk tiers --format json` (DESIGN.md's fixed shape).
import type { TierReport } from '../../reports/tiers';

/**
 * `JSON.stringify(tierReportFixed(rep), null, 2)` byte for byte, written row by row: 100,000
 * rows through the generic pretty-printer (after copying every row for the key order) cost the
 * `creditdesk tiers` process a large share of its time.
 */
export function tierReportJson(rep: TierReport): string {
  const q = JSON.stringify;
  // money and counts are safe integers (String gives JSON's digits); a plain printable-ASCII code
  // needs no escaping
  const code = (c: string) => (PLAIN.test(c) ? `"${c}"` : q(c));
  const rows = new Array<string>(rep.rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rep.rows[i];
    rows[i] =
      `    {\n      "customerCode": ${code(r.customerCode)},\n      "sales": ${int(r.sales)},\n` +
      `      "averageMonthly": ${int(r.averageMonthly)},\n      "tier": "${r.tier}"\n    }`;
  }
  const c = rep.counts;
  return [
    '{',
    `  "asOf": ${q(rep.asOf)},`,
    `  "months": ${q(rep.months)},`,
    `  "from": ${q(rep.from)},`,
    `  "to": ${q(rep.to)},`,
    rows.length ? `  "rows": [\n${rows.join(',\n')}\n  ],` : '  "rows": [],',
    `  "counts": {\n    "A": ${q(c.A)},\n    "B": ${q(c.B)},\n    "C": ${q(c.C)}\n  }`,
    '}',
  ].join('\n');
}

const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const int = (n: number) => (Number.isSafeInteger(n) ? String(n) : JSON.stringify(n));
