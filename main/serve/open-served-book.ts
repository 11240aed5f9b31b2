// The book `creditdesk serve` starts on. A book that cannot be opened for writing but can still
// be read (read-only disk, no permission, another CreditDesk writing it — shared/book-offer.ts)
// does not stop browser mode: the desk remembers why, every channel answers with that reason,
// and the page offers to open the book read-only (renderer pages/book-offer). `--readonly`
// opens it read-only from the start.
import path from 'node:path';
import type { Desk } from '../app/desk';
import { readOnlyOfferFile } from '../../shared/book-offer';
import { localizedErrorMessage, type MessageLang } from '../../shared/messages/server-messages';
import { AppError } from '../../shared/result';

const READ_ONLY_HINT: Record<MessageLang, string> = {
  'zh-CN': '浏览器页面上可以选择只读打开；也可以加 --readonly 重新启动。',
  en: 'The browser page offers to open it read-only; or start again with --readonly.',
};

/** Opens the served book; returns its path, and a line for the terminal when only reading is offered. */
export async function openServedBook(
  desk: Desk,
  o: { db?: string; readonly?: boolean; lang: MessageLang },
): Promise<{ file: string; notice: string | null }> {
  const file = path.resolve(o.db ?? desk.lastBookPath() ?? desk.defaultBookPath);
  try {
    if (o.readonly) await desk.open(file, { readonly: true });
    else if (o.db) await desk.open(file, { create: true });
    else await desk.openDefault();
    return { file: desk.ctx.book.path, notice: null };
  } catch (e) {
    if (!(e instanceof AppError) || o.readonly || !readOnlyOfferFile({ key: e.key, values: { file } })) throw e;
    desk.rememberOpenFailure(file, e);
    return { file, notice: `${localizedErrorMessage(o.lang, e)}\n${READ_ONLY_HINT[o.lang]}` };
  }
}
