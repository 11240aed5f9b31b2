// Electron entry: the only code (with window.ts, menu.ts, preload.ts) that imports electron.
// Lifecycle, single instance, book lock, IPC registration, printing.
import { AppError } from '../../shared/result';
import { LOCK_IN_DOUBT_FIELD } from '../db/lock';
import { BrowserWindow, app, dialog, ipcMain } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import log from 'electron-log/main';
import { Desk } from '../app/desk';
import { APP_ROOT, RENDERER_DIST } from '../app/paths';
import { setSqliteNativeBinding } from '../db/native-binding';
import { setBackupNativeBinding } from '../db/backup';
import { SHELL_CHANNELS } from '../../shared/ipc/shell';
import { ElectronPdfRenderer } from './print';
import { createHandlers } from '../ipc/handlers';
import { registerIpc } from '../ipc/register';
import { buildMenu } from './menu';
import { registerPathDialogs } from './path-dialogs';
import { createMainWindow, hardenSession, isTrustedSender, registerAppScheme, serveRenderer } from './window';

// better-sqlite3 built for Electron's ABI lives apart from node_modules' Node build
// (scripts/electron-native.mjs); a packaged app has it rebuilt in place by electron-builder.
const electronBinding = path.join(APP_ROOT, '.electron-native', 'better_sqlite3.node');
if (!app.isPackaged && fs.existsSync(electronBinding)) {
  setSqliteNativeBinding(electronBinding);
  setBackupNativeBinding(electronBinding); // the backup check worker opens SQLite too
}

/** Longest an automatic backup may hold up quitting; then the app quits anyway (a `.partial`
 *  file left behind is recognised as unfinished and can never be restored). */
const EXIT_BACKUP_TIMEOUT_MS = 90_000;
const AUTO_CHECK_FIRST_MS = 5 * 60_000;
const AUTO_CHECK_EVERY_MS = 60 * 60_000;

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
      // a lock that cannot be judged (e.g. its pid now belongs to another program after a
      // restart): offer "open anyway" with a warning instead of refusing forever
      const inDoubt = e instanceof AppError && e.code === 'CONFLICT' && e.field === LOCK_IN_DOUBT_FIELD;
      const retry =
        inDoubt &&
        dialog.showMessageBoxSync({
          type: 'warning',
          message: `账套可能正被另一个 CreditDesk 使用 / The book may be in use by another CreditDesk:\n${(e as Error).message}`,
          buttons: ['仍然打开 / Open anyway', '退出 / Quit'],
          cancelId: 1,
          defaultId: 1,
        }) === 0;
      try {
        if (!retry) throw e;
        await desk.openDefault({ openAnyway: true });
      } catch (e2) {
        dialog.showErrorBox('CreditDesk', `无法打开账套 / cannot open the book:\n${(e2 as Error).message}`);
        app.quit();
        return;
      }
    }
    // Statements print through Electron's own Chromium (printToPDF) in the desktop app.
    desk.statements.configure({ pdfRenderer: () => new ElectronPdfRenderer(), concurrency: 1 });
    registerIpc(ipcMain, createHandlers(desk), { isTrustedSender, log: { error: (m, e) => log.error(m, e) } });
    ipcMain.handle(SHELL_CHANNELS.print, async (event) => {
      if (!isTrustedSender(event.senderFrame?.url ?? '')) return false;
      return new Promise<boolean>((resolve) => event.sender.print({ printBackground: true }, (ok) => resolve(ok)));
    });
    // native dialogs: books, backups, import files, folders, PDFs (dialog-handlers.ts)
    registerPathDialogs(ipcMain, isTrustedSender);
    win = createMainWindow(path.join(APP_ROOT, 'dist', 'electron', 'preload.cjs'));
    const rebuildMenu = () =>
      buildMenu(win!, desk, () => {
        rebuildMenu();
        win?.webContents.reload();
      });
    rebuildMenu();
  });

  // Automatic backups: daily (checked hourly; runs when the last one is 24 h old) and on exit.
  const backups = desk.backup;
  const daily = () => {
    backups.runAuto('daily').then(
      (r) => r.targets.filter((t) => !t.ok).forEach((t) => log.warn(`automatic backup to ${t.dir}: ${t.message}`)),
      (e) => log.error('automatic backup failed', e),
    );
  };
  const firstCheck = setTimeout(daily, AUTO_CHECK_FIRST_MS);
  const hourly = setInterval(daily, AUTO_CHECK_EVERY_MS);

  let exitBackup: 'idle' | 'running' | 'done' = 'idle';
  app.on('before-quit', (event) => {
    if (exitBackup === 'done') return;
    event.preventDefault();
    if (exitBackup === 'running') return; // a second quit request while backing up: keep waiting
    exitBackup = 'running';
    clearTimeout(firstCheck);
    clearInterval(hourly);
    win?.hide();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log.warn(`automatic backup on exit did not finish within ${EXIT_BACKUP_TIMEOUT_MS / 1000} s; quitting anyway`);
        resolve();
      }, EXIT_BACKUP_TIMEOUT_MS);
    });
    const backup = backups.runAuto('exit').then(
      (r) =>
        r.targets.filter((t) => !t.ok).forEach((t) => log.warn(`automatic backup on exit to ${t.dir}: ${t.message}`)),
      (e) => log.error('automatic backup on exit failed', e),
    );
    void Promise.race([backup, timeout]).finally(() => {
      clearTimeout(timer);
      exitBackup = 'done';
      app.quit();
    });
  });

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    void desk.close();
  });
}
