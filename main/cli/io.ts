// Command-line plumbing shared by every `creditdesk` command.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Exit codes are a fixed interface (DESIGN.md). */
export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2, BAD_INPUT: 3 } as const;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

export class UsageError extends Error {}

export type CliCommand = (argv: string[], io: CliIo) => Promise<number>;

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
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`)) || new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v) {
    throw new UsageError(`--${name} must be a date YYYY-MM-DD, got "${v}"`);
  }
  return v;
}
