// Command-line plumbing shared by every `creditdesk` command.
import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { localizedErrorMessage } from '../../shared/messages/server-messages';
import type { AppError } from '../../shared/result';
import { rowMessageText } from './row-messages';
import { UsageError, type CliIo } from './io-basics';

export { EXIT, processIo, takeLangOption, UsageError, type CliCommand, type CliIo } from './io-basics';

/** An AppError's lines for the terminal, in the user's language (rows: spreadsheet row, field, message). */
export function errorLines(io: CliIo, prefix: string, e: AppError, fileName?: string): string {
  const zh = (io.lang ?? 'zh-CN') === 'zh-CN';
  let text = `${prefix}: ${localizedErrorMessage(io.lang ?? 'zh-CN', e)}\n`;
  for (const r of e.rows ?? []) {
    const where = zh
      ? `${fileName ? `${fileName} ` : ''}第 ${r.row} 行，${r.field}`
      : `${fileName ? `${fileName} ` : ''}row ${r.row}, ${r.field}`;
    // a bare message key (customer_gross_limit) is rendered in English too; English sentences stay as they are
    const shown =
      zh || /^[a-z_]+$/.test(r.message) ? rowMessageText(zh ? 'zh-CN' : 'en', r.message, r.values) : r.message;
    text += `  ${where}: ${shown}\n`;
  }
  return text;
}

/** parseArgs that turns unknown/missing options into UsageError (exit 2). */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  opts: { positionals?: boolean } = {},
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: opts.positionals ?? false, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function requireOption(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new UsageError(`missing required option --${name}`);
  return value;
}

export function requireDate(value: string | undefined, name: string): string {
  const v = requireOption(value, name);
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(v) ||
    Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ||
    new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v
  ) {
    throw new UsageError(`--${name} must be a date YYYY-MM-DD, got "${v}"`);
  }
  return v;
}

/** `--name` is one of `allowed` (the first when absent, unless another fallback is given). */
export function choiceOption<T extends string>(
  value: string | undefined,
  name: string,
  allowed: readonly T[],
  fallback: T = allowed[0],
): T {
  const v = (value ?? fallback) as T;
  if (!allowed.includes(v)) throw new UsageError(`--${name} must be ${allowed.join(' or ')}, got "${v}"`);
  return v;
}

/** Says "book not found" the way every command does, and whether the book is there. */
export function bookFound(db: string, command: string, io: CliIo): boolean {
  if (fs.existsSync(db)) return true;
  io.err(`creditdesk ${command}: book not found: ${db}\n`);
  return false;
}
