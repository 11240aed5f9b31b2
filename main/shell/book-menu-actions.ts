// The File menu's book actions (New book…, Open book…, a recent book), apart from Electron: the
// native dialogs are injected, so tests drive them under plain Node; menu.ts binds them to
// Electron's `dialog` and the window. A book is only ever a path the user picked in a native
// dialog (or one main itself keeps in the recent list): a cancelled dialog changes nothing, a
// foreign file is refused by the opener before anything touches it (db/book-file.ts), and a
// book that cannot be written is offered read-only (the same offer as browser mode's page).
import path from 'node:path';
import type { Desk } from '../app/desk';
import { readOnlyOfferFile } from '../../shared/book-offer';
import { localizedErrorMessage } from '../../shared/messages/server-messages';
import { AppError } from '../../shared/result';

/** Electron's dialog functions the actions use (window already bound), as plain async functions. */
export interface BookMenuDialogs {
  showSaveDialog(o: {
    title: string;
    defaultPath: string;
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(o: {
    properties: 'openFile'[];
    filters: { name: string; extensions: string[] }[];
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
  showMessageBox(o: {
    type: 'warning';
    message: string;
    detail: string;
    buttons: string[];
    cancelId: number;
  }): Promise<{ response: number }>;
  showErrorBox(title: string, content: string): void;
}

export interface BookMenuActions {
  newBook(): Promise<void>;
  openBook(): Promise<void>;
  /** A book from the recent list (paths main recorded when they were opened). */
  openRecent(file: string): Promise<void>;
}

export function bookMenuActions(desk: Desk, dialogs: BookMenuDialogs, onBookChanged: () => void): BookMenuActions {
  const zh = () => desk.readState().locale === 'zh-CN';
  const L = (z: string, e: string) => (zh() ? z : e);
  const cannotOpen = (message: string) => dialogs.showErrorBox(L('无法打开账套', 'Cannot open book'), message);

  const open = async (file: string, create = false, company?: string) => {
    try {
      await desk.open(file, { create, company });
      onBookChanged();
    } catch (e) {
      const message = e instanceof AppError ? localizedErrorMessage(zh() ? 'zh-CN' : 'en', e) : (e as Error).message;
      if (create || !(e instanceof AppError) || !readOnlyOfferFile({ key: e.key, values: { file } })) {
        cannotOpen(message);
        return;
      }
      // offer what the message suggests: read it without writing (no lock, no migration)
      const r = await dialogs.showMessageBox({
        type: 'warning',
        message,
        detail: L(
          '可以只读打开它：能查看、查询、导出和打印，但不能保存任何修改。',
          'You can open it read-only: view, search, export and print, but no change can be saved.',
        ),
        buttons: [L('只读打开', 'Open read-only'), L('取消', 'Cancel')],
        cancelId: 1,
      });
      if (r.response !== 0) return;
      try {
        await desk.open(file, { readonly: true });
        onBookChanged();
      } catch (e2) {
        cannotOpen((e2 as Error).message);
      }
    }
  };

  return {
    newBook: async () => {
      const r = await dialogs.showSaveDialog({
        title: L('新建账套', 'New book'),
        defaultPath: path.join(desk.userDataDir, 'books', L('新账套.creditdesk', 'new-book.creditdesk')),
        filters: [{ name: 'CreditDesk', extensions: ['creditdesk'] }],
      });
      if (r.canceled || !r.filePath) return;
      await open(r.filePath, true, path.basename(r.filePath).replace(/\.[^.]+$/, ''));
    },
    openBook: async () => {
      const r = await dialogs.showOpenDialog({
        properties: ['openFile'],
        filters: [{ name: 'CreditDesk', extensions: ['creditdesk', 'db', 'sqlite'] }],
      });
      if (r.canceled || !r.filePaths[0]) return;
      await open(r.filePaths[0]);
    },
    openRecent: async (file) => {
      if (!desk.readState().recentBooks.includes(file)) {
        cannotOpen(L('这个账套不在最近打开的列表中', 'This book is not in the recent list'));
        return;
      }
      await open(file);
    },
  };
}
