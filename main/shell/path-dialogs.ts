// The desktop's native-dialog channels bound to Electron: the handlers themselves (what they
// stage, refuse and write) live in dialog-handlers.ts, free of Electron and tested under Node.
// Paths of books and backups are staged in main (services/files/staged-paths.ts) and the page
// gets only a one-time token (#15 item 10f).
import { BrowserWindow, dialog, type IpcMain, type IpcMainInvokeEvent } from 'electron';
import { stagedFiles } from '../services/files/staged-files';
import { stagedPaths } from '../services/files/staged-paths';
import { dialogHandlers, type DialogCall } from './dialog-handlers';

function callOf(e: IpcMainInvokeEvent): DialogCall {
  const owner = BrowserWindow.fromWebContents(e.sender);
  return {
    senderUrl: e.senderFrame?.url ?? '',
    showOpenDialog: (o) => (owner ? dialog.showOpenDialog(owner, o) : dialog.showOpenDialog(o)),
    showSaveDialog: (o) => (owner ? dialog.showSaveDialog(owner, o) : dialog.showSaveDialog(o)),
    printToPdf: () => e.sender.printToPDF({ pageSize: 'A4', printBackground: true }),
  };
}

export function registerPathDialogs(ipcMain: IpcMain, isTrustedSender: (url: string) => boolean): void {
  const handlers = dialogHandlers({ isTrustedSender, stagedPaths, stagedFiles });
  for (const [channel, handle] of Object.entries(handlers)) {
    ipcMain.handle(channel, (e, arg: unknown) => handle(callOf(e), arg));
  }
}
