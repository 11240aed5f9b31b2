// Command-line plumbing shared by every `creditdesk` command: options and the book's presence.
// No message catalogues here (error-lines.ts has them): a command that succeeds never loads them.
import fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type CliIo } from './io-basics';

export { EXIT, processIo, takeLangOption, UsageError, type CliCommand, type CliIo } from './io-basics';

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
