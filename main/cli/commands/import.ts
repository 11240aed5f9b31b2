// creditdesk import --db FILE customers|invoices|receipts FILE.csv|FILE.xlsx
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { EXIT, parseCommandArgs, requireOption, UsageError, type CliCommand } from '../io';
import { errorLines } from '../error-lines';
import { openCliBook } from '../book';
import { importCustomers } from '../../services/customers';
import { importInvoices, importReceipts } from '../../services/receivables';
import { importPromises } from '../../services/collections/import-promises';
import type { ServiceContext } from '../../services/context';
import type { ImportSummary } from '../../../shared/types';

export type Importer = (
  ctx: ServiceContext,
  fileName: string,
  file: string,
) => Promise<ImportSummary | Record<string, number>>;

/** Import kinds; receivables adds invoices and receipts (read from disk a chunk at a time). */
export const IMPORTERS: Record<string, Importer> = {
  customers: (ctx, name, file) => importCustomers(ctx, name, { path: file }),
  invoices: (ctx, name, file) => importInvoices(ctx, name, { path: file }),
  receipts: (ctx, name, file) => importReceipts(ctx, name, { path: file }),
  promises: (ctx, name, file) => importPromises(ctx, name, { path: file }),
};

export const importCommand: CliCommand = async (argv, io) => {
  const { values, positionals } = parseCommandArgs(
    argv,
    { db: { type: 'string' }, 'open-anyway': { type: 'boolean' } },
    { positionals: true },
  );
  const db = requireOption(values.db, 'db');
  const [kind, file] = positionals;
  if (!kind || !file || positionals.length > 2)
    throw new UsageError('expected: import --db FILE customers|invoices|receipts|promises FILE.csv|FILE.xlsx');
  const importer = IMPORTERS[kind];
  if (!importer) throw new UsageError(`unknown import kind "${kind}" (customers, invoices, receipts, promises)`);
  if (!fs.existsSync(file)) {
    io.err(`creditdesk import: ${file}: file not found\n`);
    return EXIT.BAD_INPUT;
  }
  if (!fs.existsSync(db)) {
    io.err(`creditdesk import: book not found: ${db} (create it with creditdesk init)\n`);
    return EXIT.FAILURE;
  }
  const ctx = await openCliBook(db, { openAnyway: values['open-anyway'] });
  try {
    const summary = await importer(ctx, path.basename(file), file);
    io.out(`${JSON.stringify({ kind, file: path.basename(file), ...summary })}\n`);
    return EXIT.OK;
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION') {
      io.err(errorLines(io, `creditdesk import: ${file}`, e, path.basename(file)));
      return EXIT.BAD_INPUT;
    }
    throw e;
  } finally {
    await ctx.book.close();
  }
};
