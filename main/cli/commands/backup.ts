// creditdesk backup  --db FILE --to DIR [--password-file F]
// creditdesk verify  BACKUP [--password-file F]
// creditdesk restore BACKUP --db FILE [--password-file F]
//
// Exit codes (DESIGN.md): 0 done; 2 usage error;
// 3 bad input — for verify/restore: the backup file is missing, damaged, truncated, foreign,
//   from a newer CreditDesk, or the password is missing/wrong; for backup: the book is missing.
//   Nothing was changed.
// 1 failure — the operation could not be done (target disk full or removed, book in use by
//   another process, I/O error).
import {
  localizedErrorMessage,
  renderServerMessage,
  type MessageValues,
  type ServerMessageKey,
} from '../../../shared/messages/server-messages';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { EXIT, UsageError, parseCommandArgs, requireOption, type CliCommand, type CliIo } from '../io';
import { errorLines } from '../error-lines';
import { BackupError, type BackupManifest } from '../../db/backup';
import { backupBookFile, restoreBookFile, verifyBackupFile } from '../../services/backup/book-file';

export interface BackupCommandDeps {
  /** Schema version this app understands (default: the app's migrations). */
  maxSchemaVersion?: number;
  /** Check the image against the app's migrations (default true; the format's tests use synthetic books). */
  appSchema?: boolean;
  appVersion?: string;
  now?: () => Date;
  /** scrypt cost (tests use a cheap one). */
  kdf?: { N: number; r: number; p: number };
}

/** A bad password file: its sentence in the user's language (#16). */
class BadInput extends Error {
  constructor(
    readonly key: ServerMessageKey,
    readonly values: MessageValues,
  ) {
    super(renderServerMessage('en', key, values));
  }
}

async function readPasswordFile(file: string | undefined): Promise<string | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new BadInput('backup_password_file_unreadable', { file, code });
  }
  const pw = text.replace(/^\uFEFF/, '').replace(/\r?\n$/, '');
  if (pw === '') throw new BadInput('backup_password_file_empty', { file });
  return pw;
}

function fail(io: CliIo, cmd: string, e: unknown): number {
  if (e instanceof UsageError) throw e; // runCli prints the usage (exit 2)
  if (e instanceof BadInput) {
    io.err(`creditdesk ${cmd}: ${io.lang ? localizedErrorMessage(io.lang, e) : e.message}\n`);
    return EXIT.BAD_INPUT;
  }
  if (e instanceof BackupError) {
    // in the user's language (runCli sets it: zh-CN unless --lang en); every backup error has a key
    io.err(`creditdesk ${cmd}: ${io.lang ? localizedErrorMessage(io.lang, e) : e.message}\n`);
    return e.badInput ? EXIT.BAD_INPUT : EXIT.FAILURE;
  }
  if (e instanceof AppError) {
    io.err(errorLines(io, `creditdesk ${cmd}`, e));
    return e.code === 'VALIDATION' || e.code === 'NOT_FOUND' ? EXIT.BAD_INPUT : EXIT.FAILURE;
  }
  io.err(`creditdesk ${cmd}: ${(e as Error)?.message ?? String(e)}\n`);
  return EXIT.FAILURE;
}

function summary(m: BackupManifest): string {
  const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
  return [
    `  company:   ${m.company}`,
    `  created:   ${m.createdAt}`,
    `  app:       CreditDesk ${m.appVersion}, schema ${m.schemaVersion}`,
    `  encrypted: ${m.encrypted ? 'yes' : 'no'}`,
    `  size:      ${m.payloadBytes} bytes, sha256 ${m.sha256}`,
    `  tables:    ${Object.keys(m.tables).length}, ${rows} rows`,
    '',
  ].join('\n');
}

export function makeBackupCommands(deps: BackupCommandDeps = {}): {
  backup: CliCommand;
  verify: CliCommand;
  restore: CliCommand;
} {
  const opts = (password: string | undefined) => ({ ...deps, password, now: deps.now?.() });

  const backup: CliCommand = async (argv, io) => {
    const { values } = parseCommandArgs(argv, {
      db: { type: 'string' },
      to: { type: 'string' },
      'password-file': { type: 'string' },
    });
    const dbPath = path.resolve(requireOption(values.db, 'db'));
    const toDir = path.resolve(requireOption(values.to, 'to'));
    try {
      const password = await readPasswordFile(values['password-file']);
      const { file, manifest } = await backupBookFile(dbPath, toDir, opts(password));
      io.out(`${file}\n`);
      io.out(`backup written and verified:\n${summary(manifest)}`);
      return EXIT.OK;
    } catch (e) {
      return fail(io, 'backup', e);
    }
  };

  const verify: CliCommand = async (argv, io) => {
    const { values, positionals } = parseCommandArgs(
      argv,
      { 'password-file': { type: 'string' } },
      { positionals: true },
    );
    if (positionals.length !== 1) throw new UsageError('verify takes exactly one BACKUP file');
    const file = path.resolve(positionals[0]);
    try {
      const password = await readPasswordFile(values['password-file']);
      const { manifest } = await verifyBackupFile(file, opts(password));
      io.out(`ok: ${file} is an intact CreditDesk backup\n${summary(manifest)}`);
      return EXIT.OK;
    } catch (e) {
      return fail(io, 'verify', e);
    }
  };

  const restore: CliCommand = async (argv, io) => {
    const { values, positionals } = parseCommandArgs(
      argv,
      { db: { type: 'string' }, 'password-file': { type: 'string' } },
      { positionals: true },
    );
    if (positionals.length !== 1) throw new UsageError('restore takes exactly one BACKUP file');
    const dbPath = path.resolve(requireOption(values.db, 'db'));
    const file = path.resolve(positionals[0]);
    try {
      const password = await readPasswordFile(values['password-file']);
      const r = await restoreBookFile(file, dbPath, opts(password));
      io.out(`restored ${dbPath} from ${r.restoredFrom}\n`);
      if (r.savedAside) io.out(`the previous book was saved as ${r.savedAside}\n`);
      io.out(summary(r.manifest));
      return EXIT.OK;
    } catch (e) {
      return fail(io, 'restore', e);
    }
  };

  return { backup, verify, restore };
}

const defaults = makeBackupCommands();
export const backupCommand: CliCommand = defaults.backup;
export const verifyCommand: CliCommand = defaults.verify;
export const restoreCommand: CliCommand = defaults.restore;
