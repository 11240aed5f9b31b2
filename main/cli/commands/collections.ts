// creditdesk promises --db FILE --as-of D [--format json|csv]
// creditdesk dunning  --db FILE --as-of D [--format json|csv] [--level N --letters DIR]
// creditdesk calendar --db FILE --from D1 --to D2 [--as-of D] [--format json|ics]
// Fixed JSON shapes (issue #13): money in fen, dates YYYY-MM-DD, rows in the stated order.
// CSV: the same rows with amounts in decimal yuan. Read-only, except that letters are files
// and each letter is recorded as sent (a collection record).
import {
  bookFound,
  choiceOption,
  EXIT,
  parseCommandArgs,
  requireDate,
  requireOption,
  UsageError,
  type CliCommand,
  type CliIo,
} from '../io';
import { withCliBook } from '../book';
import { csvText } from '../output/csv';
import { fenToDecimal } from '../../../shared/money';
import type { ServiceContext } from '../../services/context';
import { collectionCalendar, dunningReport, promiseReport } from '../../services/collections';

/** The book's report, when the book is there; the book is opened for writing only when asked. */
async function withBook(
  db: string,
  name: string,
  io: CliIo,
  fn: (ctx: ServiceContext) => Promise<number>,
  write = false,
): Promise<number> {
  return bookFound(db, name, io) ? withCliBook(db, fn, { write }) : EXIT.FAILURE;
}

export const promisesCommand: CliCommand = async (argv, io) => {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
  });
  const db = requireOption(values.db, 'db');
  const asOf = requireDate(values['as-of'], 'as-of');
  const fmt = choiceOption(values.format, 'format', ['json', 'csv'] as const);
  return withBook(db, 'promises', io, async (ctx) => {
    const rep = await promiseReport(ctx, { asOf });
    const rows = rep.rows.map((r) => ({
      customerCode: r.customerCode,
      madeOn: r.madeOn,
      promisedOn: r.promisedOn,
      amount: r.amount,
      received: r.received,
      status: r.status,
    }));
    if (fmt === 'json') io.out(`${JSON.stringify({ asOf, rows }, null, 2)}\n`);
    else
      io.out(
        csvText(
          ['customer_code', 'made_on', 'promised_on', 'amount', 'received', 'status'],
          rows.map((r) => [
            r.customerCode,
            r.madeOn,
            r.promisedOn,
            fenToDecimal(r.amount),
            fenToDecimal(r.received),
            r.status,
          ]),
        ),
      );
    return EXIT.OK;
  });
};

export const dunningCommand: CliCommand = async (argv, io) => {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
    level: { type: 'string' },
    letters: { type: 'string' },
  });
  const db = requireOption(values.db, 'db');
  const asOf = requireDate(values['as-of'], 'as-of');
  const fmt = choiceOption(values.format, 'format', ['json', 'csv'] as const);
  if ((values.level === undefined) !== (values.letters === undefined))
    throw new UsageError('--level N and --letters DIR go together');
  let level: number | null = null;
  if (values.level !== undefined) {
    if (!/^\d+$/.test(values.level) || Number(values.level) < 1)
      throw new UsageError(`--level must be a ladder level 1, 2, ..., got "${values.level}"`);
    level = Number(values.level);
  }
  return withBook(
    db,
    'dunning',
    io,
    async (ctx) => {
      const rep = await dunningReport(ctx, { asOf });
      if (level !== null && values.letters) {
        const { printDunningLetters } = await import('../../services/collections/letters');
        const run = await printDunningLetters(ctx, {
          asOf,
          level,
          dir: values.letters,
          output: 'per_customer',
          rows: rep.rows,
        });
        io.err(`creditdesk dunning: ${run.produced} letter(s) at level ${level} written to ${values.letters}\n`);
      }
      const rows = rep.rows.map((r) => ({
        customerCode: r.customerCode,
        daysOverdue: r.daysOverdue,
        overdue: r.overdue,
        level: r.level,
        paused: r.paused,
      }));
      if (fmt === 'json') io.out(`${JSON.stringify({ asOf, rows }, null, 2)}\n`);
      else
        io.out(
          csvText(
            ['customer_code', 'days_overdue', 'overdue', 'level', 'paused'],
            rows.map((r) => [r.customerCode, r.daysOverdue, fenToDecimal(r.overdue), r.level ?? '', r.paused]),
          ),
        );
      return EXIT.OK;
    },
    level !== null,
  );
};

export const calendarCommand: CliCommand = async (argv, io) => {
  const { values } = parseCommandArgs(argv, {
    db: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    'as-of': { type: 'string' },
    format: { type: 'string' },
  });
  const db = requireOption(values.db, 'db');
  const from = requireDate(values.from, 'from');
  const to = requireDate(values.to, 'to');
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const asOf = values['as-of'] === undefined ? undefined : requireDate(values['as-of'], 'as-of');
  const fmt = choiceOption(values.format, 'format', ['json', 'ics'] as const);
  return withBook(db, 'calendar', io, async (ctx) => {
    const rep = await collectionCalendar(ctx, { from, to, asOf });
    if (fmt === 'ics') {
      const { calendarIcs } = await import('../../reports/calendar/ics');
      io.out(calendarIcs(rep, { lang: 'zh-CN' }));
      return EXIT.OK;
    }
    const days = rep.days.map((d) => ({
      date: d.date,
      due: d.due,
      items: d.items.map((i) => ({
        kind: i.kind,
        customerCode: i.customerCode,
        customerName: i.customerName,
        ...(i.amount !== undefined ? { amount: i.amount } : {}),
        ...(i.status !== undefined ? { status: i.status } : {}),
        ...(i.label !== undefined ? { label: i.label } : {}),
        ...(i.refId !== undefined ? { refId: i.refId } : {}),
        done: i.done ?? false,
      })),
    }));
    io.out(`${JSON.stringify({ from: rep.from, to: rep.to, asOf: rep.asOf, days }, null, 2)}\n`);
    return EXIT.OK;
  });
};
