// Restoring over a book saves the book aside first: a file copy, then its header switched from
// WAL to a rollback journal (one self-contained file). That switch syncs the file on the window's
// thread; the copy's pages must already be on disk by then (synced asynchronously), or the switch
// blocks the thread while the whole copy is written out (~100 ms on a 58 MB book).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createBackup, restoreBackup } from '../../main/db/backup';
import { dumpBook, makeBook, tempDir } from '../fixtures/backup-books';

/** Header byte 18 of each sync of a saved-aside copy: 2 = still WAL, 1 = rollback journal. */
const syncs = vi.hoisted(() => ({ asideHeaders: [] as number[] }));
vi.mock('../../main/db/backup/fsutil', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../main/db/backup/fsutil')>();
  return {
    ...real,
    fsyncFile: async (file: string) => {
      if (file.includes('.before-restore-') && file.endsWith('.partial')) {
        const fd = fs.openSync(file, 'r');
        const head = Buffer.alloc(20);
        fs.readSync(fd, head, 0, 20, 0);
        fs.closeSync(fd);
        syncs.asideHeaders.push(head[18]);
      }
      return real.fsyncFile(file);
    },
  };
});

let dir: string;
let book: string;
let backupFile: string;
beforeAll(async () => {
  dir = tempDir('cd-aside-sync-');
  book = path.join(dir, 'book.sqlite');
  makeBook(book, { company: 'A', customers: 40, invoices: 800 });
  const out = path.join(dir, 'usb');
  fs.mkdirSync(out);
  const r = await createBackup({ dbPath: book, toDir: out, company: 'A', appVersion: 't', schemaVersion: 1 });
  backupFile = r.file;
});

describe('saving the book aside before a restore', () => {
  it('syncs the copy while it is still in WAL form, then again after the switch to a rollback journal', async () => {
    const before = dumpBook(book);
    const r = await restoreBackup(backupFile, { dbPath: book, maxSchemaVersion: 1 });
    expect(syncs.asideHeaders).toEqual([2, 1]);
    // the copy saved aside is the book as it was, one file without -wal
    expect(r.savedAside).not.toBeNull();
    const aside = r.savedAside as string;
    expect(fs.readFileSync(aside)[18]).toBe(1);
    expect(fs.existsSync(`${aside}-wal`)).toBe(false);
    expect(dumpBook(aside)).toEqual(before);
    expect(dumpBook(book)).toEqual(before);
  });
});
