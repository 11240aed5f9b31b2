// Native dialogs for the paths of books and backups (#15 item 10f): the path the user picks is
// staged in main (services/files/staged-paths.ts) and the page gets only a one-time token for
// books:open / books:create (pathToken), backup:create (dirToken) or backup:inspect /
// backup:restore (fileToken).
import { BrowserWindow, dialog, type IpcMain, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { SHELL_CHANNELS, type StagedPathOut } from '../../shared/ipc/shell';
import { stagedPaths } from '../services/files/staged-paths';

const BOOK_FILTERS = [{ name: 'CreditDesk', extensions: ['creditdesk'] }];

export function registerPathDialogs(ipcMain: IpcMain, isTrustedSender: (url: string) => boolean): void {
  const owner = (e: Electron.IpcMainInvokeEvent) => BrowserWindow.fromWebContents(e.sender);
  const open = async (e: Electron.IpcMainInvokeEvent, options: OpenDialogOptions) => {
    const w = owner(e);
    const r = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  };
  const save = async (e: Electron.IpcMainInvokeEvent, options: SaveDialogOptions) => {
    const w = owner(e);
    const r = w ? await dialog.showSaveDialog(w, options) : await dialog.showSaveDialog(options);
    return r.canceled ? null : (r.filePath ?? null);
  };
  const handle = (channel: string, choose: (e: Electron.IpcMainInvokeEvent) => Promise<StagedPathOut | null>) =>
    ipcMain.handle(channel, async (e) => (isTrustedSender(e.senderFrame?.url ?? '') ? choose(e) : null));

  handle(SHELL_CHANNELS.chooseBookToOpen, async (e) => {
    const p = await open(e, {
      properties: ['openFile'],
      filters: [{ name: 'CreditDesk', extensions: ['creditdesk', 'db', 'sqlite'] }],
    });
    return p ? stagedPaths.stage(p, 'book-open') : null;
  });
  handle(SHELL_CHANNELS.chooseNewBook, async (e) => {
    const p = await save(e, { filters: BOOK_FILTERS });
    return p ? stagedPaths.stage(p, 'book-create') : null;
  });
  handle(SHELL_CHANNELS.chooseBackupDir, async (e) => {
    const p = await open(e, { properties: ['openDirectory', 'createDirectory'] });
    return p ? stagedPaths.stage(p, 'backup-dir') : null;
  });
  handle(SHELL_CHANNELS.chooseBackupFile, async (e) => {
    const p = await open(e, {
      properties: ['openFile'],
      filters: [{ name: 'CreditDesk backup', extensions: ['cdbak'] }],
    });
    return p ? stagedPaths.stage(p, 'backup-file') : null;
  });
}
