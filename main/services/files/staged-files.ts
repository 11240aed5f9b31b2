// Files chosen for an import, known to the renderer only by an opaque one-time token: the
// renderer (untrusted) never names a path, and a big file never crosses IPC as base64 (a 60 MB
// CSV was 80 MB of base64 text plus its 60 MB of bytes in main). The desktop app stages the path
// the user picked in the native open dialog (main/shell); browser mode streams the upload to a
// temporary file (main/serve) and stages that, deleted once used or after STAGED_TTL_MS.
import { serverError } from '../../../shared/messages/server-messages';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface StagedFile {
  token: string;
  fileName: string;
  size: number;
}

interface Entry {
  path: string;
  fileName: string;
  temporary: boolean;
  timer: NodeJS.Timeout;
}

export const STAGED_TTL_MS = 60 * 60 * 1000;

export class StagedFiles {
  private readonly entries = new Map<string, Entry>();

  /** Stages a file; `temporary` ones are deleted when used, dropped or expired. */
  stage(filePath: string, opts: { fileName?: string; temporary?: boolean } = {}): StagedFile {
    const size = fs.statSync(filePath).size;
    const token = crypto.randomBytes(24).toString('base64url');
    const timer = setTimeout(() => this.drop(token), STAGED_TTL_MS);
    timer.unref();
    const fileName = opts.fileName ?? path.basename(filePath);
    this.entries.set(token, { path: filePath, fileName, temporary: opts.temporary ?? false, timer });
    return { token, fileName, size };
  }

  /** Runs `fn` on the staged file once (the token is spent either way). */
  async use<T>(token: string, fn: (file: { path: string; fileName: string }) => Promise<T>): Promise<T> {
    const e = this.take(token);
    if (!e) throw serverError('NOT_FOUND', 'file_gone', {}, { field: 'fileToken', bare: true });
    try {
      if (!fs.existsSync(e.path))
        throw serverError('NOT_FOUND', 'file_moved', { file: e.fileName }, { field: 'fileToken', bare: true });
      return await fn({ path: e.path, fileName: e.fileName });
    } finally {
      if (e.temporary) fs.rmSync(e.path, { force: true });
    }
  }

  drop(token: string): void {
    const e = this.take(token);
    if (e?.temporary) fs.rmSync(e.path, { force: true });
  }

  /** Drops every staged file (browser mode's server closes: its uploads go). */
  clear(): void {
    for (const token of [...this.entries.keys()]) this.drop(token);
  }

  private take(token: string): Entry | undefined {
    const e = this.entries.get(token);
    if (!e) return undefined;
    this.entries.delete(token);
    clearTimeout(e.timer);
    return e;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The process's staged files (one main process, one window). */
export const stagedFiles = new StagedFiles();
