// creditdesk ageing --db FILE --as-of YYYY-MM-DD [--basis due|issue] [--format json|csv]
// JSON is the fixed shape of DESIGN.md (money in integer fen, rows by customer code, zero
// positions left out, default bucket keys). CSV: the same table with amounts in decimal yuan.
import fs from 'node:fs';
import { csvTable } from '../../lib/csv';
import { EXIT, parseCommandArgs, requireDate, requireOption, UsageError, type CliCommand } from '../io';
import { openCliBook } from '../book';
import { ageingColumnsFixed, ageingReportFixed } from '../../services/receivables';
import { writeAgeingJson } from '../output/ageing-json';
import { fenToDecimal } from '../../../shared/money';

export const ageingCommand: CliCommand = async (argv, io) => {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    basis: { type: 'string' },
    format: { type: 'string' },
  });
  const db = requireOption(values.db, 'db');
  const asOf = requireDate(values['as-of'], 'as-of');
  const basis = values.basis ?? 'due';
  if (basis !== 'due' && basis !== 'issue') throw new UsageError(`--basis must be due or issue, got "${basis}"`);
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw new UsageError(`--format must be json or csv, got "${format}"`);
  if (!fs.existsSync(db)) {
    io.err(`creditdesk ageing: book not found: ${db}\n`);
    return EXIT.FAILURE;
  }
  const ctx = await openCliBook(db, { write: false }); // a reader: no book lock
  try {
    if (format === 'json') {
      const bytes = io.outBytes ?? ((b: Uint8Array) => io.out(Buffer.from(b).toString('utf8')));
      writeAgeingJson(await ageingColumnsFixed(ctx, asOf, basis), bytes);
      return EXIT.OK;
    }
    const rep = await ageingReportFixed(ctx, asOf, basis);
    const keys = rep.buckets.map((b) => b.key);
    const fields = ['customer_code', 'customer_name', ...keys, 'unapplied', 'total', 'credit_limit'];
    const data = rep.rows.map((r) => [
      r.customerCode,
      r.customerName,
      ...keys.map((k) => fenToDecimal(r.buckets[k])),
      fenToDecimal(r.unapplied),
      fenToDecimal(r.total),
      fenToDecimal(r.creditLimit),
    ]);
    data.push([
      'TOTAL',
      '',
      ...keys.map((k) => fenToDecimal(rep.totals.buckets[k])),
      fenToDecimal(rep.totals.unapplied),
      fenToDecimal(rep.totals.total),
      '',
    ]);
    io.out(`${csvTable(fields, data, '\n')}\n`);
    return EXIT.OK;
  } finally {
    await ctx.book.close();
  }
};
