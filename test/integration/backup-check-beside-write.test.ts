// A backup takes its snapshot, counts its rows and runs its integrity_check in ONE worker, and
// writes the file while integrity_check still runs (it is the longest step). A snapshot that
// fails the check is still refused with the same message, and nothing is left in the target or
// the temp folder; a healthy one gives a file that verifies and restores.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackupError, createBackup, restoreBackup, verifyBackup, type BackupTargetFs } from '../../main/db/backup';
import { nodeTargetFs } from '../../main/db/backup/fsutil';
import { CHEAP_KDF, dumpBook, makeBook, tempDir } from '../fixtures/backup-books';

const workers = vi.hoisted(() => ({ started: 0 }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class CountedWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      workers.started++;
    }
  }
  return { ...real, default: { ...real, Worker: CountedWorker }, Worker: CountedWorker };
});

const PW = 'pw-旁路';
let dir: string;
let good: string;
let damaged: string;
let out: string;
let tmp: string;

beforeAll(() => {
  dir = tempDir('cd-beside-');
  good = path.join(dir, 'good.sqlite');
  damaged = path.join(dir, 'damaged.sqlite');
  out = path.join(dir, 'usb');
  tmp = path.join(dir, 'tmp');
  fs.mkdirSync(out);
  fs.mkdirSync(tmp);
  makeBook(good, { company: 'B', customers: 60, invoices: 3000 });
  makeBook(damaged, { company: 'B', customers: 60, invoices: 3000 });
  // an index entry changed on disk: the file opens and copies fine, only integrity_check
  // notices ("row N missing from index")
  const db = new Database(damaged);
  db.exec('CREATE TABLE zz (k TEXT); CREATE INDEX zz_k ON zz(k);');
  const ins = db.prepare('INSERT INTO zz VALUES (?)');
  for (let i = 0; i < 50; i++) ins.run(`KEY${String(i).padStart(4, '0')}`);
  const root = (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'zz_k'").get() as { rootpage: number })
    .rootpage;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('journal_mode = DELETE');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = fs.readFileSync(damaged);
  const page = bytes.subarray((root - 1) * pageSize, root * pageSize);
  const at = page.indexOf('KEY0007');
  expect(at).toBeGreaterThan(0);
  page.write('KEX', at, 'latin1');
  fs.writeFileSync(damaged, bytes);
});
beforeEach(() => {
  workers.started = 0;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** node:fs, noting when the target file is created. */
function watchedFs(seen: { created: number }): BackupTargetFs {
  return {
    async create(file) {
      seen.created++;
      return nodeTargetFs.create(file);
    },
  };
}

const common = (dbPath: string, password?: string) => ({
  dbPath,
  toDir: out,
  company: 'B',
  appVersion: '0.1.0',
  schemaVersion: 1,
  password,
  kdf: CHEAP_KDF,
  tempDir: tmp,
});

describe('integrity_check beside the write', () => {
  it('the damaged copy is confirmed damaged (control for the tests below)', () => {
    const db = new Database(damaged, { readonly: true });
    expect(String(db.pragma('integrity_check', { simple: true }))).toMatch(/missing from index/);
    db.close();
  });

  for (const password of [undefined, PW]) {
    const kind = password ? 'encrypted' : 'plain';

    it(`${kind}: a snapshot failing integrity_check is refused as before, after being written beside the check`, async () => {
      const seen = { created: 0 };
      const usb = fs.mkdtempSync(path.join(dir, 'usb-'));
      const err = await createBackup({ ...common(damaged, password), toDir: usb, targetFs: watchedFs(seen) }).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(BackupError);
      expect((err as BackupError).problem).toBe('source-damaged');
      expect((err as BackupError).message).toMatch(/fails SQLite's integrity check.*missing from index/);
      // the file was being written while the check ran: it did not wait for the check
      expect(seen.created).toBe(1);
      expect(fs.readdirSync(usb)).toEqual([]);
      expect(fs.readdirSync(tmp)).toEqual([]);
    });

    it(`${kind}: one worker copies, counts and checks; the file verifies and restores`, async () => {
      const r = await createBackup({
        ...common(good, password),
        now: new Date(Date.UTC(2026, 11, 1, password ? 1 : 2)),
      });
      expect(workers.started).toBe(1);
      expect(r.manifest.tables.invoices).toBe(3000);
      expect(fs.readdirSync(tmp)).toEqual([]);
      const v = await verifyBackup(r.file, { password, maxSchemaVersion: 1 });
      expect(v.manifest.tables).toEqual(r.manifest.tables);
      const target = path.join(dir, `restored-${kind}.sqlite`);
      await restoreBackup(r.file, { dbPath: target, password, maxSchemaVersion: 1 });
      expect(dumpBook(target)).toEqual(dumpBook(good));
    });
  }
});
