// #15 item 10, the desktop File menu's book actions (main/shell/book-menu-actions.ts) under
// Node with the native dialogs injected: New book creates and opens the book the save dialog
// chose; Open refuses a foreign SQLite file and leaves it byte-identical; a cancelled dialog
// changes nothing; a path no dialog chose (not in the recent list, or typed by the page) is
// refused; a book another CreditDesk is writing is offered read-only.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Desk } from '../../main/app/desk';
import { bookMenuActions, type BookMenuDialogs } from '../../main/shell/book-menu-actions';
import { openTestDesk, type TestDesk } from '../support/book';

const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');

let t: TestDesk;
let first: string;
let seen: { save: unknown[]; open: unknown[]; box: { message: string; buttons: string[] }[]; errors: string[][] };
let changed: number;
let answers: {
  save?: { canceled: boolean; filePath?: string };
  open?: { canceled: boolean; filePaths: string[] };
  box?: number;
};

const dialogs: BookMenuDialogs = {
  showSaveDialog: async (o) => (seen.save.push(o), answers.save ?? { canceled: true }),
  showOpenDialog: async (o) => (seen.open.push(o), answers.open ?? { canceled: true, filePaths: [] }),
  showMessageBox: async (o) => (seen.box.push(o), { response: answers.box ?? 1 }),
  showErrorBox: (title, content) => void seen.errors.push([title, content]),
};
const actions = () => bookMenuActions(t.desk, dialogs, () => changed++);

beforeEach(async () => {
  t = await openTestDesk({ mode: 'electron' });
  first = t.desk.ctx.book.path;
  seen = { save: [], open: [], box: [], errors: [] };
  changed = 0;
  answers = {};
});
afterEach(() => t.close());

describe('File ▸ New book / Open book', () => {
  it('New book: the save dialog chose a path → the book is created there and opened, named after the file', async () => {
    const file = path.join(t.dir, '华盛商贸.creditdesk');
    answers.save = { canceled: false, filePath: file };
    await actions().newBook();
    expect(seen.save).toEqual([
      {
        title: '新建账套',
        defaultPath: path.join(t.dir, 'books', '新账套.creditdesk'),
        filters: [{ name: 'CreditDesk', extensions: ['creditdesk'] }],
      },
    ]);
    expect(seen.errors).toEqual([]);
    expect(changed).toBe(1);
    expect(t.desk.ctx.book.path).toBe(file);
    expect((await t.ok('app:info', {})).book).toMatchObject({ path: file, company: '华盛商贸' });
    expect(t.desk.readState().recentBooks[0]).toBe(file);
  });

  it('Open: a foreign SQLite file is refused ("not a CreditDesk book"), byte-identical, the book stays open', async () => {
    const foreign = path.join(t.dir, 'photos.sqlite');
    const db = new Database(foreign);
    db.exec("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos (name) VALUES ('a.jpg')");
    db.close();
    const before = hash(foreign);
    const listing = fs.readdirSync(t.dir).sort();
    answers.open = { canceled: false, filePaths: [foreign] };
    await actions().openBook();
    expect(seen.open).toEqual([
      { properties: ['openFile'], filters: [{ name: 'CreditDesk', extensions: ['creditdesk', 'db', 'sqlite'] }] },
    ]);
    expect(seen.errors).toEqual([['无法打开账套', `这不是 CreditDesk 账套：${foreign}（文件未作任何改动）`]]);
    expect(seen.box).toEqual([]); // no read-only offer for a foreign file
    expect(hash(foreign)).toBe(before);
    expect(fs.readdirSync(t.dir).sort()).toEqual(listing);
    expect(changed).toBe(0);
    expect(t.desk.ctx.book.path).toBe(first);
  });

  it('Open: a book picked in the dialog is opened', async () => {
    const other = path.join(t.dir, 'other.creditdesk');
    const maker = new Desk({ mode: 'electron', userDataDir: path.join(t.dir, 'maker') });
    await maker.open(other, { create: true, company: '别的公司' });
    await maker.close();
    answers.open = { canceled: false, filePaths: [other] };
    await actions().openBook();
    expect(seen.errors).toEqual([]);
    expect(changed).toBe(1);
    expect((await t.ok('app:info', {})).book).toMatchObject({ path: other, company: '别的公司' });
  });

  it('cancelling either dialog changes nothing', async () => {
    const listing = fs.readdirSync(t.dir).sort();
    const state = JSON.stringify(t.desk.readState());
    await actions().newBook();
    await actions().openBook();
    answers.save = { canceled: false }; // no path
    answers.open = { canceled: false, filePaths: [] };
    await actions().newBook();
    await actions().openBook();
    expect(seen.save).toHaveLength(2);
    expect(seen.open).toHaveLength(2);
    expect(seen.errors).toEqual([]);
    expect(changed).toBe(0);
    expect(t.desk.ctx.book.path).toBe(first);
    expect(fs.readdirSync(t.dir).sort()).toEqual(listing);
    expect(JSON.stringify(t.desk.readState())).toBe(state);
  });

  it('a path no dialog chose is refused: not in the recent list, or typed by the page', async () => {
    const typed = path.join(t.dir, 'typed.creditdesk');
    await actions().openRecent(typed);
    expect(seen.errors).toEqual([['无法打开账套', '这个账套不在最近打开的列表中']]);
    expect(fs.existsSync(typed)).toBe(false);
    expect(changed).toBe(0);
    // the page cannot name one either (desktop: books:open / books:create take a dialog's token)
    expect(await t.call('books:create', { path: typed, company: 'x' })).toMatchObject({
      ok: false,
      error: { key: 'path_needs_dialog' },
    });
    expect(fs.existsSync(typed)).toBe(false);
    // a recent book (recorded by main when it was opened) opens
    await actions().openRecent(first);
    expect(changed).toBe(1);
    expect(t.desk.ctx.book.path).toBe(first);
  });

  it('a book another CreditDesk is writing: offered read-only; accepting opens it read-only, cancelling changes nothing', async () => {
    const other = path.join(t.dir, 'shared.creditdesk');
    const writer = new Desk({ mode: 'electron', userDataDir: path.join(t.dir, 'writer') });
    await writer.open(other, { create: true, company: '共享公司' });
    try {
      answers.open = { canceled: false, filePaths: [other] };
      await actions().openBook(); // box answered "Cancel"
      expect(seen.box).toHaveLength(1);
      expect(seen.box[0].buttons).toEqual(['只读打开', '取消']);
      expect(seen.box[0].message).toMatch(/^这个账套已在另一个 CreditDesk 窗口或进程中打开/);
      expect(changed).toBe(0);
      expect(t.desk.ctx.book.path).toBe(first);
      answers.box = 0;
      await actions().openBook();
      expect(changed).toBe(1);
      expect(t.desk.ctx.book.path).toBe(other);
      expect(t.desk.isReadonly).toBe(true);
    } finally {
      await writer.close();
    }
  });
});
