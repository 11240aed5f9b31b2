// Application menu: books (new, open, recent: book-menu-actions.ts), company settings, language, quit.
import { Menu, app, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { Desk } from '../app/desk';
import { bookMenuActions } from './book-menu-actions';

export function buildMenu(win: BrowserWindow, desk: Desk, onBookChanged: () => void): void {
  const zh = desk.readState().locale === 'zh-CN';
  const L = (z: string, e: string) => (zh ? z : e);
  const actions = bookMenuActions(
    desk,
    {
      showSaveDialog: (o) => dialog.showSaveDialog(win, o),
      showOpenDialog: (o) => dialog.showOpenDialog(win, o),
      showMessageBox: (o) => dialog.showMessageBox(win, o),
      showErrorBox: (title, content) => dialog.showErrorBox(title, content),
    },
    onBookChanged,
  );
  const recent = desk
    .readState()
    .recentBooks.map<MenuItemConstructorOptions>((p) => ({ label: p, click: () => void actions.openRecent(p) }));
  const template: MenuItemConstructorOptions[] = [
    {
      label: L('文件', 'File'),
      submenu: [
        {
          label: L('新建账套…', 'New book…'),
          accelerator: 'CmdOrCtrl+N',
          click: () => void actions.newBook(),
        },
        {
          label: L('打开账套…', 'Open book…'),
          accelerator: 'CmdOrCtrl+O',
          click: () => void actions.openBook(),
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
