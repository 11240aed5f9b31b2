// Paths for books and backups that a native dialog chose (#15 item 10f). In the desktop app the
// renderer is untrusted: it may not name an arbitrary absolute path to books:open, books:create
// or backup:create. The shell's dialog (main/shell/path-dialogs.ts) stages the path the user
// picked here and the page gets an opaque, one-time token for the channel; main turns the token
// back into the path. Browser mode has no native dialog: there the user types the path and the
// channels keep taking it (the server is reachable only with its per-run token).
import crypto from 'node:crypto';
import path from 'node:path';
import { serverError } from '../../../shared/messages/server-messages';

/** What the dialog was opened for: a token only works for the channel it was chosen for. */
export type PathPurpose = 'book-open' | 'book-create' | 'backup-dir' | 'backup-file';

interface Entry {
  path: string;
  purpose: PathPurpose;
  timer: NodeJS.Timeout;
}

export const STAGED_PATH_TTL_MS = 30 * 60 * 1000;

export class StagedPaths {
  private readonly entries = new Map<string, Entry>();

  stage(chosen: string, purpose: PathPurpose): { token: string; name: string; path: string } {
    const token = crypto.randomBytes(24).toString('base64url');
    const timer = setTimeout(() => this.entries.delete(token), STAGED_PATH_TTL_MS);
    timer.unref();
    const abs = path.resolve(chosen);
    this.entries.set(token, { path: abs, purpose, timer });
    return { token, name: path.basename(abs), path: abs };
  }

  /** The staged path (the token is spent); refused when unknown, expired or for another purpose. */
  take(token: string, purpose: PathPurpose, field: string): string {
    const e = this.entry(token, purpose, field);
    this.entries.delete(token);
    clearTimeout(e.timer);
    return e.path;
  }

  /** The staged path, the token kept: a backup file is inspected (maybe more than once, e.g. to
   *  try a password) before the restore spends the token. */
  peek(token: string, purpose: PathPurpose, field: string): string {
    return this.entry(token, purpose, field).path;
  }

  private entry(token: string, purpose: PathPurpose, field: string): Entry {
    const e = this.entries.get(token);
    if (!e || e.purpose !== purpose) throw serverError('NOT_FOUND', 'path_token_gone', {}, { field, bare: true });
    return e;
  }
}

/** The process's staged paths (one main process, one window). */
export const stagedPaths = new StagedPaths();
