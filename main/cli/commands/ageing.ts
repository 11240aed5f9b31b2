// creditdesk ageing --db FILE --as-of YYYY-MM-DD [--basis due|issue] [--format json|csv]
// JSON is the fixed shape of DESIGN.md (money in integer fen, rows by customer code, zero
// positions left out, default bucket keys). CSV: the same table with amounts in decimal yuan.
// A current book is read through ../ageing-reader.ts (the computation alone, on a read-only
// connection); any other goes through the app's opener, which migrates or refuses it.
import { csvTable } from '../../lib/csv';
import {
  choiceOption,
  bookFound,
  EXIT,
  parseCommandArgs,
  requireDate,
  requireOption,
  type CliCommand,
  type CliIo,
} from '../io';
import { ageingColumnsOf, openCurrentBookReader } from '../ageing-reader';
import { rowAt, type AgeingColumns } from '../../reports/ageing';
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
  const basis = choiceOption(values.basis, 'basis', ['due', 'issue'] as const);
  const format = choiceOption(values.format, 'format', ['json', 'csv'] as const);
  if (!bookFound(db, 'ageing', io)) return EXIT.FAILURE;
  const { columns, quoted } = await ageingColumns(db, asOf, basis, format);
  if (format === 'json') {
    const bytes = io.outBytes ?? ((b: Uint8Array) => io.out(Buffer.from(b).toString('utf8')));
    writeAgeingJson(columns, bytes, quoted);
  } else writeAgeingCsv(columns, io);
  return EXIT.OK;
};

async function ageingColumns(
  db: string,
  asOf: string,
  basis: 'due' | 'issue',
  format: 'json' | 'csv',
): Promise<ReturnType<typeof ageingColumnsOf>> {
  const sqlite = openCurrentBookReader(db);
  if (sqlite) {
    try {
      return ageingColumnsOf(sqlite, asOf, basis, format);
    } finally {
      sqlite.close();
    }
  }
  const { openCliBook } = await import('../book');
  const { ageingColumnsFixed } = await import('../../services/receivables');
  const ctx = await openCliBook(db, { write: false }); // a reader: no book lock
  try {
    return { columns: await ageingColumnsFixed(ctx, asOf, basis) };
  } finally {
    await ctx.book.close();
  }
}

/** The CSV table (amounts in decimal yuan) and its TOTAL line, from the report's columns. */
function writeAgeingCsv(c: AgeingColumns, io: CliIo): void {
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
