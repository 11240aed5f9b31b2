// Electron entry: the only code (with window.ts, menu.ts, preload.ts) that imports electron.
// Lifecycle, single instance, book lock, IPC registration, printing.
import { BrowserWindow, app, dialog, ipcMain } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import log from 'electron-log/main';
import { Desk } from '../app/desk';
import { APP_ROOT, RENDERER_DIST } from '../app/paths';
import { setSqliteNativeBinding } from '../db/connection';
import { createHandlers } from '../ipc/handlers';
import { registerIpc } from '../ipc/register';
import { buildMenu } from './menu';
import { createMainWindow, hardenSession, isTrustedSender, registerAppScheme, serveRenderer } from './window';

// better-sqlite3 built for Electron's ABI lives apart from node_modules' Node build
// (scripts/electron-native.mjs); a packaged app has it rebuilt in place by electron-builder.
const electronBinding = path.join(APP_ROOT, '.electron-native', 'better_sqlite3.node');
if (!app.isPackaged && fs.existsSync(electronBinding)) setSqliteNativeBinding(electronBinding);

log.initialize();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  const desk = new Desk({ mode: 'electron', userDataDir: app.getPath('userData') });

  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app.whenReady().then(async () => {
    hardenSession();
    serveRenderer(RENDERER_DIST);
    try {
      await desk.openDefault();
    } catch (e) {
      dialog.showErrorBox('CreditDesk', `无法打开账套 / cannot open the book:\n${(e as Error).message}`);
      app.quit();
      return;
    }
    registerIpc(ipcMain, createHandlers(desk), { isTrustedSender, log: { error: (m, e) => log.error(m, e) } });
    ipcMain.handle('shell:print', async (event) => {
      if (!isTrustedSender(event.senderFrame?.url ?? '')) return false;
      return new Promise<boolean>((resolve) => event.sender.print({ printBackground: true }, (ok) => resolve(ok)));
    });
    ipcMain.handle('shell:print-to-pdf', async (event, suggestedName: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url ?? '')) return null;
      const r = await dialog.showSaveDialog({ defaultPath: String(suggestedName ?? 'CreditDesk.pdf'), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      if (r.canceled || !r.filePath) return null;
      const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true });
      fs.writeFileSync(r.filePath, pdf);
      return r.filePath;
    });
    win = createMainWindow(path.join(APP_ROOT, 'dist', 'electron', 'preload.cjs'));
    const rebuildMenu = () => buildMenu(win!, desk, () => {
      rebuildMenu();
      win?.webContents.reload();
    });
    rebuildMenu();
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void desk.close();
  });
}
