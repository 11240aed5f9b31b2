// The desktop's native-dialog channels, driven under plain Node with the dialogs injected
// (main/shell/dialog-handlers.ts; Electron only binds them): what the user picked is staged for
// its own purpose, a cancel stages nothing, a page that is not the app's own gets nothing (no
// dialog opens), the page's suggestions cannot aim elsewhere; and the whole chain — dialog →
// token → channel — works where a typed path is refused.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHELL_CHANNELS } from '../../shared/ipc/shell';
import { dialogHandlers, suggestedPdfName, type DialogCall } from '../../main/shell/dialog-handlers';
import { StagedFiles } from '../../main/services/files/staged-files';
import { StagedPaths, stagedPaths } from '../../main/services/files/staged-paths';
import { stagedFiles } from '../../main/services/files/staged-files';
import { CHEAP_KDF } from '../fixtures/backup-books';
import { HUASHENG, openTestDesk, tempDir, type TestDesk } from '../support/book';

const APP_URL = 'app://creditdesk/index.html';
const trusted = (url: string) => url === APP_URL;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A fake window: the dialogs answer `pick` (null: the user cancels) and record what they were asked. */
function fakeCall(pick: string | null, senderUrl = APP_URL) {
  const asked: { kind: 'open' | 'save'; options: Record<string, unknown> }[] = [];
  let printed = 0;
  const call: DialogCall = {
    senderUrl,
    showOpenDialog: async (options) => {
      asked.push({ kind: 'open', options: { ...options } });
      return pick === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [pick] };
    },
    showSaveDialog: async (options) => {
      asked.push({ kind: 'save', options: { ...options } });
      return pick === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: pick };
    },
    printToPdf: async () => {
      printed++;
      return Buffer.from('%PDF-1.7 test');
    },
  };
  return { call, asked, printed: () => printed };
}

function fresh() {
  const paths = new StagedPaths();
  const files = new StagedFiles();
  const dir = tempDir('cd-dialogs-');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return { h: dialogHandlers({ isTrustedSender: trusted, stagedPaths: paths, stagedFiles: files }), paths, files, dir };
}

const ALL = Object.values(SHELL_CHANNELS).filter((c) => c !== SHELL_CHANNELS.print);

