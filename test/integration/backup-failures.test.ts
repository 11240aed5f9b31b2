// A backup that cannot be finished (disk full, USB stick pulled) says so clearly and leaves
// nothing in the target that verifies or looks like a finished backup.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, createBackup, verifyBackup, type BackupTargetFs } from '../../main/db/backup';
import { nodeTargetFs } from '../../main/db/backup/fsutil';
import { CHEAP_KDF, bookFingerprint, listDir, makeBook, tempDir } from '../fixtures/backup-books';
import { expectKeyedChinese } from '../support/backup-zh';

let dir: string;
let book: string;
let out: string;

beforeEach(() => {
  dir = tempDir();
  book = path.join(dir, 'book.sqlite');
  out = path.join(dir, 'usb');
  fs.mkdirSync(out);
  makeBook(book, { company: '公司', customers: 400, invoices: 20000 });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A target file system that fails with `code` after `limit` bytes (a USB stick filling up). */
function failingFs(limit: number, code: string, seen: { files: string[] }): BackupTargetFs {
  return {
    async create(file) {
      seen.files.push(file);
      const h = await nodeTargetFs.create(file);
      let written = 0;
      return {
        async write(buf) {
          if (written + buf.length > limit) {
            const room = Math.max(0, limit - written);
            if (room) await h.write(buf.subarray(0, room));
            written = limit;
            throw Object.assign(new Error(`${code}: simulated`), { code });
          }
          written += buf.length;
          await h.write(buf);
        },
        writeAt: (buf, position) => h.writeAt(buf, position),
        sync: () => h.sync(),
        close: () => h.close(),
      };
    },
  };
}

const common = () => ({ dbPath: book, toDir: out, company: '公司', appVersion: '0.1.0', schemaVersion: 1 });

function expectTargetClean() {
  const left = listDir(out);
  expect(left.filter((f) => f.endsWith('.cdbak'))).toEqual([]);
  expect(left).toEqual([]); // not even the .partial
}

describe('backup failures', () => {
  it('disk full while writing: clear message, partial removed', async () => {
    const seen = { files: [] as string[] };
    const before = bookFingerprint(book);
    const err = await createBackup({ ...common(), targetFs: failingFs(200_000, 'ENOSPC', seen) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BackupError);
    expectKeyedChinese(err); // #16
    expect((err as BackupError).problem).toBe('disk-full');
    expect((err as BackupError).message).toMatch(/not enough free space on .*usb.*disk full/);
    expect(seen.files).toHaveLength(1);
    expect(seen.files[0]).toMatch(/\.cdbak\.partial$/);
    expectTargetClean();
    expect(bookFingerprint(book)).toEqual(before);
  });

  it('disk full while writing the header, and at fsync', async () => {
    const seen = { files: [] as string[] };
    await expect(
      createBackup({ ...common(), password: 'x', kdf: CHEAP_KDF, targetFs: failingFs(10, 'ENOSPC', seen) }),
    ).rejects.toMatchObject({ problem: 'disk-full' });
    expectTargetClean();
    const syncFails: BackupTargetFs = {
      async create(file) {
        const h = await nodeTargetFs.create(file);
        return {
          write: h.write,
          writeAt: h.writeAt,
          close: h.close,
          sync: async () => {
            throw Object.assign(new Error('EIO'), { code: 'EIO' });
          },
        };
      },
    };
    const err = await createBackup({ ...common(), targetFs: syncFails }).catch((e: unknown) => e);
    expect((err as BackupError).problem).toBe('target-gone');
    expectKeyedChinese(err); // #16
    expect((err as BackupError).message).toMatch(/no longer available.*USB stick/);
    expectTargetClean();
  });

  it('target folder removed during the snapshot (USB stick pulled early)', async () => {
    let pulled = false;
    const err = await createBackup({
      ...common(),
      pagesPerStep: 5,
      onProgress: (_d, _t, phase) => {
        if (phase === 'snapshot' && !pulled) {
          fs.rmSync(out, { recursive: true, force: true });
          pulled = true;
        }
      },
    }).catch((e: unknown) => e);
    expect(pulled).toBe(true);
    expect(err).toBeInstanceOf(BackupError);
    expectKeyedChinese(err); // #16
    expect((err as BackupError).problem).toBe('target-gone');
    expectKeyedChinese(err); // #16
    expect((err as BackupError).message).toMatch(/no longer available .*was the USB stick or drive removed/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('target folder removed while writing the file: no file left that verifies', async () => {
    let pulled = false;
    const err = await createBackup({
      ...common(),
      onProgress: (done, _t, phase) => {
        if (phase === 'write' && done > 0 && !pulled) {
          fs.rmSync(out, { recursive: true, force: true });
          pulled = true;
        }
      },
    }).catch((e: unknown) => e);
    expect(pulled).toBe(true);
    expect((err as BackupError).problem).toBe('target-gone');
    expectKeyedChinese(err); // #16
    // "the stick is plugged back in": the folder reappears, empty
    fs.mkdirSync(out, { recursive: true });
    expectTargetClean();
  });

  it('target folder replaced during the verification: the partial never becomes final', async () => {
    let pulled = false;
    const err = await createBackup({
      ...common(),
      onProgress: (_d, _t, phase) => {
        if (phase === 'verify' && !pulled) {
          fs.rmSync(out, { recursive: true, force: true });
          fs.mkdirSync(out);
          pulled = true;
        }
      },
    }).catch((e: unknown) => e);
    expect(pulled).toBe(true);
    expect((err as BackupError).problem).toBe('target-gone');
    expectKeyedChinese(err); // #16
    expectTargetClean();
  });

  it('a missing target folder is reported before any work, and never created', async () => {
    const missing = path.join(dir, 'no-stick', 'backups');
    const err = await createBackup({ ...common(), toDir: missing }).catch((e: unknown) => e);
    expect((err as BackupError).problem).toBe('target-gone');
    expectKeyedChinese(err); // #16
    expect((err as BackupError).message).toMatch(/backup folder not found: .*is the USB stick or drive plugged in/);
    expect(fs.existsSync(path.join(dir, 'no-stick'))).toBe(false);
  });

  it('a .partial left by a killed backup never verifies; the next backup does not reuse its name', async () => {
    const { file } = await createBackup({ ...common(), now: new Date('2026-05-05T05:05:05Z') });
    fs.copyFileSync(file, `${file}.partial`);
    await expect(verifyBackup(`${file}.partial`, { maxSchemaVersion: 1 })).rejects.toMatchObject({
      problem: 'incomplete',
    });
    fs.renameSync(file, path.join(dir, 'moved.cdbak'));
    const second = await createBackup({ ...common(), now: new Date('2026-05-05T05:05:05Z') });
    expect(second.file).not.toBe(file);
    expect(second.file).toMatch(/-2\.cdbak$/);
  });

  it('a damaged source book is refused with a clear message', async () => {
    const bad = path.join(dir, 'bad.sqlite');
    fs.writeFileSync(bad, Buffer.alloc(8192, 7));
    const err = await createBackup({ ...common(), dbPath: bad }).catch((e: unknown) => e);
    expect((err as BackupError).problem).toBe('source-damaged');
    expectKeyedChinese(err); // #16
    expectTargetClean();
  });
});
