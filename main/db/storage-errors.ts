// SQLite failures that are about the disk, not the data, told in words the bookkeeper can act
// on. A full disk during a transaction makes SQLite roll back by itself, so the library's own
// ROLLBACK then fails with "cannot rollback - no transaction is active", which used to be the
// only thing the user saw. Either way nothing was saved: the transaction was undone.
import { serverError } from '../../shared/messages/server-messages';
import { AppError } from '../../shared/result';

export const DISK_FULL_MESSAGE = 'the disk is full — nothing was saved';
export const READ_ONLY_MESSAGE = 'this book is on a read-only disk: open it read-only or copy it to your PC';

function codeOf(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
    ? (e as { code: string }).code
    : '';
}

/** An AppError for disk-level SQLite errors (full, read-only, I/O), or null for anything else. */
export function storageError(e: unknown): AppError | null {
  const code = codeOf(e);
  const message = e instanceof Error ? e.message : String(e);
  if (
    code === 'SQLITE_FULL' ||
    code === 'ENOSPC' ||
    /database or disk is full|cannot rollback - no transaction is active/.test(message)
  ) {
    return serverError('INTERNAL', 'disk_full');
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return serverError('FORBIDDEN', 'book_read_only');
  if (code.startsWith('SQLITE_IOERR')) return serverError('INTERNAL', 'disk_write_failed', { code });
  return null;
}
