// Where books:open / books:create / backup:create / backup:inspect / backup:restore get their path (#15 item 10f). The desktop
// renderer is untrusted, so there a path must come from main: a token staged by the native
// dialog (main/services/files/staged-paths.ts), or — for backups — one of the folders main itself
// lists (USB drives, recent targets, the default and USB settings). Browser mode has no native
// dialog and keeps typed paths.
import path from 'node:path';
import { serverError } from '../../shared/messages/server-messages';
import type { Desk } from '../app/desk';
import { stagedPaths, type PathPurpose } from '../services/files/staged-paths';

export function bookPathFrom(desk: Desk, input: { path?: string; pathToken?: string }, purpose: PathPurpose): string {
  if (input.pathToken !== undefined) return stagedPaths.take(input.pathToken, purpose, 'path');
  if (desk.mode === 'electron') throw serverError('FORBIDDEN', 'path_needs_dialog', {}, { field: 'path', bare: true });
  return input.path!;
}

export async function backupDirFrom(desk: Desk, input: { dir?: string; dirToken?: string }): Promise<string> {
  if (input.dirToken !== undefined) return stagedPaths.take(input.dirToken, 'backup-dir', 'dir');
  const dir = input.dir!;
  if (desk.mode !== 'electron') return dir;
  const offered = await desk.backup.offeredDirs();
  if (!offered.has(path.resolve(dir)))
    throw serverError('FORBIDDEN', 'path_needs_dialog', {}, { field: 'dir', bare: true });
  return dir;
}

/** The backup file for backup:inspect (peeks: the token stays for the restore that follows) and
 *  backup:restore (spends it). In the desktop app a typed file is accepted only when main itself
 *  wrote it (a successful backup in the history: the page's "recent backups"). */
export function backupFileFrom(
  desk: Desk,
  input: { file?: string; fileToken?: string },
  use: 'inspect' | 'restore',
): string {
  if (input.fileToken !== undefined)
    return use === 'inspect'
      ? stagedPaths.peek(input.fileToken, 'backup-file', 'file')
      : stagedPaths.take(input.fileToken, 'backup-file', 'file');
  const file = input.file!;
  if (desk.mode !== 'electron') return file;
  if (!desk.backup.writtenFiles().has(path.resolve(file)))
    throw serverError('FORBIDDEN', 'path_needs_dialog', {}, { field: 'file', bare: true });
  return file;
}

/** The automatic backup's USB folder: in the desktop app, a folder main offers (a drive, a recent
 *  target, the default, or the one already set); a typed one would let the page aim backups anywhere. */
export async function assertOfferedUsbTarget(desk: Desk, usbTarget: string | null | undefined): Promise<void> {
  if (desk.mode !== 'electron' || !usbTarget) return;
  const offered = await desk.backup.offeredDirs();
  if (!offered.has(path.resolve(usbTarget)))
    throw serverError('FORBIDDEN', 'path_needs_dialog', {}, { field: 'usbTarget', bare: true });
}
