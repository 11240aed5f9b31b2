// What the desktop's native-dialog channels do, apart from Electron (#15): the dialog functions
// are injected, so tests drive every handler under plain Node. path-dialogs.ts binds them to
// Electron's `dialog` and `ipcMain`. The page is untrusted: nothing answers a sender that is
// not the app's own page; a cancelled dialog stages nothing; what the page suggests (a PDF's
// name, a folder to start in) is only a suggestion and cannot aim outside what the user picks.
import fs from 'node:fs';
import path from 'node:path';
import { SHELL_CHANNELS, type StagedPathOut } from '../../shared/ipc/shell';
import type { StagedFileOut } from '../../shared/ipc/files';
import type { PathPurpose, StagedPaths } from '../services/files/staged-paths';
import type { StagedFiles } from '../services/files/staged-files';

/** The parts of Electron's dialog options these handlers use (a subset, assignable to Electron's). */
export interface OpenOptions {
  properties: ('openFile' | 'openDirectory' | 'createDirectory')[];
  filters?: { name: string; extensions: string[] }[];
  defaultPath?: string;
}
export interface SaveOptions {
  filters: { name: string; extensions: string[] }[];
  defaultPath?: string;
}

/** One dialog request as main sees it: who asked, and the native dialogs of the asking window. */
export interface DialogCall {
  senderUrl: string;
  showOpenDialog(options: OpenOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
  showSaveDialog(options: SaveOptions): Promise<{ canceled: boolean; filePath?: string }>;
  /** The asking page as A4 PDF (Electron's webContents.printToPDF). */
  printToPdf(): Promise<Uint8Array>;
}

export interface DialogDeps {
  isTrustedSender(url: string): boolean;
  stagedPaths: StagedPaths;
  stagedFiles: StagedFiles;
}

export type DialogHandler = (call: DialogCall, arg: unknown) => Promise<unknown>;

export const BOOK_EXTENSION = 'creditdesk';
export const BACKUP_EXTENSION = 'cdbak';
const BOOK_FILTERS = [{ name: 'CreditDesk', extensions: [BOOK_EXTENSION] }];

/** `file` with `.ext` added unless it already ends so (a GTK save dialog keeps what was typed). */
export function withExtension(file: string, ext: string): string {
  return file.toLowerCase().endsWith(`.${ext}`) ? file : `${file}.${ext}`;
}

/** The page's suggested PDF name as a plain file name: no folders, no control characters. */
export function suggestedPdfName(suggested: unknown): string {
  const raw = typeof suggested === 'string' ? suggested : '';
  const base = path
    .basename(raw.replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  return withExtension(base && base !== '.' && base !== '..' ? base : 'CreditDesk', 'pdf');
}

async function pickOne(call: DialogCall, options: OpenOptions): Promise<string | null> {
  const r = await call.showOpenDialog(options);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}

async function pickSave(call: DialogCall, options: SaveOptions): Promise<string | null> {
  const r = await call.showSaveDialog(options);
  return r.canceled || !r.filePath ? null : r.filePath;
}

export function dialogHandlers(deps: DialogDeps): Record<string, DialogHandler> {
  const staged = (p: string | null, purpose: PathPurpose): StagedPathOut | null =>
    p ? deps.stagedPaths.stage(p, purpose) : null;
  const handlers: Record<string, DialogHandler> = {
    [SHELL_CHANNELS.chooseBookToOpen]: async (call) =>
      staged(
        await pickOne(call, {
          properties: ['openFile'],
          filters: [{ name: 'CreditDesk', extensions: [BOOK_EXTENSION, 'db', 'sqlite'] }],
        }),
        'book-open',
      ),
    [SHELL_CHANNELS.chooseNewBook]: async (call) => {
      const p = await pickSave(call, { filters: BOOK_FILTERS });
      return staged(p && withExtension(p, BOOK_EXTENSION), 'book-create');
    },
    [SHELL_CHANNELS.chooseBackupDir]: async (call) =>
      staged(await pickOne(call, { properties: ['openDirectory', 'createDirectory'] }), 'backup-dir'),
    [SHELL_CHANNELS.chooseBackupFile]: async (call) =>
      staged(
        await pickOne(call, {
          properties: ['openFile'],
          filters: [{ name: 'CreditDesk backup', extensions: [BACKUP_EXTENSION] }],
        }),
        'backup-file',
      ),
    // an import file is staged in main; the page gets a token, never the path
    [SHELL_CHANNELS.chooseImportFile]: async (call): Promise<StagedFileOut | null> => {
      const p = await pickOne(call, {
        properties: ['openFile'],
        filters: [{ name: 'CSV / Excel', extensions: ['csv', 'xlsx'] }],
      });
      if (!p || !isFile(p)) return null;
      return deps.stagedFiles.stage(p);
    },
    // a folder for generated files (dunning letters): the path goes back to the page, which hands
    // it to the letters channel (validated there like any typed path); the page's start folder is
    // used only when it is an absolute path
    [SHELL_CHANNELS.chooseFolder]: async (call, defaultPath) =>
      pickOne(call, {
        properties: ['openDirectory', 'createDirectory'],
        ...(typeof defaultPath === 'string' && path.isAbsolute(defaultPath) ? { defaultPath } : {}),
      }),
    [SHELL_CHANNELS.printToPdf]: async (call, suggestedName) => {
      const p = await pickSave(call, {
        defaultPath: suggestedPdfName(suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (!p) return null;
      const file = withExtension(p, 'pdf');
      fs.writeFileSync(file, await call.printToPdf());
      return file;
    },
  };
  // nothing answers (and no dialog opens for) a page that is not the app's own
  const guarded: Record<string, DialogHandler> = {};
  for (const [channel, h] of Object.entries(handlers)) {
    guarded[channel] = async (call, arg) => (deps.isTrustedSender(call.senderUrl) ? h(call, arg) : null);
  }
  return guarded;
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}
