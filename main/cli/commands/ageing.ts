// creditdesk ageing --db FILE --as-of YYYY-MM-DD [--basis due|issue] [--format json|csv]
// JSON is the fixed shape of DESIGN.md (money in integer fen, rows by customer code, zero
// positions left out, default bucket keys). CSV: the same table with amounts in decimal yuan.
// JSON is written from bytes (output/ageing-json.ts); CSV loads its writer only when asked for.
// A current book is read through ../ageing-reader.ts (the computation alone, on a read-only
// connection); any other goes through the app's opener, which migrates or refuses it.
import { choiceOption, bookFound, EXIT, parseCommandArgs, requireDate, requireOption, type CliCommand } from '../io';
import { ageingColumnsOf, openCurrentBookReader } from '../ageing-reader';
import { writeAgeingJson } from '../output/ageing-json';

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
  } else {
    const { writeAgeingCsv } = await import('../output/ageing-csv'); // papaparse: only for CSV
    writeAgeingCsv(columns, io);
  }
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
