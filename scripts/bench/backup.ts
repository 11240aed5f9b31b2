// Backup benchmark: backup (plain and encrypted), verify and restore times on a given book, and
// the longest main-thread block during each (a 10 ms interval lag monitor: what the Electron
// window would feel). The book is never touched: it is copied to a temporary folder first.
//
//   node bin/run-ts.mjs scripts/bench/backup.ts /path/to/book.creditdesk
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import {
  APP_SCHEMA_VERSION,
  createBackup,
  readCompanyName,
  readSchemaVersion,
  restoreBackup,
  verifyBackup,
} from '../../main/db/backup';

/** Runs `fn` while measuring the longest gap between 10 ms timer ticks (main-thread block). */
async function measure<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; maxLagMs: number; value: T }> {
  let last = performance.now();
  let maxLag = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 10);
    last = now;
  }, 10);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage(); // the whole process: worker threads and scrypt's thread pool too
  try {
    const value = await fn();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    // the final stretch since the last tick counts too
    maxLag = Math.max(maxLag, performance.now() - last - 10);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, maxLagMs: Math.max(0, maxLag), value };
  } finally {
    clearInterval(timer);
  }
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export async function runBackupBench(dbPath: string): Promise<Record<string, number>> {
  const src = path.resolve(dbPath);
  if (!fs.existsSync(src)) throw new Error(`book not found: ${src}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'creditdesk-bench-backup-'));
  try {
    // a consistent private copy of the book (includes its WAL)
    const book = path.join(work, 'book.creditdesk');
    const srcDb = new Database(src, { readonly: true, fileMustExist: true });
    try {
      await srcDb.backup(book);
    } finally {
      srcDb.close();
    }
    const targets = path.join(work, 'target');
    fs.mkdirSync(targets);

    const db = new Database(book, { fileMustExist: true });
    db.pragma('journal_mode = WAL');
    const company = readCompanyName(db, book);
    const schemaVersion = readSchemaVersion(db);
    const bookBytes = fs.statSync(book).size;

    const plain = await measure(() =>
      createBackup({
        sqlite: db,
        toDir: targets,
        company,
        appVersion: 'bench',
        schemaVersion,
        now: new Date(Date.now()),
      }),
    );
    const enc = await measure(() =>
      createBackup({
        sqlite: db,
        toDir: targets,
        company,
        appVersion: 'bench',
        schemaVersion,
        password: 'bench-口令',
        now: new Date(Date.now() + 1000),
      }),
    );
    db.close();

    const verify = await measure(() =>
      verifyBackup(plain.value.file, { maxSchemaVersion: Math.max(APP_SCHEMA_VERSION, schemaVersion) }),
    );
    const verifyEnc = await measure(() =>
      verifyBackup(enc.value.file, {
        password: 'bench-口令',
        maxSchemaVersion: Math.max(APP_SCHEMA_VERSION, schemaVersion),
      }),
    );
    const restore = await measure(() =>
      restoreBackup(plain.value.file, { dbPath: book, maxSchemaVersion: Math.max(APP_SCHEMA_VERSION, schemaVersion) }),
    );

    return {
      bookBytes,
      backupBytes: fs.statSync(plain.value.file).size,
      rows: Object.values(plain.value.manifest.tables).reduce((a, b) => a + b, 0),
      backupMs: r1(plain.ms),
      backupCpuMs: r1(plain.cpuMs),
      backupMaxLagMs: r1(plain.maxLagMs),
      backupEncryptedMs: r1(enc.ms),
      backupEncryptedCpuMs: r1(enc.cpuMs),
      backupEncryptedMaxLagMs: r1(enc.maxLagMs),
      verifyMs: r1(verify.ms),
      verifyCpuMs: r1(verify.cpuMs),
      verifyMaxLagMs: r1(verify.maxLagMs),
      verifyEncryptedMs: r1(verifyEnc.ms),
      verifyEncryptedCpuMs: r1(verifyEnc.cpuMs),
      verifyEncryptedMaxLagMs: r1(verifyEnc.maxLagMs),
      restoreMs: r1(restore.ms),
      restoreCpuMs: r1(restore.cpuMs),
      restoreMaxLagMs: r1(restore.maxLagMs),
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node bin/run-ts.mjs scripts/bench/backup.ts /path/to/book\n');
    process.exit(2);
  }
  runBackupBench(file).then(
    (r) => {
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    },
    (e) => {
      process.stderr.write(`backup bench failed: ${(e as Error).message}\n`);
      process.exit(1);
    },
  );
}
