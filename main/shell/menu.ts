// Application menu: books (new, open, recent), company settings, language, quit.
import { Menu, app, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import path from 'node:path';
import type { Desk } from '../app/desk';
import { readOnlyOfferFile } from '../../shared/book-offer';
import { localizedErrorMessage } from '../../shared/messages/server-messages';
import { AppError } from '../../shared/result';

export function buildMenu(win: BrowserWindow, desk: Desk, onBookChanged: () => void): void {
  const zh = desk.readState().locale === 'zh-CN';
  const L = (z: string, e: string) => (zh ? z : e);
  const openBook = async (file: string, create = false, company?: string) => {
    try {
      await desk.open(file, { create, company });
      onBookChanged();
    } catch (e) {
      const message = e instanceof AppError ? localizedErrorMessage(zh ? 'zh-CN' : 'en', e) : (e as Error).message;
      if (!create && e instanceof AppError && readOnlyOfferFile({ key: e.key, values: { file } })) {
        // offer what the message suggests: read it without writing (no lock, no migration);
        // the same offer as browser mode's page (shared/book-offer.ts)
        const r = await dialog.showMessageBox(win, {
          type: 'warning',
          message,
          detail: L(
            '可以只读打开它：能查看、查询、导出和打印，但不能保存任何修改。',
            'You can open it read-only: view, search, export and print, but no change can be saved.',
          ),
          buttons: [L('只读打开', 'Open read-only'), L('取消', 'Cancel')],
          cancelId: 1,
        });
        if (r.response === 0) {
          try {
            await desk.open(file, { readonly: true });
            onBookChanged();
          } catch (e2) {
            dialog.showErrorBox(L('无法打开账套', 'Cannot open book'), (e2 as Error).message);
          }
        }
        return;
      }
      dialog.showErrorBox(L('无法打开账套', 'Cannot open book'), message);
    }
  };
  const recent = desk
    .readState()
    .recentBooks.map<MenuItemConstructorOptions>((p) => ({ label: p, click: () => void openBook(p) }));
  const template: MenuItemConstructorOptions[] = [
    {
      label: L('文件', 'File'),
      submenu: [
        {
          label: L('新建账套…', 'New book…'),
          accelerator: 'CmdOrCtrl+N',
          click: async () => {
            const r = await dialog.showSaveDialog(win, {
              title: L('新建账套', 'New book'),
              defaultPath: path.join(desk.userDataDir, 'books', L('新账套.creditdesk', 'new-book.creditdesk')),
              filters: [{ name: 'CreditDesk', extensions: ['creditdesk'] }],
            });
            if (!r.canceled && r.filePath)
              await openBook(r.filePath, true, path.basename(r.filePath).replace(/\.[^.]+$/, ''));
          },
        },
        {
          label: L('打开账套…', 'Open book…'),
          accelerator: 'CmdOrCtrl+O',
          click: async () => {
            const r = await dialog.showOpenDialog(win, {
              properties: ['openFile'],
              filters: [{ name: 'CreditDesk', extensions: ['creditdesk', 'db', 'sqlite'] }],
            });
            if (!r.canceled && r.filePaths[0]) await openBook(r.filePaths[0]);
          },
        },
        {
          label: L('切换账套', 'Switch book'),
          submenu: recent.length ? recent : [{ label: L('（无）', '(none)'), enabled: false }],
        },
        { type: 'separator' },
        { label: L('公司设置…', 'Company settings…'), click: () => win.webContents.send('menu', 'settings') },
        { type: 'separator' },
        { role: 'quit', label: L('退出', 'Quit') },
      ],
    },
    {
      label: L('编辑', 'Edit'),
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: L('视图', 'View'),
      submenu: [
        { role: 'reload' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: L('帮助', 'Help'),
      submenu: [
        {
          label: L('关于 CreditDesk', 'About CreditDesk'),
          click: () =>
            void dialog.showMessageBox(win, {
              message: `CreditDesk 客户信用管理 ${app.getVersion()}`,
              detail: desk.ctx.book.path,
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
