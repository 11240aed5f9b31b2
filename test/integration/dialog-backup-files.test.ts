// #15 item 10f, backup files: in the desktop app backup:inspect and backup:restore take a file
// chosen in the native dialog (a staged token: inspect keeps it, the restore spends it) or a
// backup main itself wrote (the page's "recent backups"); any other typed path is refused with
// nothing changed. Browser mode keeps typed paths.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupCreateResult } from '../../shared/types-backup';
import { stagedPaths } from '../../main/services/files/staged-paths';
import { HUASHENG, openTestDesk, type TestDesk } from '../support/book';

const CHEAP_KDF = { N: 1024, r: 8, p: 1 };
let t: TestDesk | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

/** A desk with one backup (no customers) copied to a folder main never wrote to, and one customer
 *  added after it: a restore from the copy would remove the customer. */
async function deskWithForeignBackup(mode: 'electron' | 'browser') {
  t = await openTestDesk({ mode });
  t.desk.backup.configure({ kdf: CHEAP_KDF, listDrives: async () => [] });
  const made: BackupCreateResult = await t.ok('backup:create', {
    dirToken: stagedPaths.stage(t.dir, 'backup-dir').token,
  });
  const elsewhere = path.join(t.dir, 'elsewhere');
  fs.mkdirSync(elsewhere);
  const copy = path.join(elsewhere, 'copy.cdbak');
  fs.copyFileSync(made.file, copy);
  await t.ok('customers:create', HUASHENG);
  return { desk: t, written: made.file, copy };
}
const customers = async (d: TestDesk) => (await d.ok('customers:list', {})).total as number;

describe('desktop: backup files only from a dialog or main’s own backups', () => {
  it('a typed path main did not write is refused for inspect and restore; the book is unchanged', async () => {
    const { desk, copy } = await deskWithForeignBackup('electron');
    const bookBefore = fs.readFileSync(desk.desk.ctx.book.path).length;
    for (const [channel, input] of [
      ['backup:inspect', { file: copy }],
      ['backup:restore', { file: copy, confirm: true }],
    ] as const) {
      expect(await desk.call(channel, input)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', field: 'file', key: 'path_needs_dialog' },
      });
    }
    expect(await customers(desk)).toBe(1);
    expect(fs.readdirSync(path.dirname(desk.desk.ctx.book.path)).filter((f) => f.includes('before-restore'))).toEqual(
      [],
    );
    expect(fs.readFileSync(desk.desk.ctx.book.path).length).toBe(bookBefore);
  });

  it('a staged file token: inspect keeps it (twice), restore spends it; once, for its own purpose', async () => {
    const { desk, copy } = await deskWithForeignBackup('electron');
    // a folder token or a book token is no backup-file token, and trying it changes nothing
    const dirToken = stagedPaths.stage(copy, 'backup-dir').token;
    expect(await desk.call('backup:inspect', { fileToken: dirToken })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'file', key: 'path_token_gone' },
    });
    const bookToken = stagedPaths.stage(copy, 'book-open').token;
    expect(await desk.call('backup:restore', { fileToken: bookToken, confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'file' },
    });
    expect(await customers(desk)).toBe(1);

    const chosen = stagedPaths.stage(copy, 'backup-file');
    for (let i = 0; i < 2; i++) {
      const insp = await desk.ok('backup:inspect', { fileToken: chosen.token });
      expect(insp).toMatchObject({ file: copy, verified: true, compatible: true });
      expect(insp.manifest).toMatchObject({ createdAt: '2026-11-23T09:00:00.000Z' });
    }
    const restored = await desk.ok('backup:restore', { fileToken: chosen.token, confirm: true });
    expect(restored.restoredFrom).toBe(copy);
    expect(await customers(desk)).toBe(0);
    // spent: neither restore nor inspect takes it again
    await desk.ok('customers:create', HUASHENG);
    expect(await desk.call('backup:restore', { fileToken: chosen.token, confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', key: 'path_token_gone' },
    });
    expect(await desk.call('backup:inspect', { fileToken: chosen.token })).toMatchObject({ ok: false });
    expect(await customers(desk)).toBe(1);
  });

  it('a refused restore (no operator) does not spend the token', async () => {
    const { desk, copy } = await deskWithForeignBackup('electron');
    const chosen = stagedPaths.stage(copy, 'backup-file');
    const operator = desk.desk.ctx.session.operator;
    desk.desk.ctx.session.operator = null;
    expect((await desk.call('backup:restore', { fileToken: chosen.token, confirm: true })).ok).toBe(false);
    desk.desk.ctx.session.operator = operator;
    expect((await desk.ok('backup:restore', { fileToken: chosen.token, confirm: true })).restoredFrom).toBe(copy);
  });

  it('a backup main wrote (the recent backups) may be typed', async () => {
    const { desk, written } = await deskWithForeignBackup('electron');
    expect(await desk.ok('backup:inspect', { file: written })).toMatchObject({ verified: true });
    expect((await desk.ok('backup:restore', { file: written, confirm: true })).restoredFrom).toBe(written);
    expect(await customers(desk)).toBe(0);
  });

  it('neither or both of file and token is a bad request', async () => {
    t = await openTestDesk({ mode: 'electron' });
    expect(await t.call('backup:inspect', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'file' },
    });
    expect(await t.call('backup:restore', { file: t.dir, fileToken: 'x', confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'file' },
    });
  });
});

describe('browser mode keeps typed backup files', () => {
  it('inspect and restore a typed path anywhere', async () => {
    const { desk, copy } = await deskWithForeignBackup('browser');
    expect(await desk.ok('backup:inspect', { file: copy })).toMatchObject({ file: copy, verified: true });
    expect((await desk.ok('backup:restore', { file: copy, confirm: true })).restoredFrom).toBe(copy);
    expect(await customers(desk)).toBe(0);
  });
});
