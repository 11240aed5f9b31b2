// `creditdesk ageing --format csv`: the report's table with amounts in decimal yuan.
import { csvTable } from '../../lib/csv';
import { rowAt, type AgeingColumns } from '../../reports/ageing';
import { fenToDecimal } from '../../../shared/money';
import type { CliIo } from '../io';

/** The CSV table (amounts in decimal yuan) and its TOTAL line, from the report's columns. */
export function writeAgeingCsv(c: AgeingColumns, io: CliIo): void {
  const keys = c.keys;
  const fields = ['customer_code', 'customer_name', ...keys, 'unapplied', 'total', 'credit_limit'];
  const data: string[][] = new Array(c.code.length);
  for (let i = 0; i < data.length; i++) {
    const r = rowAt(c, i);
    data[i] = [
      r.customerCode,
      r.customerName,
      ...keys.map((k) => fenToDecimal(r.buckets[k])),
      fenToDecimal(r.unapplied),
      fenToDecimal(r.total),
      fenToDecimal(r.creditLimit),
    ];
  }
  data.push([
    'TOTAL',
    '',
    ...keys.map((k) => fenToDecimal(c.totals.buckets[k])),
    fenToDecimal(c.totals.unapplied),
    fenToDecimal(c.totals.total),
    '',
  ]);
  io.out(`${csvTable(fields, data, '\n')}\n`);
}
