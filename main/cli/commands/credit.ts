// creditdesk credit --db FILE --as-of YYYY-MM-DD [--format json|csv]
// JSON: {"asOf","rows":[{customerCode, rating, creditClass, creditLimit, exposure, available,
// utilisationBp, nextReviewDue, onHold}]} — money in integer fen, rows by customer code, null
// where there is no value (no limit → creditLimit, available and utilisationBp are null).
// CSV: the same columns with money in decimal yuan. A read-only command: the book is unchanged.
import { choiceOption, bookFound, EXIT, parseCommandArgs, requireDate, requireOption, type CliCommand } from '../io';
import { csvText } from '../output/csv';
import { openCliBook } from '../book';
import { creditPositionReport } from '../../reports/credit';
import { fenToDecimal } from '../../../shared/money';

export const creditCommand: CliCommand = async (argv, io) => {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
  });
  const db = requireOption(values.db, 'db');
  const asOf = requireDate(values['as-of'], 'as-of');
  const format = choiceOption(values.format, 'format', ['json', 'csv'] as const);
  if (!bookFound(db, 'credit', io)) return EXIT.FAILURE;
  const ctx = await openCliBook(db, { write: false }); // a reader: no book lock
  try {
    const rep = creditPositionReport(ctx.book.sqlite, asOf);
    if (format === 'json') {
      io.out(`${JSON.stringify(rep, null, 2)}\n`);
      return EXIT.OK;
    }
    const money = (v: number | null) => (v === null ? '' : fenToDecimal(v));
    const fields = [
      'customer_code',
      'rating',
      'credit_class',
      'credit_limit',
      'exposure',
      'available',
      'utilisation_bp',
      'next_review_due',
      'on_hold',
    ];
    const data = rep.rows.map((r) => [
      r.customerCode,
      r.rating ?? '',
      r.creditClass ?? '',
      money(r.creditLimit),
      money(r.exposure),
      money(r.available),
      r.utilisationBp ?? '',
      r.nextReviewDue ?? '',
      r.onHold ? 'true' : 'false',
    ]);
    io.out(csvText(fields, data));
    return EXIT.OK;
  } finally {
    await ctx.book.close();
  }
};
