// creditdesk tiers --db FILE --as-of YYYY-MM-DD [--months N] [--format json|csv]
// Prints the value tiers (SPEC §3) as of the date, in rank order; stores nothing.
// JSON: {asOf, months, from, to, rows: [{customerCode, sales, averageMonthly, tier}], counts: {A, B, C}}
// with money in integer fen. CSV: the rows with amounts in decimal yuan.
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
import { tierReport, tierReportFixed } from '../../reports/tiers';
import { writeTierReportJson } from '../output/tiers-json';
import { fenToDecimal } from '../../../shared/money';
import { TIER_MONTHS_MAX, TIER_MONTHS_MIN } from '../../domain/tiers';

export const tiersCommand: CliCommand = async (argv, io) => {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    months: { type: 'string' },
    format: { type: 'string' },
  });
  const db = requireOption(values.db, 'db');
  const asOf = requireDate(values['as-of'], 'as-of');
  const monthsText = values.months ?? '3';
  const months = /^\d+$/.test(monthsText) ? Number(monthsText) : NaN;
  if (!(months >= TIER_MONTHS_MIN && months <= TIER_MONTHS_MAX)) {
    throw new UsageError(`--months must be a whole number ${TIER_MONTHS_MIN}–${TIER_MONTHS_MAX}, got "${monthsText}"`);
  }
  const format = choiceOption(values.format, 'format', ['json', 'csv'] as const);
  if (!bookFound(db, 'tiers', io)) return EXIT.FAILURE;
  const ctx = await openCliBook(db, { write: false }); // a reader: no book lock
  try {
    const report = tierReport(ctx.book, asOf, months);
    if (format === 'json') {
      const bytes = io.outBytes ?? ((b: Uint8Array) => io.out(Buffer.from(b).toString('utf8')));
      writeTierReportJson(report, bytes);
      bytes(Buffer.from('\n'));
      return EXIT.OK;
    }
    const rep = tierReportFixed(report);
    const fields = ['rank', 'customer_code', 'sales', 'average_monthly', 'tier'];
    const data = rep.rows.map((r, i) => [
      i + 1,
      r.customerCode,
      fenToDecimal(r.sales),
      fenToDecimal(r.averageMonthly),
      r.tier,
    ]);
    io.out(csvText(fields, data));
    return EXIT.OK;
  } finally {
    await ctx.book.close();
  }
};
