// creditdesk statement --db FILE --customer CODE --from YYYY-MM-DD --to YYYY-MM-DD [--format html|json] --out FILE
// json: the fixed shape of DESIGN.md (money in integer fen) plus a few extra fields; html: the
// print-ready statement page (A4, bundled CJK font by file URL). Exit 2 for usage (missing
// options, bad dates, from after to), 3 for an unknown customer code, 1 when the book is missing.
import fs from 'node:fs';
import path from 'node:path';
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
import { openCliBook } from '../book';
import { AppError } from '../../../shared/result';
import { statementData, statementHtmlFor, statementJson } from '../../services/statements';

export const statementCommand: CliCommand = async (argv, io) => {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    customer: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
  });
  const db = requireOption(values.db, 'db');
  const customer = requireOption(values.customer, 'customer');
  const from = requireDate(values.from, 'from');
  const to = requireDate(values.to, 'to');
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const format = choiceOption(values.format, 'format', ['html', 'json'] as const, 'json');
  const lang = choiceOption(values.lang, 'lang', ['zh-CN', 'en'] as const);
  const out = values.out; // DESIGN: stdout unless --out
  if (!bookFound(db, 'statement', io)) return EXIT.FAILURE;
  const ctx = await openCliBook(db, { write: false }); // a reader: no book lock
  try {
    let text: string;
    try {
      if (format === 'json') {
        text = `${JSON.stringify(statementJson(await statementData(ctx, { customerCode: customer, from, to })), null, 2)}\n`;
      } else {
        // Running the command is the confirmation; a confidential customer's print is audit-logged.
        text = (
          await statementHtmlFor(ctx, { customerCode: customer, from, to, lang, confirmed: true, fonts: 'bundled' })
        ).html;
      }
    } catch (e) {
      if (e instanceof AppError && e.code === 'NOT_FOUND') {
        io.err(`creditdesk statement: --customer: no customer with code "${customer}" in ${db}\n`);
        return EXIT.BAD_INPUT;
      }
      throw e;
    }
    if (!out) {
      io.out(text);
      return EXIT.OK;
    }
    const target = path.resolve(out);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(`${target}.partial`, text, 'utf8');
    fs.renameSync(`${target}.partial`, target);
    return EXIT.OK;
  } finally {
    await ctx.book.close();
  }
};
