// Errors of the backup subsystem: an AppError with a machine-readable `problem`, so the UI and
// the CLI can react to each case (ask for the password again, tell the user to plug the stick in).
import { AppError, type ErrorCode } from '../../../shared/result';
import { BACKUP_ACTION_ZH } from '../../../shared/messages/backup-messages';
import {
  renderServerMessage,
  type MessageValues,
  type ServerMessageKey,
} from '../../../shared/messages/server-messages';

export type BackupProblem =
  // a backup file that cannot be verified or restored (bad input: nothing was changed)
  | 'not-found' // no such file
  | 'not-a-backup' // empty, random, a plain SQLite file, ...: not a CreditDesk backup
  | 'incomplete' // a `.partial` file left by an interrupted backup
  | 'unsupported-format' // a future container/manifest format
  | 'truncated' // shorter than its manifest says
  | 'damaged' // extra bytes, bad trailer, authenticated decryption failed with the right password
  | 'manifest-damaged' // manifest unreadable or its checksum does not match
  | 'manifest-swapped' // manifest does not belong to this file (swapped in from another backup)
  | 'checksum' // payload checksum mismatch (flipped bytes)
  | 'password-required' // encrypted, no password given
  | 'wrong-password'
  | 'newer-schema' // written by a newer CreditDesk
  | 'integrity' // SQLite integrity_check not ok
  | 'row-counts' // tables differ from the manifest
  // failures while writing a backup or restoring (exit 1)
  | 'source-damaged' // the book to back up fails its own integrity check
  | 'disk-full'
  | 'target-gone' // target folder or device removed (USB stick pulled)
  | 'target-unwritable'
  | 'book-in-use' // another process holds the book
  | 'io';

const BAD_INPUT: ReadonlySet<BackupProblem> = new Set<BackupProblem>([
  'not-found',
  'not-a-backup',
  'incomplete',
  'unsupported-format',
  'truncated',
  'damaged',
  'manifest-damaged',
  'manifest-swapped',
  'checksum',
  'password-required',
  'wrong-password',
  'newer-schema',
  'integrity',
  'row-counts',
]);

export class BackupError extends AppError {
  readonly problem: BackupProblem;
  constructor(
    problem: BackupProblem,
    message: string,
    // a key is required: every backup failure reads in the user's language (#16)
    opts: { code?: ErrorCode; field?: string; cause?: unknown; key: ServerMessageKey; values?: MessageValues },
  ) {
    const code: ErrorCode =
      opts.code ??
      (BAD_INPUT.has(problem)
        ? 'VALIDATION'
        : problem === 'book-in-use'
          ? 'CONFLICT'
          : problem === 'target-gone'
            ? 'NOT_FOUND'
            : 'INTERNAL');
    super(code, message, {
      field: opts.field ?? (problem === 'password-required' || problem === 'wrong-password' ? 'password' : undefined),
      key: opts.key,
      values: opts.values,
    });
    this.problem = problem;
    if (opts.cause !== undefined) (this as { cause?: unknown }).cause = opts.cause;
  }
  /** True for problems with the given backup file or password (CLI exit 3). */
  get badInput(): boolean {
    return BAD_INPUT.has(this.problem);
  }
}

/** A BackupError whose message is a server message (English text, shown in the user's language). */
export function keyedBackupError(
  problem: BackupProblem,
  key: ServerMessageKey,
  values: MessageValues,
  opts: { code?: ErrorCode; field?: string; cause?: unknown } = {},
): BackupError {
  return new BackupError(problem, renderServerMessage('en', key, values), { ...opts, key, values });
}

/** Turn a file-system error while writing to `where` into a clear BackupError. */
export function ioError(e: unknown, where: string, action: string): BackupError {
  if (e instanceof BackupError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const detail = (e as Error)?.message ?? String(e);
  const step = { where, action, actionZh: BACKUP_ACTION_ZH[action] ?? action };
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return keyedBackupError('disk-full', 'backup_disk_full', step, { cause: e });
    case 'ENOENT':
    case 'EIO':
    case 'ENODEV':
    case 'ENXIO':
    case 'ESTALE':
    case 'ENOTDIR':
      return keyedBackupError('target-gone', 'backup_target_gone', { ...step, code }, { cause: e });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return keyedBackupError('target-unwritable', 'backup_target_unwritable', { ...step, code }, { cause: e });
    default:
      return keyedBackupError('io', 'backup_io_failed', { ...step, detail, code: code ?? '—' }, { cause: e });
  }
}
