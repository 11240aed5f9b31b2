import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createBackup,
  readManifest,
  restoreBackup,
  verifyBackup,
  timeStamp,
  backupFileName,
} from '../../main/db/backup';
import { HEADER_BYTES, MAGIC } from '../../main/db/backup/format';
import { checkSqliteFile } from '../../main/db/backup/sqlite-check';
import { CHEAP_KDF, dumpBook, listDir, makeBook, tempDir } from '../fixtures/backup-books';

let dir: string;
let book: string;
let out: string;
const now = new Date('2026-11-23T06:07:08Z');

beforeEach(() => {
  dir = tempDir();
  book = path.join(dir, 'book.sqlite');
  out = path.join(dir, 'usb');
  fs.mkdirSync(out);
  makeBook(book, { company: '华东贸易有限公司', customers: 500, invoices: 5000 });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('backup round trip', () => {
  it('plain: backup → verify → restore into a new place gives identical content', async () => {
    const before = dumpBook(book);
    const progress: string[] = [];
    const { file, manifest } = await createBackup({
      dbPath: book,
      toDir: out,
      company: '华东贸易有限公司',
      appVersion: '0.1.0',
      schemaVersion: 1,
      now,
      pagesPerStep: 10,
      onProgress: (done, total, phase) => progress.push(`${phase}:${done}/${total}`),
    });
    expect(path.basename(file)).toBe(`华东贸易有限公司-${timeStamp(now)}.cdbak`);
    expect(path.basename(file)).toMatch(/^华东贸易有限公司-\d{8}-\d{6}\.cdbak$/);
    expect(listDir(out)).toEqual([path.basename(file)]);
    expect(manifest).toMatchObject({
      format: 1,
      app: 'CreditDesk',
      appVersion: '0.1.0',
      schemaVersion: 1,
      company: '华东贸易有限公司',
      createdAt: '2026-11-23T06:07:08.000Z',
      encrypted: false,
      tables: { customers: 500, invoices: 5000, audit_log: 500, settings: 2, kysely_migration: 1 },
    });
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(progress.some((p) => p.startsWith('snapshot:'))).toBe(true);
    expect(progress.filter((p) => p.startsWith('snapshot:')).length).toBeGreaterThan(3); // stepped, not one blocking copy
    expect(progress.some((p) => p.startsWith('write:'))).toBe(true);
    expect(progress.some((p) => p.startsWith('verify:'))).toBe(true);

    const raw = fs.readFileSync(file);
    expect(raw.subarray(0, 7).equals(MAGIC)).toBe(true);
    const mlen = raw.readUInt32BE(7);
    expect(JSON.parse(raw.subarray(HEADER_BYTES, HEADER_BYTES + mlen).toString('utf8'))).toEqual(manifest);

    await expect(verifyBackup(file, { maxSchemaVersion: 1 })).resolves.toMatchObject({ ok: true, manifest });
    expect(await readManifest(file)).toEqual(manifest);

    const target = path.join(dir, 'elsewhere', 'restored.sqlite');
    const r = await restoreBackup(file, { dbPath: target, maxSchemaVersion: 1, now });
    expect(r.savedAside).toBeNull();
    expect(r.restoredFrom).toBe(file);
    expect(dumpBook(target)).toEqual(before);
    expect(listDir(path.dirname(target)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('encrypted: the payload is unreadable without the password and restores exactly with it', async () => {
    const before = dumpBook(book);
    const { file, manifest } = await createBackup({
      dbPath: book,
      toDir: out,
      company: '华东贸易有限公司',
      appVersion: '0.1.0',
      schemaVersion: 1,
      password: '正确 horse battery',
      now,
    });
    expect(manifest.encrypted).toBe(true);
    expect(manifest.kdf).toMatchObject({ name: 'scrypt', N: 1 << 17, r: 8, p: 1 }); // the default: OWASP scrypt N=2^17
    expect(manifest.cipher).toMatchObject({ name: 'aes-256-gcm' });
    const raw = fs.readFileSync(file);
    expect(raw.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(raw.includes(Buffer.from('客户1号'))).toBe(false);
    expect(raw.includes(Buffer.from('正确 horse battery'))).toBe(false);

    await expect(verifyBackup(file, { maxSchemaVersion: 1, password: '正确 horse battery' })).resolves.toMatchObject({
      ok: true,
    });
    const target = path.join(dir, 'restored.sqlite');
    await restoreBackup(file, { dbPath: target, maxSchemaVersion: 1, password: '正确 horse battery' });
    expect(dumpBook(target)).toEqual(before);
  });

  it('restore over an existing book saves the current book aside first (including its WAL)', async () => {
    const original = dumpBook(book);
    const { file } = await createBackup({
      dbPath: book,
      toDir: out,
      company: 'X',
      appVersion: '0.1.0',
      schemaVersion: 1,
      now,
      password: 'pw',
      kdf: CHEAP_KDF,
    });
    // change the book after the backup, leaving un-checkpointed changes in the WAL
    const db = new Database(book);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.prepare("INSERT INTO customers (code, name, credit_limit) VALUES ('NEW1', '新客户', 1)").run();
    db.prepare('DELETE FROM invoices WHERE id < 100').run();
    const changed = (() => {
      const c = new Database(book, { readonly: true });
      try {
        return {
          customers: c.prepare('SELECT * FROM customers ORDER BY rowid').all(),
          invoices: c.prepare('SELECT * FROM invoices ORDER BY rowid').all(),
        };
      } finally {
        c.close();
      }
    })();
    // simulate a crashed app: the WAL stays behind (copy files while the connection is open)
    const crashed = path.join(dir, 'crashed.sqlite');
    fs.copyFileSync(book, crashed);
    fs.copyFileSync(`${book}-wal`, `${crashed}-wal`);
    db.close();
    expect(fs.statSync(`${crashed}-wal`).size).toBeGreaterThan(0);

    const later = new Date('2026-11-24T01:02:03Z');
    const r = await restoreBackup(file, { dbPath: crashed, maxSchemaVersion: 1, password: 'pw', now: later });
    expect(r.savedAside).toBe(`${crashed}.before-restore-${timeStamp(later)}`);
    expect(fs.existsSync(`${crashed}-wal`)).toBe(false);
    expect(fs.existsSync(`${crashed}-shm`)).toBe(false);
    expect(dumpBook(crashed)).toEqual(original);
    const aside = dumpBook(r.savedAside!);
    expect(aside.customers).toEqual(changed.customers);
    expect(aside.invoices).toEqual(changed.invoices);
    const a = new Database(r.savedAside!, { readonly: true });
    expect(a.pragma('integrity_check', { simple: true })).toBe('ok');
    a.close();
  });

  it('a book whose company is not set is named after its file; names are safe for file systems', async () => {
    expect(backupFileName('A/B:C*?"<>|', now)).toBe(`A_B_C______-${timeStamp(now)}.cdbak`);
    expect(backupFileName('  ', now)).toBe(`book-${timeStamp(now)}.cdbak`);
    expect(backupFileName('CON', now)).toBe(`_CON-${timeStamp(now)}.cdbak`);
    // two backups in the same second do not overwrite each other
    const a = await createBackup({ dbPath: book, toDir: out, company: 'Same', appVersion: '0', schemaVersion: 1, now });
    const b = await createBackup({ dbPath: book, toDir: out, company: 'Same', appVersion: '0', schemaVersion: 1, now });
    expect(a.file).not.toBe(b.file);
    expect(path.basename(b.file)).toBe(`Same-${timeStamp(now)}-2.cdbak`);
  });

  it('rotation keeps the newest N backups of the same company only', async () => {
    fs.writeFileSync(path.join(out, 'Other-20200101-000000.cdbak'), 'not ours');
    fs.writeFileSync(path.join(out, 'notes.txt'), 'keep me');
    const files: string[] = [];
    for (let i = 0; i < 5; i++) {
      const t = new Date(now.getTime() + i * 86_400_000);
      const r = await createBackup({
        dbPath: book,
        toDir: out,
        company: '华东贸易有限公司',
        appVersion: '0',
        schemaVersion: 1,
        now: t,
        keep: 3,
      });
      files.push(path.basename(r.file));
      if (i === 4) expect(r.rotated.map((f) => path.basename(f))).toEqual([files[1]]);
    }
    expect(listDir(out)).toEqual(['Other-20200101-000000.cdbak', 'notes.txt', ...files.slice(2)].sort());
  });

  it('is a consistent online copy while another connection keeps writing', async () => {
    const writer = new Database(book);
    writer.pragma('journal_mode = WAL');
    const ins = writer.prepare("INSERT INTO audit_log (at, entity) VALUES ('2026-11-23T00:00:00Z', 'during-backup')");
    let writes = 0;
    const reader = new Database(book, { readonly: true });
    const { file, manifest } = await createBackup({
      sqlite: reader,
      toDir: out,
      company: 'Live',
      appVersion: '0',
      schemaVersion: 1,
      pagesPerStep: 5,
      onProgress: (_d, _t, phase) => {
        if (phase === 'snapshot' && writes < 20) {
          writer.transaction(() => {
            ins.run();
            ins.run();
          })();
          writes++;
        }
      },
    });
    writer.close();
    reader.close();
    expect(writes).toBeGreaterThan(0);
    await expect(verifyBackup(file, { maxSchemaVersion: 1 })).resolves.toMatchObject({ ok: true });
    // whole transactions only: the copy has an even number of rows written during the backup
    const target = path.join(dir, 'r.sqlite');
    await restoreBackup(file, { dbPath: target, maxSchemaVersion: 1 });
    const db = new Database(target, { readonly: true });
    const n = (db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'during-backup'").get() as { n: number })
      .n;
    db.close();
    expect(n % 2).toBe(0);
    expect(manifest.tables.audit_log).toBe(500 + n);
  });

  it('the SQLite check gives the same answer in the worker thread and in-thread', async () => {
    const worker = await checkSqliteFile(book);
    const inThread = await checkSqliteFile(book, { inThread: true });
    expect(worker).toEqual(inThread);
    expect(worker.integrity).toEqual(['ok']);
    expect(worker.counts).toMatchObject({ customers: 500, invoices: 5000 });
  });
});
