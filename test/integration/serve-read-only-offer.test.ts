// #15 item 9 in browser mode: `creditdesk serve` on a book it cannot open for writing (read-only
// disk, another CreditDesk writing it) keeps running, answers every channel with the reason
// (message key + the book's file, in both languages) and opens the book read-only when the page
// accepts the offer — no lock, nothing written, saves refused, the header says "read-only".
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Desk } from '../../main/app/desk';
import { createHandlers } from '../../main/ipc/handlers';
import { dispatch } from '../../main/ipc/register';
import { lockFileOf } from '../../main/db/lock';
import { openServedBook } from '../../main/serve/open-served-book';
import { fixedClock } from '../../main/services/context';
import { readOnlyOfferFile } from '../../shared/book-offer';
import { renderServerMessage } from '../../shared/messages/server-messages';
import { HUASHENG, tempDir } from '../support/book';

const clock = fixedClock('2026-11-23T09:00:00.000Z');
const hash = (f: string) => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A book with one customer, closed, in its own folder. */
async function makeBook(): Promise<{ dir: string; file: string }> {
  const dir = tempDir('cd-ro-offer-');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'usb.creditdesk');
  const d = new Desk({ mode: 'browser', userDataDir: path.join(dir, 'maker'), clock });
  await d.open(file, { create: true, company: '华盛商贸有限公司' });
  await d.close();
  return { dir, file };
}

function browserDesk(dir: string) {
  const desk = new Desk({ mode: 'browser', userDataDir: path.join(dir, 'serve'), clock });
  cleanups.push(() => desk.close());
  const h = createHandlers(desk);
  return { desk, call: (channel: string, input: unknown) => dispatch(h, channel, input) };
}

/** The folder reports a read-only disk (EROFS), as a write-protected USB stick does. */
function readOnlyDisk(dir: string): void {
  const real = fs.accessSync;
  vi.spyOn(fs, 'accessSync').mockImplementation((p, mode) => {
    if (mode === fs.constants.W_OK && path.resolve(String(p)).startsWith(dir)) {
      throw Object.assign(new Error(`EROFS: read-only file system, access '${String(p)}'`), { code: 'EROFS' });
    }
    return real(p, mode);
  });
}

describe('browser mode on a book it cannot write', () => {
  it('a book on a read-only disk: the page gets the reason with the offer, and opens it read-only', async () => {
    const { dir, file } = await makeBook();
    const before = hash(file);
    readOnlyDisk(dir);
    const { desk, call } = browserDesk(dir);

    const { notice } = await openServedBook(desk, { db: file, lang: 'zh-CN' });
    expect(notice).toBe(
      `账套在只读磁盘上：请以只读方式打开，或先复制到本机：${file}\n浏览器页面上可以选择只读打开；也可以加 --readonly 重新启动。`,
    );

    // every channel answers with the reason; the page offers read-only opening of this file
    const info = await call('app:info', {});
    expect(info.ok).toBe(false);
    const error = (info as { ok: false; error: { key?: string; values?: Record<string, string | number> } }).error;
    expect(error.key).toBe('book_read_only_disk');
    expect(readOnlyOfferFile(error)).toBe(file);
    expect(renderServerMessage('en', 'book_read_only_disk', error.values)).toBe(
      `this book is on a read-only disk: open it read-only or copy it to your PC: ${file}`,
    );
    expect((await call('customers:list', {})).ok).toBe(false);

    // the page accepts the offer
    const opened = await call('books:open', { path: file, readonly: true });
    expect(opened).toMatchObject({ ok: true, data: { readonly: true, book: { company: '华盛商贸有限公司' } } });
    expect((await call('app:info', {})) as { data: { readonly?: boolean } }).toMatchObject({
      ok: true,
      data: { readonly: true },
    });
    expect((await call('customers:list', {})).ok).toBe(true);

    // a save is refused with the read-only message; the file is untouched, no lock beside it
    const save = await call('customers:create', HUASHENG);
    expect(save.ok).toBe(false);
    expect(hash(file)).toBe(before);
    // (SQLite's -wal/-shm index files appear here only because this test disk is really writable)
    expect(fs.existsSync(lockFileOf(file))).toBe(false);
    expect(save).toMatchObject({ ok: false, error: { key: 'book_read_only' } });
  });

  it('a book another CreditDesk is writing: the offer names the book and reading works beside the writer', async () => {
    const { dir, file } = await makeBook();
    const writer = new Desk({ mode: 'electron', userDataDir: path.join(dir, 'app'), clock });
    await writer.open(file);
    cleanups.push(() => writer.close());
    const { desk, call } = browserDesk(dir);

    const { notice } = await openServedBook(desk, { db: file, lang: 'en' });
    expect(notice).toMatch(/^this book is open in another CreditDesk window\/process \(a CreditDesk window, pid \d+/);
    const info = await call('app:info', {});
    expect(info).toMatchObject({ ok: false, error: { code: 'CONFLICT', key: 'book_in_use', values: { file } } });

    expect(await call('books:open', { path: file, readonly: true })).toMatchObject({
      ok: true,
      data: { readonly: true },
    });
    expect(desk.isReadonly).toBe(true);
  });

  it('--readonly opens it read-only at once; a writable book opens as before without the offer', async () => {
    const { dir, file } = await makeBook();
    const { desk } = browserDesk(dir);
    expect(await openServedBook(desk, { db: file, readonly: true, lang: 'en' })).toEqual({ file, notice: null });
    expect(desk.isReadonly).toBe(true);

    const other = browserDesk(path.join(dir, 'x'));
    expect(await openServedBook(other.desk, { db: file, lang: 'en' })).toEqual({ file, notice: null });
    expect(other.desk.isReadonly).toBe(false);
    expect((await other.call('app:info', {})) as { data: object }).toMatchObject({ ok: true });
    expect(((await other.call('app:info', {})) as { data: { readonly?: boolean } }).data.readonly).toBeUndefined();
  });

  it('a foreign file gets no offer: serve stops with "not a CreditDesk book"', async () => {
    const dir = tempDir('cd-ro-offer-');
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const foreign = path.join(dir, 'notes.creditdesk');
    fs.writeFileSync(foreign, 'hello');
    const { desk } = browserDesk(dir);
    await expect(openServedBook(desk, { db: foreign, lang: 'en' })).rejects.toThrow(/not a CreditDesk book/);
  });
});