describe('native dialog handlers (Electron injected)', () => {
  it('cover every dialog channel of the shell', () => {
    expect(Object.keys(fresh().h).sort()).toEqual([...ALL].sort());
  });

  it('answer nothing to a page that is not the app’s own, and open no dialog', async () => {
    const { h, files, dir } = fresh();
    for (const channel of ALL) {
      const f = fakeCall(path.join(dir, 'x.csv'), 'https://evil.example/');
      expect(await h[channel]!(f.call, 'x.pdf')).toBeNull();
      expect(f.asked).toEqual([]);
      expect(f.printed()).toBe(0);
    }
    expect(files.size).toBe(0);
  });

  it('a cancelled dialog stages and writes nothing', async () => {
    const { h, files, dir } = fresh();
    for (const channel of ALL) {
      const f = fakeCall(null);
      expect(await h[channel]!(f.call, 'statement.pdf')).toBeNull();
      expect(f.asked).toHaveLength(1);
      expect(f.printed()).toBe(0);
    }
    expect(files.size).toBe(0);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('stages a picked book / backup path for its own purpose only, once', async () => {
    const { h, paths, dir } = fresh();
    const cases = [
      [SHELL_CHANNELS.chooseBookToOpen, path.join(dir, 'a.creditdesk'), 'book-open', path.join(dir, 'a.creditdesk')],
      [SHELL_CHANNELS.chooseNewBook, path.join(dir, '新账套'), 'book-create', path.join(dir, '新账套.creditdesk')],
      [SHELL_CHANNELS.chooseNewBook, path.join(dir, 'b.CreditDesk'), 'book-create', path.join(dir, 'b.CreditDesk')],
      [SHELL_CHANNELS.chooseBackupDir, dir, 'backup-dir', dir],
      [SHELL_CHANNELS.chooseBackupFile, path.join(dir, 'x.cdbak'), 'backup-file', path.join(dir, 'x.cdbak')],
    ] as const;
    for (const [channel, picked, purpose, staged] of cases) {
      const out = (await h[channel]!(fakeCall(picked).call, undefined)) as {
        token: string;
        name: string;
        path: string;
      };
      expect(out).toEqual({ token: expect.any(String), name: path.basename(staged), path: staged });
      const other = purpose === 'book-open' ? 'backup-file' : 'book-open';
      expect(() => paths.take(out.token, other, 'path')).toThrow(/no longer known/);
      expect(paths.take(out.token, purpose, 'path')).toBe(staged);
      expect(() => paths.take(out.token, purpose, 'path')).toThrow(/no longer known/);
    }
  });

  it('offers the right file types: books (.creditdesk, .db, .sqlite to open), backups (.cdbak), imports', async () => {
    const { h } = fresh();
    const seen = async (channel: string) => {
      const f = fakeCall(null);
      await h[channel]!(f.call, undefined);
      return f.asked[0]!;
    };
    expect((await seen(SHELL_CHANNELS.chooseBookToOpen)).options.filters).toEqual([
      { name: 'CreditDesk', extensions: ['creditdesk', 'db', 'sqlite'] },
    ]);
    expect(await seen(SHELL_CHANNELS.chooseNewBook)).toMatchObject({
      kind: 'save',
      options: { filters: [{ extensions: ['creditdesk'] }] },
    });
    expect((await seen(SHELL_CHANNELS.chooseBackupFile)).options.filters).toEqual([
      { name: 'CreditDesk backup', extensions: ['cdbak'] },
    ]);
    expect((await seen(SHELL_CHANNELS.chooseBackupDir)).options.properties).toEqual([
      'openDirectory',
      'createDirectory',
    ]);
    expect((await seen(SHELL_CHANNELS.chooseImportFile)).options.filters).toEqual([
      { name: 'CSV / Excel', extensions: ['csv', 'xlsx'] },
    ]);
  });

  it('an import file is staged with its size (the page gets a token, not the path); a vanished one is not', async () => {
    const { h, files, dir } = fresh();
    const csv = path.join(dir, '客户.csv');
    fs.writeFileSync(csv, 'code,name\nC001,华盛\n');
    const out = (await h[SHELL_CHANNELS.chooseImportFile]!(fakeCall(csv).call, undefined)) as Record<string, unknown>;
    expect(out).toEqual({ token: expect.any(String), fileName: '客户.csv', size: 22 });
    expect(JSON.stringify(out)).not.toContain(dir);
    expect(await files.use(out.token as string, async (f) => f.path)).toBe(csv);
    expect(await h[SHELL_CHANNELS.chooseImportFile]!(fakeCall(path.join(dir, 'gone.csv')).call, undefined)).toBeNull();
    expect(await h[SHELL_CHANNELS.chooseImportFile]!(fakeCall(dir).call, undefined)).toBeNull();
    expect(files.size).toBe(0);
  });

  it('a folder: the page’s start folder is used only when it is an absolute path', async () => {
    const { h, dir } = fresh();
    for (const [given, used] of [
      [dir, dir],
      ['relative/letters', undefined],
      [42, undefined],
      [undefined, undefined],
    ] as const) {
      const f = fakeCall(dir);
      expect(await h[SHELL_CHANNELS.chooseFolder]!(f.call, given)).toBe(dir);
      expect(f.asked[0]!.options.defaultPath).toBe(used);
    }
  });

  it('save as PDF: the page’s name is only a plain suggestion; the PDF goes where the user chose, as .pdf', async () => {
    const { h, dir } = fresh();
    expect(suggestedPdfName('对账单-华盛.pdf')).toBe('对账单-华盛.pdf');
    expect(suggestedPdfName('../../etc/passwd')).toBe('passwd.pdf');
    expect(suggestedPdfName('C:\\Windows\\evil')).toBe('evil.pdf');
    expect(suggestedPdfName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(suggestedPdfName('..')).toBe('CreditDesk.pdf');
    expect(suggestedPdfName({ toString: () => '/x' })).toBe('CreditDesk.pdf');

    const f = fakeCall(path.join(dir, '对账单'));
    expect(await h[SHELL_CHANNELS.printToPdf]!(f.call, '/etc/cron.d/x')).toBe(path.join(dir, '对账单.pdf'));
    expect(f.asked[0]!.options).toEqual({ defaultPath: 'x.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(fs.readFileSync(path.join(dir, '对账单.pdf'), 'utf8')).toBe('%PDF-1.7 test');
    expect(f.printed()).toBe(1);
  });
});

describe('dialog → token → channel, in the desktop app', () => {
  let t: TestDesk;
  const h = dialogHandlers({ isTrustedSender: trusted, stagedPaths, stagedFiles });

  it('creates and opens books and backs up / inspects where typed paths are refused', async () => {
    t = await openTestDesk({ mode: 'electron' });
    cleanups.push(() => t.close());
    t.desk.backup.configure({ kdf: CHEAP_KDF, listDrives: async () => [] });
    const first = t.desk.ctx.book.path;

    // a new book typed without its extension
    const chosen = path.join(t.dir, '明远机电');
    expect(await t.call('books:create', { path: chosen, company: '明远机电' })).toMatchObject({ ok: false });
    const nb = (await h[SHELL_CHANNELS.chooseNewBook]!(fakeCall(chosen).call, undefined)) as { token: string };
    const created = await t.ok('books:create', { pathToken: nb.token, company: '明远机电' });
    expect(created.book).toMatchObject({ path: `${chosen}.creditdesk`, company: '明远机电' });
    await t.ok('customers:create', HUASHENG);

    // back up to a chosen folder, then inspect a copy main did not write: typed refused, chosen accepted
    const backups = path.join(t.dir, 'u盘');
    fs.mkdirSync(backups);
    expect(await t.call('backup:create', { dir: path.join(t.dir, 'elsewhere') })).toMatchObject({
      ok: false,
      error: { key: 'path_needs_dialog', field: 'dir' },
    });
    const bd = (await h[SHELL_CHANNELS.chooseBackupDir]!(fakeCall(backups).call, undefined)) as { token: string };
    const made = await t.ok('backup:create', { dirToken: bd.token });
    expect(path.dirname(made.file)).toBe(backups);
    const copy = path.join(t.dir, 'copy.cdbak');
    fs.copyFileSync(made.file, copy);
    expect(await t.call('backup:inspect', { file: copy })).toMatchObject({
      ok: false,
      error: { key: 'path_needs_dialog', field: 'file' },
    });
    expect(await t.ok('backup:inspect', { file: made.file })).toMatchObject({ verified: true });
    const bf = (await h[SHELL_CHANNELS.chooseBackupFile]!(fakeCall(copy).call, undefined)) as { token: string };
    expect(await t.ok('backup:inspect', { fileToken: bf.token })).toMatchObject({ verified: true });

    // and back to the first book through the open dialog
    const ob = (await h[SHELL_CHANNELS.chooseBookToOpen]!(fakeCall(first).call, undefined)) as { token: string };
    expect((await t.ok('books:open', { pathToken: ob.token })).book.path).toBe(first);
  });
});
