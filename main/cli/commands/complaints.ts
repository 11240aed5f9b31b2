// creditdesk complaints --db FILE [--from YYYY-MM-DD --to YYYY-MM-DD] [--format json|csv]
// JSON: {"rows":[{"number","customerCode","receivedOn","type","status","responsibility",
// "compensation","creditNote"}]} — rows by received on, then number; money in integer fen;
// creditNote = the linked (live) claim credit note's number or null. The period filters the
// received-on date. CSV: the same columns, amounts in decimal yuan. Read-only.
import {
  choiceOption,
  bookFound,
  EXIT,
  parseCommandArgs,
  requireDate,
  requireOption,
  UsageError,
  type CliCommand,
} from '../io';
import { csvText } from '../output/csv';
import { openCliBook } from '../book';
import { complaintCliRows } from '../../reports/complaints';
import { fenToDecimal } from '../../../shared/money';

export const complaintsCommand: CliCommand = async (argv, io) => {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
  });
  const db = requireOption(values.db, 'db');
  const from = values.from === undefined ? undefined : requireDate(values.from, 'from');
  const to = values.to === undefined ? undefined : requireDate(values.to, 'to');
  if (from && to && from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const format = choiceOption(values.format, 'format', ['json', 'csv'] as const);
  if (!bookFound(db, 'complaints', io)) return EXIT.FAILURE;
  const ctx = await openCliBook(db, { write: false }); // a reader: no book lock
  try {
    const rows = complaintCliRows(ctx.book, { from, to });
    if (format === 'json') {
      io.out(`${JSON.stringify({ rows }, null, 2)}\n`);
      return EXIT.OK;
    }
    const fields = [
      'number',
      'customer_code',
      'received_on',
      'type',
      'status',
      'responsibility',
      'compensation',
      'credit_note',
    ];
    const data = rows.map((r) => [
      r.number,
      r.customerCode,
      r.receivedOn,
      r.type,
      r.status,
      r.responsibility ?? '',
      fenToDecimal(r.compensation),
      r.creditNote ?? '',
    ]);
    io.out(csvText(fields, data));
    return EXIT.OK;
  } finally {
    await ctx.book.close();
  }
};
